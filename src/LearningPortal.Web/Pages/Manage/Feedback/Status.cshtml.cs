using LearningPortal.Core.Feedback;
using LearningPortal.Core.Time;
using LearningPortal.Web.Training;

namespace LearningPortal.Web.Pages.Manage.Feedback;

/// <summary>
/// /manage/feedback/{id}/status: draft, open or closed, with optional opening and closing dates (UK days: a form
/// opens at the start of its opening day and closes at the end of its closing day). A form opens only with a question.
/// </summary>
public class StatusModel(FeedbackForms forms) : PageModel
{
    [BindProperty]
    public FeedbackFormState? State { get; set; }

    [BindProperty]
    public DateInput Opens { get; set; } = new();

    [BindProperty]
    public DateInput Closes { get; set; } = new();

    public FeedbackForm Form { get; private set; } = default!;

    public IReadOnlyList<SelectListItem> States { get; } =
    [
        new("Draft: only editors can see it, in a preview", nameof(FeedbackFormState.Draft)),
        new("Open: people can answer it (between the dates below, if you give them)", nameof(FeedbackFormState.Open)),
        new("Closed: no more answers; the responses stay for analysis", nameof(FeedbackFormState.Closed)),
    ];

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (await forms.FindAsync(id, HttpContext.RequestAborted) is not { } form)
        {
            return NotFound();
        }

        Form = form;
        State = form.State;
        Opens = form.OpensUtc is { } o ? DateInput.From(DateOnly.FromDateTime(UkTime.FromUtc(o))) : new();
        Closes = form.ClosesUtc is { } c ? DateInput.From(DateOnly.FromDateTime(UkTime.FromUtc(c).AddDays(-1))) : new();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id)
    {
        if (await forms.FindAsync(id, HttpContext.RequestAborted) is not { } form)
        {
            return NotFound();
        }

        Form = form;
        if (State is null)
        {
            ModelState.AddModelError(nameof(State), "Select the status of the form");
        }

        var opens = Opens.ToDate();
        if (!Opens.IsEmpty && opens is null)
        {
            ModelState.AddModelError(nameof(Opens), "Opening date must be a real date, for example 1 4 2027");
        }

        var closes = Closes.ToDate();
        if (!Closes.IsEmpty && closes is null)
        {
            ModelState.AddModelError(nameof(Closes), "Closing date must be a real date, for example 30 4 2027");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var opensUtc = opens is { } o ? UkTime.ToUtc(o.ToDateTime(TimeOnly.MinValue)) : (DateTime?)null;
        var closesUtc = closes is { } c ? UkTime.ToUtc(c.AddDays(1).ToDateTime(TimeOnly.MinValue)) : (DateTime?)null;
        var actor = await this.ActorAsync();
        var result = await forms.SetStateAsync(id, State!.Value, opensUtc, closesUtc, actor, HttpContext.RequestAborted);
        if (!result.Succeeded)
        {
            return this.Refused(result, Page, prefix: "");
        }

        TempData["Success"] = State switch
        {
            FeedbackFormState.Open => "The form is open",
            FeedbackFormState.Closed => "The form is closed",
            _ => "The form is a draft",
        };
        return RedirectToPage("/Manage/Feedback/Form", new { id });
    }
}
