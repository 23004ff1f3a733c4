using System.Security.Claims;
using LearningPortal.Core.Impact;
using LearningPortal.Core.Time;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LearningPortal.Web.Pages.Account.Learning;

/// <summary>Adding or changing learning the person did elsewhere, in their own record: the form, and back to the record.</summary>
public abstract class ActivityPageModel(TimeProvider clock) : PageModel
{
    [BindProperty]
    public ActivityForm Input { get; set; } = new();

    protected string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    /// <summary>The learning from the form, or null with the errors on it.</summary>
    protected LearningActivityInput? ReadInput() => Input.Read(ModelState, UkTime.Today(clock.GetUtcNow().UtcDateTime));

    /// <summary>Back to the learning record, which says what was done.</summary>
    protected IActionResult BackToRecord(string notice)
    {
        TempData[IndexModel.NoticeKey] = notice;
        return RedirectToPage("/Account/Learning/Index");
    }
}
