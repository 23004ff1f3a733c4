using Lucene.Net.Index;
using Lucene.Net.Search;

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
        var kindOrd = s.KindOrd(doc);
        var kindOk = kinds.Count == 0 || (kindOrd >= 0 && s.SelectedKinds[kindOrd]);
        var themeOrds = s.ThemeOrds(doc);
        var themeOk = themes.Count == 0;
        for (var i = 0; i < themeOrds.Length && !themeOk; i++)
        {
            themeOk = s.SelectedThemes[themeOrds[i]];
        }

        var year = s.Year(doc);
        var yearOk = years.Count == 0 || years.Contains(year);

        if (themeOk && yearOk && kindOrd >= 0)
        {
            s.KindCounts[kindOrd]++;
        }

        if (kindOk && yearOk)
        {
            foreach (var ord in themeOrds)
            {
                s.ThemeCounts[ord]++;
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

    /// <summary>One segment's values as read once (<see cref="FacetValues"/>), and this search's counts by ordinal.</summary>
    private sealed class Segment
    {
        private readonly FacetValues values;

        public Segment(AtomicReader reader, HashSet<string> kinds, HashSet<string> themes)
        {
            values = FacetValues.For(reader);
            KindCounts = new int[values.KindNames.Length];
            ThemeCounts = new int[values.ThemeNames.Length];
            SelectedKinds = Selected(values.KindNames, kinds);
            SelectedThemes = Selected(values.ThemeNames, themes);
        }

        public int[] KindCounts { get; }

        public int[] ThemeCounts { get; }

        public bool[] SelectedKinds { get; }

        public bool[] SelectedThemes { get; }

        public int KindOrd(int doc) => values.Kinds[doc];

        public int Year(int doc) => values.Years[doc];

        /// <summary>The document's theme ordinals.</summary>
        public ReadOnlySpan<int> ThemeOrds(int doc) => values.ThemeOrds.AsSpan(values.ThemeStarts[doc], values.ThemeStarts[doc + 1] - values.ThemeStarts[doc]);

        public void AddTo(Dictionary<string, int> kindTotals, Dictionary<string, int> themeTotals)
        {
            Add(kindTotals, values.KindNames, KindCounts);
            Add(themeTotals, values.ThemeNames, ThemeCounts);
        }

        private static void Add(Dictionary<string, int> totals, string[] names, int[] counts)
        {
            for (var ord = 0; ord < counts.Length; ord++)
            {
                if (counts[ord] > 0)
                {
                    totals[names[ord]] = totals.GetValueOrDefault(names[ord]) + counts[ord];
                }
            }
        }

        private static bool[] Selected(string[] names, HashSet<string> values)
        {
            var selected = new bool[names.Length];
            for (var ord = 0; ord < names.Length; ord++)
            {
                selected[ord] = values.Contains(names[ord]);
            }

            return selected;
        }
    }
}
