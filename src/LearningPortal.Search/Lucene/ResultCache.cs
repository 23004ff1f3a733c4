using System.Globalization;
using System.Text;
using Lucene.Net.Index;
using Lucene.Net.Util;

namespace LearningPortal.Search.Lucene;

/// <summary>
/// The answers to recent searches, for as long as they cannot change: each answer belongs to the index reader it was
/// read from (a commit, here or from the journal, opens a new reader and so empties the cache) and lasts until the next
/// item in the index passes its expiry (sessions that start drop out of results at that moment). Nothing else about an
/// answer depends on the time. So a cached answer is always the one a fresh search would give on this instance; freshness
/// across instances is the journal's, as without the cache.
/// </summary>
internal sealed class ResultCache
{
    /// <summary>Distinct searches kept per reader; when full the cache starts again (a bound, not an eviction policy).</summary>
    internal const int MaxEntries = 2_000;

    private readonly Lock sync = new();
    private readonly Dictionary<string, Entry> entries = new(StringComparer.Ordinal);
    private IndexReader? reader;
    private long[] expiries = [];

    public bool TryGet(IndexReader current, string key, long nowTicks, out SearchResults results)
    {
        lock (sync)
        {
            if (ReferenceEquals(reader, current) && entries.TryGetValue(key, out var entry) && nowTicks < entry.ValidUntilTicks)
            {
                results = entry.Results;
                return true;
            }
        }

        results = null!;
        return false;
    }

    public void Add(IndexReader current, string key, long nowTicks, SearchResults results)
    {
        lock (sync)
        {
            if (!ReferenceEquals(reader, current))
            {
                reader = current;
                entries.Clear();
                expiries = Expiries(current);
            }

            if (entries.Count >= MaxEntries)
            {
                entries.Clear();
            }

            entries[key] = new Entry(NextExpiryAfter(nowTicks), results);
        }
    }

    /// <summary>The cache key: everything in the query that changes the answer, in a fixed order.</summary>
    public static string Key(SearchQuery query)
    {
        var key = new StringBuilder(query.Text?.Length + 64 ?? 64);
        key.Append(query.Text).Append('\u001f');
        foreach (var kind in query.Kinds.Order(StringComparer.Ordinal))
        {
            key.Append(kind).Append('\u001e');
        }

        key.Append('\u001f');
        foreach (var theme in query.Themes.Order(StringComparer.Ordinal))
        {
            key.Append(theme).Append('\u001e');
        }

        key.Append('\u001f');
        foreach (var year in query.Years.Order())
        {
            key.Append(year.ToString(CultureInfo.InvariantCulture)).Append('\u001e');
        }

        return key.Append('\u001f').Append((int)query.Sort).Append('\u001f').Append(query.Page).Append('\u001f').Append(query.PageSize)
            .Append('\u001f').Append(query.IncludeDrafts ? '1' : '0').ToString();
    }

    private long NextExpiryAfter(long nowTicks)
    {
        // The first expiry later than now: until then no item's expiry changes what a search finds.
        var i = Array.BinarySearch(expiries, nowTicks + 1);
        i = i < 0 ? ~i : i;
        return i < expiries.Length ? expiries[i] : long.MaxValue;
    }

    /// <summary>Every expiry in the index, in order (full-precision trie terms; deleted items' too, which only ends entries sooner).</summary>
    private static long[] Expiries(IndexReader reader)
    {
        var terms = MultiFields.GetTerms(reader, IndexFields.Expires);
        if (terms is null)
        {
            return [];
        }

        var values = new List<long>();
        var full = NumericUtils.FilterPrefixCodedInt64s(terms.GetEnumerator());
        while (full.MoveNext())
        {
            values.Add(NumericUtils.PrefixCodedToInt64(full.Term));
        }

        values.Sort();
        return [.. values];
    }

    private readonly record struct Entry(long ValidUntilTicks, SearchResults Results);
}
