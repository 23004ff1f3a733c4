using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace LearningPortal.Search.Lucene;

/// <summary>
/// One pass over every document that matches the words: counts type, theme and year values and passes the
/// documents that satisfy all the filters to the collector of the page's hits. A value's count applies the
/// filters of the other two dimensions but not its own, so ticking "Learning briefing" still shows how many
/// strategies there are to add.
/// </summary>
internal sealed class FacetingCollector(ICollector hits, SearchQuery query) : ICollector
{
    private readonly HashSet<string> kinds = query.Kinds.ToHashSet(StringComparer.Ordinal);
    private readonly HashSet<string> themes = query.Themes.ToHashSet(StringComparer.Ordinal);
    private readonly HashSet<int> years = query.Years.ToHashSet();
    private readonly Dictionary<string, int> kindCounts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> themeCounts = new(StringComparer.Ordinal);
    // Years from 1900 to 2299 by offset: an array is faster than a dictionary for a count per document.
    private const int FirstYear = 1900;
    private readonly int[] yearCounts = new int[400];

    private Segment? segment;

    /// <summary>Documents that passed every filter.</summary>
    public int Total { get; private set; }

    public bool AcceptsDocsOutOfOrder => false;

    public void SetScorer(Scorer scorer) => hits.SetScorer(scorer);

    public void SetNextReader(AtomicReaderContext context)
    {
        segment?.AddTo(kindCounts, themeCounts);
        segment = new Segment(context.AtomicReader, kinds, themes);
        hits.SetNextReader(context);
    }

    public void Collect(int doc)
    {
        var s = segment!;
        var kindOrd = s.Kind?.GetOrd(doc) ?? -1;
        var kindOk = kinds.Count == 0 || (kindOrd >= 0 && s.SelectedKinds[kindOrd]);
        var themeCount = s.ReadThemes(doc);
        var themeOk = themes.Count == 0;
        for (var i = 0; i < themeCount && !themeOk; i++)
        {
            themeOk = s.SelectedThemes[s.ThemeOrds[i]];
        }

        var year = (int)(s.Year?.Get(doc) ?? 0);
        var yearOk = years.Count == 0 || years.Contains(year);

        if (themeOk && yearOk && kindOrd >= 0)
        {
            s.KindCounts[kindOrd]++;
        }

        if (kindOk && yearOk)
        {
            for (var i = 0; i < themeCount; i++)
            {
                s.ThemeCounts[s.ThemeOrds[i]]++;
            }
        }

        if (kindOk && themeOk && (uint)(year - FirstYear) < (uint)yearCounts.Length)
        {
            yearCounts[year - FirstYear]++;
        }

        if (kindOk && themeOk && yearOk)
        {
            Total++;
            hits.Collect(doc);
        }
    }

    public SearchFacets Facets()
    {
        segment?.AddTo(kindCounts, themeCounts);
        segment = null;
        return new SearchFacets(
            Counts(kindCounts, kinds).OrderByDescending(f => f.Count).ThenBy(f => f.Value, StringComparer.Ordinal).ToList(),
            Counts(themeCounts, themes).OrderByDescending(f => f.Count).ThenBy(f => f.Value, StringComparer.OrdinalIgnoreCase).ToList(),
            Counts(
                    yearCounts.Select((count, i) => (Year: FirstYear + i, Count: count)).Where(y => y.Count > 0).ToDictionary(y => IndexFields.YearText(y.Year), y => y.Count),
                    years.Select(IndexFields.YearText).ToHashSet())
                .OrderByDescending(f => f.Value, StringComparer.Ordinal).ToList());
    }

    // A chosen value stays in the list at 0 so that it can be unticked.
    private static IEnumerable<FacetCount> Counts(Dictionary<string, int> counts, HashSet<string> selected) =>
        counts.Where(c => c.Value > 0).Select(c => c.Key)
            .Union(selected)
            .Select(v => new FacetCount(v, counts.GetValueOrDefault(v), selected.Contains(v)));

    /// <summary>Per-segment doc values and counts by ordinal, turned into names once per segment.</summary>
    private sealed class Segment
    {
        public Segment(AtomicReader reader, HashSet<string> kinds, HashSet<string> themes)
        {
            Kind = reader.GetSortedDocValues(IndexFields.Kind);
            Themes = reader.GetSortedSetDocValues(IndexFields.Themes);
            Year = reader.GetNumericDocValues(IndexFields.Year);
            KindCounts = new int[Kind?.ValueCount ?? 0];
            ThemeCounts = new int[Themes?.ValueCount ?? 0];
            SelectedKinds = Selected(KindCounts.Length, kinds, v => Kind!.LookupTerm(v));
            SelectedThemes = Selected(ThemeCounts.Length, themes, v => Themes!.LookupTerm(v));
        }

        public SortedDocValues? Kind { get; }

        public SortedSetDocValues? Themes { get; }

        public NumericDocValues? Year { get; }

        public int[] KindCounts { get; }

        public int[] ThemeCounts { get; }

        public bool[] SelectedKinds { get; }

        public bool[] SelectedThemes { get; }

        public int[] ThemeOrds { get; private set; } = new int[8];

        public int ReadThemes(int doc)
        {
            if (Themes is null)
            {
                return 0;
            }

            Themes.SetDocument(doc);
            var n = 0;
            for (var ord = Themes.NextOrd(); ord != SortedSetDocValues.NO_MORE_ORDS; ord = Themes.NextOrd())
            {
                if (n == ThemeOrds.Length)
                {
                    var bigger = new int[n * 2];
                    ThemeOrds.CopyTo(bigger, 0);
                    ThemeOrds = bigger;
                }

                ThemeOrds[n++] = (int)ord;
            }

            return n;
        }

        public void AddTo(Dictionary<string, int> kindTotals, Dictionary<string, int> themeTotals)
        {
            var term = new BytesRef();
            for (var ord = 0; ord < KindCounts.Length; ord++)
            {
                if (KindCounts[ord] > 0)
                {
                    Kind!.LookupOrd(ord, term);
                    var name = term.Utf8ToString();
                    kindTotals[name] = kindTotals.GetValueOrDefault(name) + KindCounts[ord];
                }
            }

            for (var ord = 0; ord < ThemeCounts.Length; ord++)
            {
                if (ThemeCounts[ord] > 0)
                {
                    Themes!.LookupOrd(ord, term);
                    var name = term.Utf8ToString();
                    themeTotals[name] = themeTotals.GetValueOrDefault(name) + ThemeCounts[ord];
                }
            }
        }

        private static bool[] Selected(int size, HashSet<string> values, Func<BytesRef, long> lookup)
        {
            var selected = new bool[size];
            foreach (var value in values)
            {
                var ord = size == 0 ? -1 : lookup(new BytesRef(value));
                if (ord >= 0)
                {
                    selected[ord] = true;
                }
            }

            return selected;
        }
    }
}
