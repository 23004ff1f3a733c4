using LearningPortal.Core.Data;
using LearningPortal.Core.Feedback;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace LearningPortal.Web.Pages.Manage.Feedback;

/// <summary>/manage/feedback/{id}: the form's details and questions, to reorder, change or remove.</summary>
public class FormModel(PortalDbContext db, FeedbackForms forms) : PageModel
{
    public FeedbackForm Form { get; private set; } = default!;

    public string? CourseTitle { get; private set; }

    public int Responses { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id)
    {
        var form = await forms.FindAsync(id, HttpContext.RequestAborted);
        if (form is null)
        {
            return NotFound();
        }

        Form = form;
        CourseTitle = form.CourseId is { } c ? await db.Courses.Where(x => x.Id == c).Select(x => x.Title).FirstOrDefaultAsync() : null;
        Responses = await db.FeedbackResponses.CountAsync(r => r.FormId == id, HttpContext.RequestAborted);
        return Page();
    }

    public async Task<IActionResult> OnPostMoveAsync(int id, int questionId, int direction)
    {
        var actor = await Actor.OfAsync(User, db);
        await forms.MoveQuestionAsync(questionId, direction, actor.Id, actor.Name, HttpContext.RequestAborted);
        TempData["Success"] = "Question moved";
        return Redirect($"/manage/feedback/{id}");
    }

    public async Task<IActionResult> OnPostRemoveAsync(int id, int questionId)
    {
        var actor = await Actor.OfAsync(User, db);
        await forms.RemoveQuestionAsync(questionId, actor.Id, actor.Name, HttpContext.RequestAborted);
        TempData["Success"] = "Question removed";
        return Redirect($"/manage/feedback/{id}");
    }
}
