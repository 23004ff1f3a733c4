using LearningPortal.Core.Supervision;

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
        var kind = DiscussionChecks.Kind(ModelState, "Input.Kind", Input.Kind);
        var heldOn = DiscussionChecks.HeldOn(ModelState, "Input.HeldOn", Input.HeldOn, actions.Today);
        if (Input.QuestionSetId is not null && SetItems.All(s => s.Value != Input.QuestionSetId.ToString()))
        {
            ModelState.AddModelError("Input.QuestionSetId", "Select a briefing or question set");
        }

        var me = User.UserId();
        var participants = await DiscussionChecks.ParticipantsAsync(ModelState, "Input.Participants", records, Input.Participants, kind, me);
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var id = await records.StartAsync(me, new NewDiscussion(kind!.Value, heldOn!.Value, Input.QuestionSetId!.Value, participants));
        if (id is null)
        {
            ModelState.AddModelError("Input.QuestionSetId", "Select a briefing or question set");
            return Page();
        }

        return RedirectToPage("/Supervision/Recording/Edit", new { id });
    }

    private async Task LoadAsync() =>
        SetItems = (await sets.AvailableAsync())
            .Select(s => new SelectListItem(s.Source == QuestionSetSource.Briefing ? s.Title : s.Title + " (partnership question set)", s.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)))
            .ToList();
}

/// <summary>Starting a record: the set-up that can be corrected later, and the briefing or question set, which cannot.</summary>
public class NewRecordInput : SetUpInput
{
    [Required(ErrorMessage = "Select a briefing or question set")]
    public int? QuestionSetId { get; set; }
}
