using System.ComponentModel.DataAnnotations;
using LearningPortal.Core.Supervision;
using LearningPortal.Web.Training;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace LearningPortal.Web.Pages.Supervision.Recording;

/// <summary>
/// Starts a record: the kind of discussion, its date, the briefing or question set, and who took part (portal
/// users by email address: one for one-to-one supervision, one or more for group supervision and team meetings).
/// </summary>
public class NewModel(DiscussionRecords records, QuestionSets sets, SupervisionActions actions) : PageModel
{
    [BindProperty]
    public NewRecordInput Input { get; set; } = new();

    public IReadOnlyList<SelectListItem> KindItems { get; } =
        SupervisionPages.Kinds.Select(k => new SelectListItem(k.Text, k.Value)).ToList();

    public IReadOnlyList<SelectListItem> SetItems { get; private set; } = [];

    public async Task OnGetAsync(int? set)
    {
        Input.QuestionSetId = set;
        await LoadAsync();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await LoadAsync();
        var kind = Enum.TryParse<DiscussionKind>(Input.Kind, out var k) && Enum.IsDefined(k) ? k : (DiscussionKind?)null;
        if (Input.Kind is not null && kind is null)
        {
            ModelState.AddModelError("Input.Kind", "Select what kind of discussion it was");
        }

        var heldOn = Input.HeldOn.ToDate();
        if (Input.HeldOn.IsEmpty)
        {
            ModelState.AddModelError("Input.HeldOn", "Enter the date of the discussion");
        }
        else if (heldOn is null)
        {
            ModelState.AddModelError("Input.HeldOn", "Date of the discussion must be a real date");
        }
        else if (heldOn > actions.Today)
        {
            ModelState.AddModelError("Input.HeldOn", "Date of the discussion must be today or in the past");
        }

        if (Input.QuestionSetId is not null && SetItems.All(s => s.Value != Input.QuestionSetId.ToString()))
        {
            ModelState.AddModelError("Input.QuestionSetId", "Select a briefing or question set");
        }

        var emails = (Input.Participants ?? "").Split(['\n', '\r', ',', ';', ' '], StringSplitOptions.RemoveEmptyEntries);
        var (found, missing) = await records.FindPeopleAsync(emails);
        var me = User.UserId();
        if (Input.Participants is not null)
        {
            if (missing.Count > 0)
            {
                ModelState.AddModelError("Input.Participants", $"No account uses {string.Join(", ", missing)}: check the email address, or ask them to create an account");
            }
            else if (found.Any(f => f.Id == me))
            {
                ModelState.AddModelError("Input.Participants", "Enter the email addresses of the people who took part, not your own");
            }
            else if (kind == DiscussionKind.OneToOne && found.Count != 1)
            {
                ModelState.AddModelError("Input.Participants", "Enter one email address for one-to-one supervision");
            }
            else if ((kind is DiscussionKind.Group or DiscussionKind.TeamMeeting) && found.Count < 2)
            {
                ModelState.AddModelError("Input.Participants", "Enter at least two email addresses for group supervision or a team meeting");
            }
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var id = await records.StartAsync(me, new NewDiscussion(kind!.Value, heldOn!.Value, Input.QuestionSetId!.Value, found.Select(f => f.Id).ToList()));
        if (id is null)
        {
            ModelState.AddModelError("Input.QuestionSetId", "Select a briefing or question set");
            return Page();
        }

        return Redirect($"/supervision/recording/{id}/edit");
    }

    private async Task LoadAsync() =>
        SetItems = (await sets.AvailableAsync())
            .Select(s => new SelectListItem(s.Source == QuestionSetSource.Briefing ? s.Title : s.Title + " (partnership question set)", s.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)))
            .ToList();
}

public class NewRecordInput
{
    [Required(ErrorMessage = "Select what kind of discussion it was")]
    public string? Kind { get; set; }

    public DateParts HeldOn { get; set; } = new();

    [Required(ErrorMessage = "Select a briefing or question set")]
    public int? QuestionSetId { get; set; }

    [Required(ErrorMessage = "Enter the email addresses of the people who took part")]
    public string? Participants { get; set; }
}
