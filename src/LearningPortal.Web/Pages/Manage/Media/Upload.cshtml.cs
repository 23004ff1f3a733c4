using LearningPortal.Core.Content.Media;
using LearningPortal.Web.Pages.Manage.Content;

namespace LearningPortal.Web.Pages.Manage.Media;

/// <summary>Uploads a file to the media library. The library checks its type from its bytes, its size, and alt text for images.</summary>
[MediaUploadLimits]
public class UploadModel(MediaLibrary library) : PageModel
{
    [BindProperty]
    public MediaFileForm Input { get; set; } = new();

    public string Hint => $"PDF, Word, Excel or PowerPoint document, or a PNG, JPEG, GIF or WebP image, smaller than {MediaFormatting.Size(library.MaxUploadBytes)}";

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!MediaForms.HasAcceptableFile(Input.File, library, ModelState))
        {
            return Page();
        }

        await using var content = Input.File!.OpenReadStream();
        var outcome = await library.UploadAsync(new MediaUpload(content, Input.File.FileName, Input.Title, Input.AltText), await this.ActorAsync());
        if (!outcome.Succeeded)
        {
            return this.Refused(outcome, Page);
        }

        TempData["Success"] = $"{outcome.Value!.Title} has been uploaded";
        return RedirectToPage("/Manage/Media/Item", new { id = outcome.Value.Id });
    }
}
