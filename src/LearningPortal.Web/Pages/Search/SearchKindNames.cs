using LearningPortal.Core.Search;
using LearningPortal.Search;

namespace LearningPortal.Web.Pages.Search;

/// <summary>What each kind of item is called in the type filter and on results, from the sources that supply them.</summary>
public sealed class SearchKindNames(IEnumerable<ISearchSource> sources)
{
    private readonly Dictionary<string, string> labels = sources
        .SelectMany(s => s.Kinds)
        .GroupBy(k => k.Name, StringComparer.Ordinal)
        .ToDictionary(g => g.Key, g => g.First().Label, StringComparer.Ordinal);

    public string For(string kind) =>
        labels.TryGetValue(kind, out var label) ? label
        : kind.Length == 0 ? "Other" : char.ToUpperInvariant(kind[0]) + kind[1..];
}
