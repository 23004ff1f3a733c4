using LearningPortal.Search;

namespace LearningPortal.Web.Pages.Search;

/// <summary>One filter on the search page: its legend, query-string name, values with counts, and how a value is shown.</summary>
public sealed record FacetModel(string Legend, string Name, IReadOnlyList<FacetCount> Values, Func<string, string> Label);
