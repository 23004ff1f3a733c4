using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;

namespace LearningPortal.Tests.Docs;

/// <summary>
/// Every site path the README and docs/*.md name in code quotes (`/learning`, `/feedback/{slug}`) is one of the
/// site's endpoints, so the documentation cannot send anyone to a page that was renamed or never built.
/// </summary>
public partial class DocumentedPathsTests(PortalFactory site) : IClassFixture<PortalFactory>
{
    /// <summary>Paths the docs name that are not the site's pages: folders, on purpose.</summary>
    private static readonly HashSet<string> NotPages = new(StringComparer.Ordinal)
    {
        "/app", // the container image's folder (configuration.md)
    };

    [Fact]
    public void Every_page_the_docs_name_is_an_endpoint_of_the_site()
    {
        var routes = SitePatterns();
        var unknown = DocumentedPaths()
            .Where(d => !NotPages.Contains(d.Path) && !routes.Any(r => Matches(d.Path, r)))
            .Select(d => $"{d.File}: {d.Path}")
            .ToList();

        Assert.True(unknown.Count == 0, "The docs name paths the site does not have:\n" + string.Join("\n", unknown));
    }

    [Fact]
    public void The_docs_name_the_main_pages_and_the_check_sees_them()
    {
        var paths = DocumentedPaths().Select(d => d.Path).ToHashSet(StringComparer.Ordinal);

        // Proves the reader finds quoted paths at all, in the README and in docs/ (an empty list would pass above).
        Assert.Contains("/learning", paths);
        Assert.Contains("/manage/feedback/{id}/analysis", paths);
        Assert.Contains("/account/two-factor", paths);
    }

    [Theory]
    [InlineData("/learning", true)]
    [InlineData("/learning/{slug}", true)]
    [InlineData("/media/{id}/{name}", true)]
    [InlineData("/manage/content/settings", true)]
    [InlineData("/learning/some-briefing", false)] // a concrete value is not the template: write /learning/{slug}
    [InlineData("/training/mine", false)]
    [InlineData("/manage/no-such-area", false)]
    [InlineData("/accessibility", false)] // only the catch-all content route would take it
    public void A_documented_path_matches_only_a_route_with_the_same_literal_segments(string path, bool expected)
    {
        Assert.Equal(expected, SitePatterns().Any(r => Matches(path, r)));
    }

    /// <summary>
    /// The site's route patterns, without the two that take any path (the content catch-all and the top-level
    /// page slug): matched against those, every path would exist.
    /// </summary>
    private List<RoutePattern> SitePatterns() =>
        site.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Select(e => e.RoutePattern)
            .Where(p => !(p.PathSegments.Count == 1 && p.PathSegments[0].IsSimple && p.PathSegments[0].Parts[0].IsParameter))
            .ToList();

    /// <summary>
    /// Segment by segment: a literal must equal the route's literal (case-insensitively); a documented
    /// parameter (`{id}`) must stand where the route has a parameter. An optional last parameter may be left out.
    /// </summary>
    private static bool Matches(string path, RoutePattern route)
    {
        var segments = path.Trim('/').Split('/', StringSplitOptions.RemoveEmptyEntries);
        var routeSegments = route.PathSegments;
        if (segments.Length > routeSegments.Count)
        {
            return false;
        }

        for (var i = 0; i < routeSegments.Count; i++)
        {
            var parts = routeSegments[i].Parts;
            if (i >= segments.Length)
            {
                return parts is [RoutePatternParameterPart { IsOptional: true }] && i == routeSegments.Count - 1;
            }

            var documented = segments[i];
            var isParameter = documented.StartsWith('{') && documented.EndsWith('}');
            var ok = parts switch
            {
                [RoutePatternLiteralPart literal] => !isParameter && string.Equals(literal.Content, documented, StringComparison.OrdinalIgnoreCase),
                [RoutePatternParameterPart] => isParameter,
                _ => false,
            };
            if (!ok)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Inline code spans that are site paths, outside fenced code blocks (which hold shell commands).</summary>
    private static IEnumerable<(string File, string Path)> DocumentedPaths()
    {
        var root = RepositoryRoot();
        var files = new[] { Path.Combine(root, "README.md") }
            .Concat(Directory.GetFiles(Path.Combine(root, "docs"), "*.md").Order(StringComparer.Ordinal));
        foreach (var file in files)
        {
            var text = FencedBlock().Replace(File.ReadAllText(file), "");
            foreach (Match m in InlinePath().Matches(text))
            {
                var path = m.Groups[1].Value.Split('?')[0];
                yield return (Path.GetRelativePath(root, file), path.Length > 1 ? path.TrimEnd('/') : path);
            }
        }
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

    [GeneratedRegex(@"^```.*?^```", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex FencedBlock();

    // A code span holding just a path: starts with "/", no spaces; a query string is allowed and ignored.
    [GeneratedRegex(@"`(/[A-Za-z0-9{}\-._:/]*(?:\?[^`\s]*)?)`")]
    private static partial Regex InlinePath();
}
