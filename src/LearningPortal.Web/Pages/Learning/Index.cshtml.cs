using LearningPortal.Core.Content.Fields;
using LearningPortal.Core.Content.Reading;
using Microsoft.AspNetCore.OutputCaching;

namespace LearningPortal.Web.Pages.Learning;

/// <summary>/learning: published briefings, filtered by theme, format and year (a GET form), newest first, paged.</summary>
[AllowAnonymous]
[OutputCache(PolicyName = LearningPortal.Web.Content.PublicContentCache.LearningIndexPolicy)]
public class IndexModel(PublishedContent content) : PageModel
{
    public const int PageSize = 20;

    [BindProperty(SupportsGet = true)]
    public string? Theme { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Format { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    public ResultPage<ListingItem> Results { get; private set; } = default!;

    public IReadOnlyList<int> Years { get; private set; } = [];

    public async Task OnGetAsync()
    {
        // Unknown filter values are ignored rather than returning nothing.
        Theme = LearningThemes.IsKnown(Theme ?? "") ? Theme : null;
        Format = ContentNames.FormatName(Format) is null ? null : Format;
        Year = Year is >= 1900 and <= 2999 ? Year : null;
        Years = await content.LearningYearsAsync(HttpContext.RequestAborted);
        // "page" is read from the query directly: Razor Pages keeps a route value of that name for itself.
        var pageNumber = int.TryParse(Request.Query["page"], System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : 1;
        Results = await content.LearningAsync(new LearningQuery(Theme, Format, Year, pageNumber, PageSize), HttpContext.RequestAborted);
        ViewData["Section"] = "learning";
    }

    /// <summary>The address of another page of the same results.</summary>
    public string PageLink(int page)
    {
        var query = new List<string>();
        if (Theme is not null)
        {
            query.Add("theme=" + Uri.EscapeDataString(Theme));
        }

        if (Format is not null)
        {
            query.Add("format=" + Uri.EscapeDataString(Format));
        }

        if (Year is not null)
        {
            query.Add("year=" + Year.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        if (page > 1)
        {
            query.Add("page=" + page.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        return "/learning" + (query.Count > 0 ? "?" + string.Join("&", query) : "");
    }
}
