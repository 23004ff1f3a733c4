using LearningPortal.Core.Content;
using LearningPortal.Core.Content.Media;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace LearningPortal.Web.Pages.Manage.Media;

/// <summary>What the upload and replace forms post.</summary>
public sealed class MediaFileForm
{
    public IFormFile? File { get; set; }

    public string? Title { get; set; }

    public string? AltText { get; set; }
}

/// <summary>The checks the media pages make before the library sees a file, and the library's errors as ModelState.</summary>
public static class MediaForms
{
    /// <summary>False (with an error on Input.File) when no file was chosen or it is over the limit before reading it.</summary>
    public static bool HasAcceptableFile(IFormFile? file, MediaLibrary library, ModelStateDictionary modelState)
    {
        if (file is null || (file.Length == 0 && string.IsNullOrEmpty(file.FileName)))
        {
            modelState.AddModelError("Input.File", "Select a file");
            return false;
        }

        if (file.Length > library.MaxUploadBytes)
        {
            modelState.AddModelError("Input.File", library.TooLargeMessage);
            return false;
        }

        return true;
    }
}
