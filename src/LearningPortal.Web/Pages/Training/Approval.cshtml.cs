using System.Security.Claims;
using LearningPortal.Core.Training;
using LearningPortal.Web.Security.RateLimiting;

namespace LearningPortal.Web.Pages.Training;

/// <summary>
/// The line manager's approve-or-decline page. No account is needed: the random token in the emailed link
/// is the permission (only its hash is stored; it stops working once used or expired).
/// </summary>
[AllowAnonymous]
[RateLimited(PortalRateLimitOptions.Approval, Subject = RateLimitSubject.Token, Field = "token", CountReads = true)]
public class ApprovalModel(ManagerApproval approvals) : PageModel
{
    public ApprovalView Details { get; private set; } = default!;

    [BindProperty]
    public string? Decision { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    public string? Outcome { get; private set; }

    public IReadOnlyList<SelectListItem> Choices { get; } = [new("Approve the booking", "approve"), new("Decline the booking", "decline")];

    public async Task<IActionResult> OnGetAsync(string token)
    {
        Response.Headers.CacheControl = "no-store";
        return await LoadAsync(token) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostAsync(string token)
    {
        Response.Headers.CacheControl = "no-store";
        if (!await LoadAsync(token))
        {
            return NotFound();
        }

        if (Decision is not ("approve" or "decline"))
        {
            ModelState.AddModelError(nameof(Decision), "Select whether you approve the booking");
            return Page();
        }

        if (Reason?.Length > 1000)
        {
            ModelState.AddModelError(nameof(Reason), "The reason must be 1,000 characters or fewer");
            return Page();
        }

        var result = await approvals.DecideAsync(token, Decision == "approve", Reason,
            User.FindFirstValue(ClaimTypes.NameIdentifier), HttpContext.RequestAborted);
        if (!result.Succeeded)
        {
            await LoadAsync(token);
            return this.Refused(result, Page, map: _ => "");
        }

        Outcome = Decision == "approve"
            ? $"You have approved {Details.AttendeeName}'s booking"
            : $"You have declined {Details.AttendeeName}'s booking";
        return Page();
    }

    private async Task<bool> LoadAsync(string token)
    {
        var request = await approvals.FindAsync(token, HttpContext.RequestAborted);
        if (request is null)
        {
            return false;
        }

        Details = request;
        return true;
    }
}
