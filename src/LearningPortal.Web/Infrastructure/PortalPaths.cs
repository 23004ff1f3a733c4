namespace LearningPortal.Web.Infrastructure;

/// <summary>
/// Where the repository's <c>themes/</c> and <c>content/</c> folders are. Configurable
/// (Paths:Themes, Paths:Content); by default the nearest folder at or above the content root that holds both.
/// </summary>
public class PortalPaths(IConfiguration configuration, IWebHostEnvironment environment)
{
    private readonly Lazy<string> root = new(() => FindRoot(environment.ContentRootPath));

    public string Themes => Resolve(configuration["Paths:Themes"], "themes");

    public string Content => Resolve(configuration["Paths:Content"], "content");

    private string Resolve(string? configured, string folder) =>
        string.IsNullOrWhiteSpace(configured)
            ? Path.Combine(root.Value, folder)
            : Path.GetFullPath(configured, environment.ContentRootPath);

    private static string FindRoot(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (Directory.Exists(Path.Combine(dir.FullName, "themes")) && Directory.Exists(Path.Combine(dir.FullName, "content")))
            {
                return dir.FullName;
            }
        }

        return start;
    }
}
