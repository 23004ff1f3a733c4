using LearningPortal.Core.Auditing;
using LearningPortal.Core.Content;
using LearningPortal.Core.Content.Starter;
using LearningPortal.Web.Infrastructure;
using Microsoft.Extensions.Options;

namespace LearningPortal.Web.Content;

/// <summary>Imports the repository's content/ folder into an empty database on start, and runs the import and export commands.</summary>
public class StarterContent(
    PortalDbContext db,
    ContentImporter importer,
    ContentExporter exporter,
    PortalPaths paths,
    IOptions<ContentOptions> options,
    IWebHostEnvironment environment,
    ILogger<StarterContent> logger)
{
    private static readonly Actor SystemActor = Actor.System("Starter content");

    /// <summary>On first start (no documents at all), imports content/ unless Content:ImportStarterContent is false.</summary>
    public async Task ImportIfEmptyAsync(CancellationToken cancellationToken = default)
    {
        if (!options.Value.ImportStarterContent || await db.Documents.AnyAsync(cancellationToken))
        {
            return;
        }

        var report = await importer.ImportAsync(paths.Content, SystemActor, cancellationToken);
        logger.LogInformation("Imported starter content: {Created} documents ({Published} published), {Media} media items, {Problems} problems.",
            report.Created, report.Published, report.MediaAdded, report.Problems.Count);
    }

    /// <summary><c>import [--path DIR]</c>: imports a content folder (default content/); existing addresses are skipped.</summary>
    public async Task<int> ImportCommandAsync(IReadOnlyDictionary<string, string> commandOptions, TextWriter output)
    {
        var folder = commandOptions.TryGetValue("path", out var p) ? Path.GetFullPath(p) : paths.Content;
        if (!Directory.Exists(folder))
        {
            await output.WriteLineAsync($"No folder at {folder}.");
            return 1;
        }

        var report = await importer.ImportAsync(folder, Actor.System("import command"));
        await output.WriteLineAsync($"Imported from {folder}: {report.Created} documents created ({report.Published} published), {report.Skipped} already there, {report.MediaAdded} media items.");
        foreach (var problem in report.Problems)
        {
            await output.WriteLineAsync("  Problem: " + problem);
        }

        return report.Problems.Count == 0 ? 0 : 1;
    }

    /// <summary><c>export [--path DIR]</c>: writes published content (and never-published drafts) to a folder (default App_Data/export).</summary>
    public async Task<int> ExportCommandAsync(IReadOnlyDictionary<string, string> commandOptions, TextWriter output)
    {
        var folder = commandOptions.TryGetValue("path", out var p) ? Path.GetFullPath(p) : Path.Combine(environment.ContentRootPath, "App_Data", "export");
        var report = await exporter.ExportAsync(folder);
        await output.WriteLineAsync($"Exported {report.Documents} documents and {report.Media} media items to {report.Folder}.");
        return 0;
    }
}
