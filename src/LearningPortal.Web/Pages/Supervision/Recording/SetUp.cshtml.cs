using LearningPortal.Core.Supervision;

namespace LearningPortal.Web.Pages.Supervision.Recording;

/// <summary>
/// Corrects a draft's kind, date and who took part (a mistyped address, someone who joined late). The briefing or
/// question set stays: the questions already recorded belong to it. Only the draft's supervisor gets here.
/// </summary>
public class SetUpModel(DiscussionRecords records, SupervisionActions actions) : PageModel
{
    [BindProperty]
    public SetUpInput Input { get; set; } = new();

    public RecordView View { get; private set; } = default!;

    public IReadOnlyList<SelectListItem> KindItems { get; } =
        SupervisionPages.Kinds.Select(k => new SelectListItem(k.Text, k.Value)).ToList();

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (!await LoadAsync(id, audit: true))
        {
            return NotFound();
        }

        var record = View.Record;
        Input = new SetUpInput
        {
            Kind = record.Kind.ToString(),
            HeldOn = DateInput.From(record.HeldOn),
            Participants = string.Join('\n', await records.EmailsAsync(record.Participants.Select(p => p.UserId))),
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id)
    {
        if (!await LoadAsync(id, audit: false))
        {
            return NotFound();
        }

        var kind = DiscussionChecks.Kind(ModelState, "Input.Kind", Input.Kind);
        var heldOn = DiscussionChecks.HeldOn(ModelState, "Input.HeldOn", Input.HeldOn, actions.Today);
        var participants = await DiscussionChecks.ParticipantsAsync(ModelState, "Input.Participants", records, Input.Participants, kind, User.UserId());
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var change = await records.ChangeSetUpAsync(id, User.UserId(), new DiscussionSetUp(kind!.Value, heldOn!.Value, participants));
        if (!change.Succeeded)
        {
            return this.Refused(change, Page, map: f => f == nameof(DiscussionSetUp.ParticipantIds) ? "Input.Participants" : null);
        }

        TempData["Notice"] = "The discussion's details have been changed";
        return RedirectToPage("/Supervision/Recording/Edit", new { id });
    }

    private async Task<bool> LoadAsync(int id, bool audit)
    {
        if (await records.OpenDraftAsync(id, User.UserId(), audit) is not { } draft)
        {
            return false;
        }

        View = draft.View;
        return true;
    }
}

/// <summary>A discussion's kind, date and participants (email addresses), as typed.</summary>
public class SetUpInput
{
    [Required(ErrorMessage = "Select what kind of discussion it was")]
    public string? Kind { get; set; }

    public DateInput HeldOn { get; set; } = new();

    [Required(ErrorMessage = "Enter the email addresses of the people who took part")]
    public string? Participants { get; set; }
}
