using System.Security.Claims;
using LearningPortal.Core.Impact;
using LearningPortal.Core.Time;

namespace LearningPortal.Web.Pages.Account.Learning;

/// <summary>/account/learning/add: learning the person did elsewhere, added to their own record.</summary>
public class AddModel(LearningRecord record, TimeProvider clock) : PageModel
{
    [BindProperty]
    public ActivityForm Input { get; set; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var input = Input.Read(ModelState, UkTime.Today(clock.GetUtcNow().UtcDateTime));
        if (input is null)
        {
            return Page();
        }

        await record.AddActivityAsync(User.FindFirstValue(ClaimTypes.NameIdentifier)!, input, HttpContext.RequestAborted);
        TempData[IndexModel.NoticeKey] = $"‘{input.Title}’ added to your learning record";
        return RedirectToPage("Index");
    }
}
