using LearningPortal.Core.Supervision;

namespace LearningPortal.Web.Pages.Supervision;

/// <summary>The owner marks an open action done, saying what was done.</summary>
public class ActionDoneModel(SupervisionActions actions) : PageModel
{
    public ActionItem Action { get; private set; } = default!;

    [BindProperty]
    [Required(ErrorMessage = "Enter what was done")]
    [StringLength(2000, ErrorMessage = "What was done must be 2,000 characters or fewer")]
    public string? Note { get; set; }

    [TempData]
    public string? Notice { get; set; }

    public async Task<IActionResult> OnGetAsync(int id) => await LoadAsync(id) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(int id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        if ((await actions.MarkDoneAsync(id, User.UserId(), Note)).Refusal == Refusal.NotFound)
        {
            return NotFound();
        }

        Notice = "Action marked as done";
        return RedirectToPage("/Supervision/MyActions");
    }

    private async Task<bool> LoadAsync(int id)
    {
        if (await actions.FindOwnAsync(id, User.UserId(), audit: HttpMethods.IsGet(Request.Method)) is not { Status: ActionStatus.Open } action)
        {
            return false;
        }

        Action = action;
        return true;
    }
}
