using LearningPortal.Core.ActionPlans;
using Microsoft.AspNetCore.Mvc;

namespace LearningPortal.Web.Pages.Actions;

/// <summary>Evidence files of the action plan forms (an action's update, an agency's assurance answer): in and out.</summary>
public static class EvidenceFiles
{
    /// <summary>
    /// The chosen files, at most one more than allowed (so the service can say there are too many). A file over the size
    /// limit is not read into memory: it goes on as a placeholder of that size, for the service's message.
    /// </summary>
    public static async Task<List<EvidenceFileInput>> ReadAsync(IEnumerable<IFormFile> chosen, ActionPlanOptions options)
    {
        var files = new List<EvidenceFileInput>();
        foreach (var file in chosen.Where(f => f.Length > 0).Take(options.MaxFilesPerUpdate + 1))
        {
            if (file.Length > options.MaxEvidenceFileBytes)
            {
                files.Add(new EvidenceFileInput(file.FileName, new byte[options.MaxEvidenceFileBytes + 1]));
                continue;
            }

            using var memory = new MemoryStream();
            await file.CopyToAsync(memory);
            files.Add(new EvidenceFileInput(file.FileName, memory.ToArray()));
        }

        return files;
    }

    /// <summary>A file as a private download: never kept by a shared cache, never rendered in the site's origin.</summary>
    public static IActionResult Download(HttpResponse response, EvidenceFileContent? file)
    {
        if (file is null)
        {
            return new NotFoundResult();
        }

        response.Headers.CacheControl = "private, no-store";
        response.Headers.XContentTypeOptions = "nosniff";
        return new FileContentResult(file.Content, file.ContentType) { FileDownloadName = file.FileName };
    }
}
