using LearningPortal.Core.Content.Fields;

namespace LearningPortal.Web.Pages.Manage.Content;

/// <summary>Choose the type of a new document, then go to its editor.</summary>
public class NewModel : PageModel
{
    [BindProperty]
    public string? Type { get; set; }

    public IEnumerable<SelectListItem> Types =>
        DocumentTypes.All.Select(t => new SelectListItem(ContentNames.Name(t), DocumentTypes.Key(t)));

    public void OnGet()
    {
    }

    public IActionResult OnPost()
    {
        if (DocumentTypes.FromKey(Type) is not { } type)
        {
            ModelState.AddModelError(nameof(Type), "Select what you want to create");
            return Page();
        }

        return RedirectToPage("/Manage/Content/Edit", new { type = DocumentTypes.Key(type) });
    }
}
