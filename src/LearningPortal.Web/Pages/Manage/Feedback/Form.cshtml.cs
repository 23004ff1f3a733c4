using LearningPortal.Core.Feedback;
using Microsoft.Extensions.Options;

namespace LearningPortal.Web.Pages.Manage.Feedback;

/// <summary>/manage/feedback/{id}: the form's details and questions, to reorder, change or remove.</summary>
public class FormModel(PortalDbContext db, FeedbackForms forms, IOptionsMonitor<FeedbackOptions> options) : PageModel
{
    public FeedbackForm Form { get; private set; } = default!;

    /// <summary>The courses whose attendees are sent this form after a session.</summary>
    public IReadOnlyList<string> CourseTitles { get; private set; } = [];

    /// <summary>Whether this is the evaluation sent for courses that choose none.</summary>
    public bool IsDefaultEvaluation { get; private set; }

    public int Responses { get; private set; }

    /// <summary>Draft, open (with its dates) or closed, in words.</summary>
    public string StatusText
    {
        get
        {
            var dates = (Form.OpensUtc is { } o ? $" from {Core.Time.UkTime.Format(o)}" : "") + (Form.ClosesUtc is { } c ? $" until {Core.Time.UkTime.Format(c)}" : "");
            return Form.State switch
            {
                FeedbackFormState.Open => "Open" + dates,
                FeedbackFormState.Closed => "Closed",
                _ => "Draft: not yet taking answers",
            };
        }
    }

    public async Task<IActionResult> OnGetAsync(int id)
    {
        var form = await forms.FindAsync(id, HttpContext.RequestAborted);
        if (form is null)
        {
            return NotFound();
        }

        Form = form;
        CourseTitles = await db.Courses.Where(c => c.EvaluationFormId == id).OrderBy(c => c.Title).Select(c => c.Title).ToListAsync(HttpContext.RequestAborted);
        IsDefaultEvaluation = form.Slug == options.CurrentValue.CourseEvaluationForm;
        Responses = await db.FeedbackResponses.CountAsync(r => r.FormId == id, HttpContext.RequestAborted);
        return Page();
    }

    public async Task<IActionResult> OnPostMoveAsync(int id, int questionId, int direction)
    {
        var actor = await this.ActorAsync();
        await forms.MoveQuestionAsync(questionId, direction, actor, HttpContext.RequestAborted);
        TempData["Success"] = "Question moved";
        return RedirectToPage("/Manage/Feedback/Form", new { id });
    }

    public async Task<IActionResult> OnPostCloseAsync(int id)
    {
        var form = await forms.FindAsync(id, HttpContext.RequestAborted);
        if (form is null)
        {
            return NotFound();
        }

        var actor = await this.ActorAsync();
        await forms.SetStateAsync(id, FeedbackFormState.Closed, form.OpensUtc, form.ClosesUtc, actor, HttpContext.RequestAborted);
        TempData["Success"] = "The form is closed";
        return RedirectToPage("/Manage/Feedback/Form", new { id });
    }

    public async Task<IActionResult> OnPostDuplicateAsync(int id)
    {
        var actor = await this.ActorAsync();
        var copy = await forms.DuplicateAsync(id, actor, HttpContext.RequestAborted);
        if (!copy.Succeeded)
        {
            return NotFound();
        }

        TempData["Success"] = "Form duplicated: this is the copy, as a draft";
        return RedirectToPage("/Manage/Feedback/Form", new { id = copy.Value });
    }

    public async Task<IActionResult> OnPostRemoveAsync(int id, int questionId)
    {
        var actor = await this.ActorAsync();
        await forms.RemoveQuestionAsync(questionId, actor, HttpContext.RequestAborted);
        TempData["Success"] = "Question removed";
        return RedirectToPage("/Manage/Feedback/Form", new { id });
    }
}
