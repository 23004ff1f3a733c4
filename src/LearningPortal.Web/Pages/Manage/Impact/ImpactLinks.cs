using LearningPortal.Core.Impact;
using Microsoft.AspNetCore.Routing;

namespace LearningPortal.Web.Pages.Manage.Impact;

/// <summary>Links between the impact pages and to their CSVs, by page name, carrying the filter (months and agency).</summary>
public static class ImpactLinks
{
    /// <summary>The filter as route values (for <c>asp-all-route-data</c>).</summary>
    public static Dictionary<string, string> Route(ReachFilter filter)
    {
        var route = new Dictionary<string, string>
        {
            ["from"] = filter.FirstDay.ToString("yyyy-MM", CultureInfo.InvariantCulture),
            ["to"] = filter.LastDay.ToString("yyyy-MM", CultureInfo.InvariantCulture),
        };
        if (filter.AgencyId is { } agency)
        {
            route["agency"] = agency.ToString(CultureInfo.InvariantCulture);
        }

        return route;
    }

    /// <summary>The address of a page's CSV (one of its tables, where it has several) for the filter.</summary>
    public static string Csv(IUrlHelper url, string page, ReachFilter filter, string? table = null, object? values = null)
    {
        var route = new RouteValueDictionary(values) { ["handler"] = "Csv" };
        if (table is not null)
        {
            route["table"] = table;
        }

        foreach (var (key, value) in Route(filter))
        {
            route[key] = value;
        }

        return url.Page(page, route) ?? throw new InvalidOperationException($"No address for {page}");
    }
}
