using LearningPortal.Core.ActionPlans;
using LearningPortal.Web.Pages.Actions;

namespace LearningPortal.Web.Pages.Manage.Actions.Assurance;

/// <summary>
/// Asks agencies for assurance: the question, all agencies or some, the due date and optionally the action it belongs
/// to. The leads of each agency asked are emailed. A due date in the past is shown back for confirmation.
/// </summary>
public class NewModel(AssuranceRequests requests) : PageModel
{
    [BindProperty]
    public RequestForm Input { get; set; } = new();

    public IReadOnlyList<SelectListItem> Agencies { get; private set; } = [];

    public IReadOnlyList<SelectListItem> ActionItems { get; private set; } = [];

    public static IReadOnlyList<SelectListItem> Who { get; } = [new("All agencies", "all"), new("Only the agencies I select", "some")];

    public string? Confirm { get; private set; }

    public async Task OnGetAsync(int? action)
    {
        await LoadAsync();
        Input.ActionId = action?.ToString(CultureInfo.InvariantCulture);
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await LoadAsync();
        // With neither "all" nor "some" chosen no agency is asked, so the service's "select the agencies" error lands on
        // the radios, in field order with the other errors.
        var input = new AssuranceRequestInput(Input.Question, Input.Who == "all",
            Input.Who != "some" ? [] : Input.AgencyIds.Select(a => int.TryParse(a, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : -1).ToList(),
            Input.DueOn.ToDate(), int.TryParse(Input.ActionId, NumberStyles.None, CultureInfo.InvariantCulture, out var actionId) ? actionId : null);
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var confirmed = PastDueDate.IsConfirmed(input.DueOn, Input.ConfirmedDueOn);
        var result = await requests.CreateAsync(input, confirmed, await this.ActionActorAsync());
        switch (result.Refusal)
        {
            case Refusal.None:
                TempData["Success"] = "Assurance requested: the agencies' leads have been emailed";
                return RedirectToPage("/Manage/Actions/Assurance/Request", new { id = result.Value });
            case Refusal.NeedsConfirmation:
                Confirm = result.Message;
                Input.ConfirmedDueOn = PastDueDate.Warned(ModelState, "Input.ConfirmedDueOn", input.DueOn!.Value);
                return Page();
            default:
                ModelState.AddRefusal(result, map: f => f switch
                {
                    nameof(AssuranceRequestInput.AgencyIds) => Input.Who == "some" ? "Input.AgencyIds" : "Input.Who",
                    _ => "Input." + f,
                });
                return Page();
        }
    }

    private async Task LoadAsync()
    {
        Agencies = (await requests.AgenciesAsync()).Select(a => new SelectListItem(a.Name, a.Id.ToString(CultureInfo.InvariantCulture))).ToList();
        ActionItems = (await requests.ActionsAsync()).Select(a => new SelectListItem(a.Label, a.Id.ToString(CultureInfo.InvariantCulture))).ToList();
    }

    /// <summary>The request form's fields, in the order the page shows them.</summary>
    public sealed class RequestForm
    {
        public string? Question { get; set; }

        /// <summary>"all" or "some".</summary>
        public string? Who { get; set; }

        public List<string> AgencyIds { get; set; } = [];

        public DateInput DueOn { get; set; } = new();

        public string? ActionId { get; set; }

        /// <summary>The past due date (yyyy-mm-dd) the person was warned about; saving with the same date confirms it.</summary>
        public string? ConfirmedDueOn { get; set; }
    }
}
