using LearningPortal.Core.Content;
using LearningPortal.Core.Content.Publishing;
using LearningPortal.Core.Content.Reading;

namespace LearningPortal.Web.Pages.Manage.Content;

/// <summary>A document's versions: who saved each, when and why; the difference between any two; roll back to one.</summary>
public class HistoryModel(ContentLibrary library, ContentEditor editor) : PageModel
{
    public Document Document { get; private set; } = default!;

    public IReadOnlyList<VersionSummary> Versions { get; private set; } = [];

    [BindProperty(SupportsGet = true)]
    public int? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? To { get; set; }

    /// <summary>The fields that differ between <see cref="From"/> and <see cref="To"/>, when both are chosen.</summary>
    public IReadOnlyList<FieldDiff>? Differences { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        if (From is { } from && To is { } to)
        {
            Differences = (await library.DiffAsync(id, from, to))?.Where(d => d.Changed).ToList();
            if (Differences is null)
            {
                ModelState.AddModelError(nameof(From), "Select two versions of this document");
            }
        }

        return Page();
    }

    public async Task<IActionResult> OnPostRollBackAsync(int id, int version)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        var outcome = await editor.RollBackAsync(id, version, Document.LatestVersionNumber, await this.ActorAsync());
        if (!outcome.Succeeded)
        {
            return this.Refused(outcome, Page, map: _ => "");
        }

        TempData["Success"] = $"Version {version} is now the draft, as version {outcome.Value!.Number}. Publish it to make it live.";
        return RedirectToPage("/Manage/Content/History", new { id });
    }

    private async Task<bool> LoadAsync(int id)
    {
        var document = await library.GetDocumentAsync(id);
        if (document is null)
        {
            return false;
        }

        Document = document;
        Versions = (await library.HistoryAsync(id)).OrderByDescending(v => v.Number).ToList();
        return true;
    }
}
