using LearningPortal.Core.Feedback;

namespace LearningPortal.Web.Pages.Manage.Feedback;

/// <summary>/manage/feedback/{id}/question[/{questionId}]: add a question, or change one (a new wording if it has answers).</summary>
public class QuestionModel(FeedbackForms forms) : PageModel
{
    [BindProperty]
    public QuestionInput Input { get; set; } = new();

    public int Id { get; private set; }

    public int? QuestionId { get; private set; }

    public string FormName { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(int id, int? questionId)
    {
        var form = await LoadAsync(id, questionId);
        if (form is null)
        {
            return NotFound();
        }

        if (questionId is { } qid)
        {
            Input = QuestionInput.From(form.CurrentQuestions.First(q => q.Id == qid));
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, int? questionId)
    {
        if (await LoadAsync(id, questionId) is null)
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var actor = await this.ActorAsync();
        var result = questionId is { } qid
            ? await forms.UpdateQuestionAsync(qid, Input.ToDraft(), actor, HttpContext.RequestAborted)
            : await forms.AddQuestionAsync(id, Input.ToDraft(), actor, HttpContext.RequestAborted);
        if (!result.Succeeded)
        {
            return this.Refused(result, Page, map: f => f == "Options" ? "Input.OptionsText" : null);
        }

        TempData["Success"] = questionId is null ? "Question added" : "Question saved";
        return RedirectToPage("/Manage/Feedback/Form", new { id });
    }

    private async Task<FeedbackForm?> LoadAsync(int id, int? questionId)
    {
        var form = await forms.FindAsync(id, HttpContext.RequestAborted);
        if (form is null || (questionId is { } qid && form.CurrentQuestions.All(q => q.Id != qid)))
        {
            return null;
        }

        Id = id;
        QuestionId = questionId;
        FormName = form.Name;
        return form;
    }
}
