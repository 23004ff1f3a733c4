using LearningPortal.Core.ActionPlans;
using LearningPortal.Web.Pages.Manage.Media;
using LearningPortal.Web.Pages.Supervision;
using Microsoft.Extensions.Options;

namespace LearningPortal.Web.Pages.Actions;

/// <summary>Evidence files of the action plan forms (an action's update, an agency's assurance answer): in and out.</summary>
public static class EvidenceFiles
{
    /// <summary>
    /// The chosen files, at most one more than allowed (so the service can say there are too many). A file over the size
    /// limit is not read into memory: it goes on as a placeholder of that size, for the service's message.
    /// </summary>
    public static async Task<List<EvidenceFileInput>> ReadAsync(IEnumerable<IFormFile> chosen, ActionPlanOptions options)
    {
        var files = new List<EvidenceFileInput>();
        foreach (var file in chosen.Where(f => f.Length > 0).Take(options.MaxFilesPerUpdate + 1))
        {
            if (file.Length > options.MaxEvidenceFileBytes)
            {
                files.Add(new EvidenceFileInput(file.FileName, new byte[options.MaxEvidenceFileBytes + 1]));
                continue;
            }

            using var memory = new MemoryStream();
            await file.CopyToAsync(memory);
            files.Add(new EvidenceFileInput(file.FileName, memory.ToArray()));
        }

        return files;
    }

    /// <summary>A file as a private download: never kept by a shared cache, never rendered in the site's origin.</summary>
    public static IActionResult Download(HttpResponse response, EvidenceFileContent? file)
    {
        if (file is null)
        {
            return new NotFoundResult();
        }

        response.Headers.CacheControl = "private, no-store";
        response.Headers.XContentTypeOptions = "nosniff";
        return new FileContentResult(file.Content, file.ContentType) { FileDownloadName = file.FileName };
    }
}

/// <summary>
/// A form that gives evidence (an action's update, an agency's assurance answer): words, links and files. Text that
/// looks like it identifies a child or family is shown back once (a prompt, as in supervision records). If someone else
/// saved meanwhile, nothing is saved and the form keeps what was typed (files must be chosen again: browsers never
/// refill file inputs).
/// </summary>
[MediaUploadLimits]
public abstract class EvidenceFormPageModel(IOptionsMonitor<ActionPlanOptions> options) : PageModel
{
    [BindProperty]
    public string? Evidence { get; set; }

    [BindProperty]
    public string? Links { get; set; }

    [BindProperty]
    public List<IFormFile> Files { get; set; } = [];

    [BindProperty]
    public int Version { get; set; }

    /// <summary>The fingerprint of text already shown as possibly identifying.</summary>
    [BindProperty]
    public string? CheckedText { get; set; }

    public IReadOnlyList<FlaggedField> Flagged { get; private set; } = [];

    public string? Conflict { get; private set; }

    /// <summary>Whether to show the form back first, for text that may identify a child or family (once for the same text).</summary>
    protected bool NeedsIdentifyingPrompt(params (string Label, string FieldName, string? Text)[] fields)
    {
        Flagged = IdentifyingCheck.Find(fields);
        if (!IdentifyingCheck.NeedsWarning(Flagged, CheckedText))
        {
            return false;
        }

        CheckedText = IdentifyingCheck.Fingerprint(Flagged);
        ModelState.Remove(nameof(CheckedText));
        return true;
    }

    protected Task<List<EvidenceFileInput>> ReadFilesAsync() => EvidenceFiles.ReadAsync(Files, options.CurrentValue);

    /// <summary>Someone else saved meanwhile: the form again, as typed, against the version saved now.</summary>
    protected IActionResult ShowConflict(string? message, int current)
    {
        Conflict = message;
        ModelState.Remove(nameof(Version));
        Version = current;
        return Page();
    }
}
