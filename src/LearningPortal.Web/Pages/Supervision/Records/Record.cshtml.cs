using LearningPortal.Core.Supervision;

namespace LearningPortal.Web.Pages.Supervision.Records;

/// <summary>
/// A record, for the people in it only (anyone else gets not found, see <see cref="DiscussionRecords"/>).
/// Participants add their own reflection and acknowledge it here; everyone in it sees who read or changed it.
/// </summary>
public class RecordModel(DiscussionRecords records) : PageModel
{
    public RecordView View { get; private set; } = default!;

    [BindProperty]
    [Required(ErrorMessage = "Enter your reflection")]
    [StringLength(8000, ErrorMessage = "Your reflection must be 8,000 characters or fewer")]
    public string? Reflection { get; set; }

    /// <summary>The fingerprint of a reflection already shown as possibly identifying (see <see cref="IdentifyingCheck"/>).</summary>
    [BindProperty]
    public string? CheckedText { get; set; }

    public IReadOnlyList<FlaggedField> Flagged { get; private set; } = [];

    [TempData]
    public string? Notice { get; set; }

    public async Task<IActionResult> OnGetAsync(int id) => await LoadAsync(id) ? Page() : NotFound();

    public async Task<IActionResult> OnPostReflectAsync(int id)
    {
        if (!ModelState.IsValid)
        {
            return await LoadAsync(id) ? Page() : NotFound();
        }

        Flagged = IdentifyingCheck.Find([("Add your reflection", nameof(Reflection), Reflection)]);
        if (IdentifyingCheck.NeedsWarning(Flagged, CheckedText))
        {
            CheckedText = IdentifyingCheck.Fingerprint(Flagged);
            return await LoadAsync(id) ? Page() : NotFound();
        }

        if (!(await records.AddReflectionAsync(id, User.UserId(), Reflection!)).Succeeded)
        {
            return NotFound();
        }

        Notice = "Your reflection has been added";
        return RedirectToPage("/Supervision/Records/Record", new { id });
    }

    public async Task<IActionResult> OnPostAcknowledgeAsync(int id)
    {
        var outcome = await records.AcknowledgeAsync(id, User.UserId());
        if (outcome.Refusal == Refusal.NotFound)
        {
            return NotFound();
        }

        Notice = "You have acknowledged the record";
        return RedirectToPage("/Supervision/Records/Record", new { id });
    }

    private async Task<bool> LoadAsync(int id)
    {
        // The reflection field is not part of the acknowledge form, so only its own post validates it.
        if (await records.OpenAsync(id, User.UserId()) is not { } view)
        {
            return false;
        }

        View = view;
        return true;
    }
}
