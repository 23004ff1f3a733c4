using System.Security.Claims;
using LearningPortal.Core.Impact;
using LearningPortal.Core.Time;

namespace LearningPortal.Web.Pages.Account.Learning;

/// <summary>/account/learning/{id}: change learning the person added; anyone else's id is "page not found".</summary>
public class ChangeModel(LearningRecord record, TimeProvider clock) : PageModel
{
    [BindProperty]
    public ActivityForm Input { get; set; } = new();

    public int Id { get; private set; }

    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (await record.FindActivityAsync(UserId, id, HttpContext.RequestAborted) is not { } activity)
        {
            return NotFound();
        }

        Id = id;
        Input = ActivityForm.From(activity);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id)
    {
        Id = id;
        if (await record.FindActivityAsync(UserId, id, HttpContext.RequestAborted) is null)
        {
            return NotFound();
        }

        var input = Input.Read(ModelState, UkTime.Today(clock.GetUtcNow().UtcDateTime));
        if (input is null)
        {
            return Page();
        }

        if (!await record.ChangeActivityAsync(UserId, id, input, HttpContext.RequestAborted))
        {
            return NotFound();
        }

        TempData[IndexModel.NoticeKey] = $"‘{input.Title}’ changed";
        return RedirectToPage("Index");
    }
}
