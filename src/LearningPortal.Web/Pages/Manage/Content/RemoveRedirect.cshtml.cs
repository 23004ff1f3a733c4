using LearningPortal.Core.Content.Reading;

namespace LearningPortal.Web.Pages.Manage.Content;

/// <summary>Confirms, then removes, one redirect.</summary>
public class RemoveRedirectModel(ContentRedirects redirects) : PageModel
{
    public RedirectInfo Target { get; private set; } = default!;

    public async Task<IActionResult> OnGetAsync(int id)
    {
        var found = (await redirects.ListAsync()).FirstOrDefault(r => r.Id == id);
        if (found is null)
        {
            return NotFound();
        }

        Target = found;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id)
    {
        var outcome = await redirects.RemoveAsync(id, await this.ActorAsync());
        if (!outcome.Succeeded)
        {
            return NotFound();
        }

        TempData["Success"] = $"{outcome.Value!.FromPath} no longer redirects";
        return RedirectToPage("/Manage/Content/Redirects");
    }
}
