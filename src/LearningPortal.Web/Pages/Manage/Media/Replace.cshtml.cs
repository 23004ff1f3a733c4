using LearningPortal.Core.Content.Media;
using LearningPortal.Web.Pages.Manage.Content;

namespace LearningPortal.Web.Pages.Manage.Media;

/// <summary>Replaces a file's bytes. Its id, and so its address and every link to it, stays the same.</summary>
[MediaUploadLimits]
public class ReplaceModel(MediaLibrary library) : MediaItemPageModel(library)
{
    [BindProperty]
    public MediaFileForm Input { get; set; } = new();

    public string Hint => $"The new file can be any type the library accepts, smaller than {MediaFormatting.Size(Library.MaxUploadBytes)}. The address stays /media/{Item.Id}/..., so links keep working.";

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (!await FindAsync(id))
        {
            return NotFound();
        }

        Input = new MediaFileForm { AltText = Item.AltText };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id)
    {
        if (!await FindAsync(id))
        {
            return NotFound();
        }

        if (!MediaForms.HasAcceptableFile(Input.File, Library, ModelState))
        {
            return Page();
        }

        await using var content = Input.File!.OpenReadStream();
        var outcome = await Library.ReplaceAsync(id, new MediaUpload(content, Input.File.FileName, AltText: Input.AltText), await this.ActorAsync());
        if (!outcome.Succeeded)
        {
            return this.Refused(outcome, Page);
        }

        TempData["Success"] = "The file has been replaced";
        return RedirectToPage("/Manage/Media/Item", new { id });
    }
}
