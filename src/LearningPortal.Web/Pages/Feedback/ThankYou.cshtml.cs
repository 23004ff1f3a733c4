namespace LearningPortal.Web.Pages.Feedback;

/// <summary>/feedback/{slug}/thank-you: after answering (public: people answering from an emailed link may not be signed in).</summary>
[AllowAnonymous]
public class ThankYouModel(PortalDbContext db) : PageModel
{
    public string FormName { get; private set; } = "";

    public bool Already { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, bool already)
    {
        var name = await db.FeedbackForms.Where(f => f.Slug == slug).Select(f => f.Name).FirstOrDefaultAsync(HttpContext.RequestAborted);
        if (name is null)
        {
            return NotFound();
        }

        FormName = name;
        Already = already;
        return Page();
    }
}
