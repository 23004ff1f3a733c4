using System.Text.RegularExpressions;

namespace LearningPortal.Tests.Architecture;

/// <summary>
/// Pages link and redirect by page name (<c>asp-page</c>, <c>RedirectToPage</c>), so a route change is made in one
/// place and a link to a page that does not exist fails the build's view compilation or the first request, not a user.
/// Checked on the source of every page; the few string links that must stay are listed with the reason.
/// </summary>
public partial class PageLinkTests
{
    /// <summary>Single links that stay string paths (the line holds the marker), and why.</summary>
    private static readonly (string File, string Marker, string Why)[] Exceptions =
    [
        ("Manage/Feedback/Analysis.cshtml", "?handler=Csv&amp;", "the CSV link carries the page's current filter, a ready-made query string"),
        ("Learning/Index.cshtml", "href=\"/learning/feed.xml\"", "the Atom feed is an endpoint, not a page"),
        ("Shared/_Layout.cshtml", "href=\"/learning/feed.xml\"", "the Atom feed is an endpoint, not a page"),
        ("Account/TwoFactor.cshtml", "href=\"/account/two-factor/passkeys/@id/", "a passkey's id is case-sensitive, and the site's lowercase URLs would change it if the link were generated"),
    ];

    /// <summary>
    /// Every folder of <c>Pages/</c>, and the single pages at its top (by name without extension), each checked as one
    /// case. Paging links (Razor Pages keeps the route value "page" for itself) and links that carry a ready-made query
    /// string are built in the page model; <see cref="Every_page_folder_is_checked"/> keeps this list complete.
    /// </summary>
    private static readonly string[] Checked =
    [
        "Account", "Actions", "Assurance", "Content", "Feedback", "Info", "Learning", "Manage", "Search", "Shared", "Strategy",
        "Supervision", "Toolkit", "Training", "Index", "Error",
    ];

    public static TheoryData<string> Converted() => new(Checked);

    /// <summary>A new folder of pages is checked too: the list above names every folder and top-level page.</summary>
    [Fact]
    public void Every_page_folder_is_checked()
    {
        var pages = Path.Combine(RepositoryRoot(), "src", "LearningPortal.Web", "Pages");
        var folders = Directory.GetDirectories(pages).Select(Path.GetFileName);
        var topPages = Directory.GetFiles(pages, "*.cshtml").Select(Path.GetFileNameWithoutExtension).Where(n => !n!.StartsWith('_'));
        var missing = folders.Concat(topPages).Except(Checked).ToList();
        Assert.True(missing.Count == 0, "Add to PageLinkTests.Checked: " + string.Join(", ", missing));
    }

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
