using System.Runtime.CompilerServices;
using Lucene.Net.Index;
using Lucene.Net.Util;

namespace LearningPortal.Search.Lucene;

/// <summary>
/// One segment's type, themes and year for every document, read from its doc values once and kept for as long as the
/// segment is open: a segment never changes, so every search after the first counts facets from plain arrays rather
/// than decoding the doc values again for each matching document.
/// </summary>
internal sealed class FacetValues
{
    private static readonly ConditionalWeakTable<object, FacetValues> BySegment = new();

    private FacetValues(AtomicReader reader)
    {
        var count = reader.MaxDoc;
        var kind = reader.GetSortedDocValues(IndexFields.Kind);
        var themes = reader.GetSortedSetDocValues(IndexFields.Themes);
        var year = reader.GetNumericDocValues(IndexFields.Year);
        KindNames = Names(kind?.ValueCount ?? 0, (ord, term) => kind!.LookupOrd(ord, term));
        ThemeNames = Names((int)(themes?.ValueCount ?? 0), (ord, term) => themes!.LookupOrd(ord, term));
        Kinds = new int[count];
        Years = new int[count];
        ThemeStarts = new int[count + 1];
        var ords = new List<int>(count);
        for (var doc = 0; doc < count; doc++)
        {
            Kinds[doc] = kind?.GetOrd(doc) ?? -1;
            Years[doc] = (int)(year?.Get(doc) ?? 0);
            ThemeStarts[doc] = ords.Count;
            if (themes is not null)
            {
                themes.SetDocument(doc);
                for (var ord = themes.NextOrd(); ord != SortedSetDocValues.NO_MORE_ORDS; ord = themes.NextOrd())
                {
                    ords.Add((int)ord);
                }
            }
        }

        ThemeStarts[count] = ords.Count;
        ThemeOrds = [.. ords];
    }

    /// <summary>Type names by ordinal.</summary>
    public string[] KindNames { get; }

    /// <summary>Theme names by ordinal.</summary>
    public string[] ThemeNames { get; }

    /// <summary>Each document's type ordinal, -1 for none.</summary>
    public int[] Kinds { get; }

    /// <summary>Each document's year.</summary>
    public int[] Years { get; }

    /// <summary>Where each document's theme ordinals start in <see cref="ThemeOrds"/> (one more entry than documents).</summary>
    public int[] ThemeStarts { get; }

    public int[] ThemeOrds { get; }

    /// <summary>The segment's values, read on its first search.</summary>
    public static FacetValues For(AtomicReader reader) => BySegment.GetValue(reader.CoreCacheKey, _ => new FacetValues(reader));

    private static string[] Names(int count, Action<int, BytesRef> lookup)
    {
        var names = new string[count];
        var term = new BytesRef();
        for (var ord = 0; ord < count; ord++)
        {
            lookup(ord, term);
            names[ord] = term.Utf8ToString();
        }

        return names;
    }
}
