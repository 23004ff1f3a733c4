using System.Security.Claims;
using LearningPortal.Core.Content;
using LearningPortal.Core.Content.Fields;
using LearningPortal.Core.Content.Reading;
using LearningPortal.Core.Impact;

namespace LearningPortal.Web.Pages.Learning;

/// <summary>
/// /learning/{slug}/reflect: "I have read this and reflected", with an optional private note; the briefing's own form
/// posts here. Signed-in people only (the fallback policy); each sees and changes only their own mark.
/// </summary>
public class ReflectModel(PublishedContent content, BriefingReflections reflections) : PageModel
{
    [BindProperty]
    public string? Note { get; set; }

    public PublishedPage Briefing { get; private set; } = default!;

    public BriefingReflection? Existing { get; private set; }

    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    public async Task<IActionResult> OnGetAsync(string slug)
    {
        if (!await LoadAsync(slug))
        {
            return NotFound();
        }

        Note = Existing?.Note;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string slug)
    {
        if (!await LoadAsync(slug))
        {
            return NotFound();
        }

        if (Note?.Trim().Length > BriefingReflections.NoteMaxLength)
        {
            ModelState.AddModelError(nameof(Note), $"Your note must be {BriefingReflections.NoteMaxLength:N0} characters or fewer");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        await reflections.SaveAsync(UserId, new ReflectedBriefing(Briefing.Document.Id, Briefing.Fields.Title, Briefing.Path, Briefing.Version.Number), Note, HttpContext.RequestAborted);
        return RedirectToPage("/Learning/Briefing", null, new { slug }, "learning-record");
    }

    public async Task<IActionResult> OnPostRemoveAsync(string slug)
    {
        if (!await LoadAsync(slug))
        {
            return NotFound();
        }

        await reflections.RemoveAsync(UserId, Briefing.Document.Id, HttpContext.RequestAborted);
        return RedirectToPage("/Learning/Briefing", null, new { slug }, "learning-record");
    }

    private async Task<bool> LoadAsync(string slug)
    {
        if (!Slugs.IsValid(slug) || await content.GetAsync(DocumentType.LearningBriefing, slug, HttpContext.RequestAborted) is not { } page)
        {
            return false;
        }

        Briefing = page;
        Existing = await reflections.FindAsync(UserId, page.Document.Id, HttpContext.RequestAborted);
        return true;
    }
}
