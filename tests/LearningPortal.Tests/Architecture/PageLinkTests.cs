using System.Text.RegularExpressions;

namespace LearningPortal.Tests.Architecture;

/// <summary>
/// Pages link and redirect by page name (<c>asp-page</c>, <c>RedirectToPage</c>), so a route change is made in one
/// place and a link to a page that does not exist fails the build's view compilation or the first request, not a user.
/// Checked on the source of the journeys that follow the rule; the rest are listed, to be converted as they are reworked.
/// </summary>
public partial class PageLinkTests
{
    /// <summary>Single links that stay string paths (the line holds the marker), and why.</summary>
    private static readonly (string File, string Marker, string Why)[] Exceptions =
    [
        ("Manage/Feedback/Analysis.cshtml", "?handler=Csv&amp;", "the CSV link carries the page's current filter, a ready-made query string"),
        ("Learning/Index.cshtml", "href=\"/learning/feed.xml\"", "the Atom feed is an endpoint, not a page"),
        ("Shared/_Layout.cshtml", "href=\"/learning/feed.xml\"", "the Atom feed is an endpoint, not a page"),
    ];

    /// <summary>
    /// The journeys that link by page name only: folders, or single pages at the top of <c>Pages/</c> (by name without
    /// extension). Paging links (Razor Pages keeps the route value "page" for itself) are built in the page model. Not yet
    /// converted: the rest of Account (the passkey links, whose case-sensitive ids the site's lowercase URLs would change),
    /// Manage/Audit and the Manage home page.
    /// </summary>
    public static TheoryData<string> Converted() =>
    [
        "Training", "Supervision", "Feedback", "Manage/Training", "Manage/Supervision", "Manage/Feedback", "Manage/Media", "Manage/Content",
        "Actions", "Assurance", "Manage/Actions", "Account/Learning", "Manage/Impact", "Learning", "Shared", "Index", "Error",
    ];

    [Theory]
    [MemberData(nameof(Converted))]
    public void Pages_link_and_redirect_by_page_name(string folder)
    {
        var pages = Path.Combine(RepositoryRoot(), "src", "LearningPortal.Web", "Pages");
        var found = new List<string>();
        var files = Directory.Exists(Path.Combine(pages, folder))
            ? Directory.GetFiles(Path.Combine(pages, folder), "*.cs*", SearchOption.AllDirectories)
            : Directory.GetFiles(pages, folder + ".cshtml*");
        Assert.NotEmpty(files);
        foreach (var file in files)
        {
            var relative = Path.GetRelativePath(pages, file).Replace('\\', '/');
            var lines = File.ReadAllLines(file);
            for (var i = 0; i < lines.Length; i++)
            {
                if ((StringHref().IsMatch(lines[i]) && !Exceptions.Any(e => e.File == relative && lines[i].Contains(e.Marker, StringComparison.Ordinal)))
                    || StringRedirect().IsMatch(lines[i]))
                {
                    found.Add($"{relative}:{i + 1}: {lines[i].Trim()}");
                }
            }
        }

        Assert.True(found.Count == 0, "Links or redirects by string path (use asp-page or RedirectToPage):\n" + string.Join("\n", found));
    }

    /// <summary>The check can fail: it finds both kinds of string path.</summary>
    [Fact]
    public void The_check_finds_string_paths()
    {
        Assert.Matches(StringHref(), """<a class="govuk-link" href="/training/my">My training</a>""");
        Assert.Matches(StringRedirect(), """return Redirect($"/manage/feedback/{id}");""");
        Assert.DoesNotMatch(StringHref(), """<a class="govuk-link" asp-page="/Training/My/Index">My training</a>""");
    }

    private static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "LearningPortal.sln")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? throw new InvalidOperationException("LearningPortal.sln not found above " + AppContext.BaseDirectory);
    }

    // A site path in an href; static files (/assets, /css, /js, /media) are files, not pages.
    [GeneratedRegex(@"href=""/(?!assets/|css/|js/|media/)")]
    private static partial Regex StringHref();

    [GeneratedRegex(@"Redirect\(\$?""/")]
    private static partial Regex StringRedirect();
}
