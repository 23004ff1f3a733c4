using LearningPortal.Core.Auditing;
using LearningPortal.Core.Content.Publishing;
using LearningPortal.Core.Settings;

namespace LearningPortal.Web.Pages.Manage.Content;

/// <summary>Turns the review step (a second Editor approves before publishing) on or off; the change is audit-logged.</summary>
public class SettingsModel(PortalDbContext db, SiteSettings settings, ContentPublisher publisher, AuditLog audit) : PageModel
{
    [BindProperty]
    public string? RequireReview { get; set; }

    public IEnumerable<SelectListItem> Choices =>
    [
        new("Yes, another Editor must approve a version before it is published", "yes"),
        new("No, Editors publish their own changes", "no"),
    ];

    public async Task OnGetAsync() => RequireReview = await publisher.ReviewRequiredAsync() ? "yes" : "no";

    public async Task<IActionResult> OnPostAsync()
    {
        if (RequireReview is not ("yes" or "no"))
        {
            ModelState.AddModelError(nameof(RequireReview), "Select whether changes need review");
            return Page();
        }

        var on = RequireReview == "yes";
        var actor = await this.ActorAsync();
        await settings.SetBoolAsync(SiteSettings.ContentRequireReview, on, actor.Name);
        audit.Record(actor.UserId, actor.Name, "content.settings.review", "setting", SiteSettings.ContentRequireReview, on ? "Review step turned on" : "Review step turned off");
        await db.SaveChangesAsync();
        TempData["Success"] = on ? "Changes now need review before they are published" : "Editors now publish their own changes";
        return RedirectToPage("/Manage/Content/Settings");
    }
}
