using LearningPortal.Core.Privacy;

namespace LearningPortal.Web.Accounts;

/// <summary>
/// Sends a subject access export to the browser, marked <c>no-store</c> so that no cache keeps a copy of someone's
/// personal data. The zip is written to memory first: the response body allows no synchronous writes, which the zip
/// writer makes, and an error while gathering the data then gives an error page instead of a cut-off file.
/// </summary>
public sealed class PersonalDataDownload(PersonalDataExport export, string userId, PersonalDataRequest request) : IActionResult
{
    public async Task ExecuteResultAsync(ActionContext context)
    {
        using var buffer = new MemoryStream();
        await export.WriteAsync(userId, request, buffer, context.HttpContext.RequestAborted);
        buffer.Position = 0;
        var response = context.HttpContext.Response;
        response.ContentType = "application/zip";
        response.Headers.ContentDisposition = $"attachment; filename=\"{export.FileName()}\"";
        response.Headers.CacheControl = "no-store";
        response.ContentLength = buffer.Length;
        await buffer.CopyToAsync(response.Body, context.HttpContext.RequestAborted);
    }
}
