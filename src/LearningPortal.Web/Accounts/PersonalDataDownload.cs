using LearningPortal.Core.Privacy;
using Microsoft.AspNetCore.Mvc;

namespace LearningPortal.Web.Accounts;

/// <summary>
/// Streams a subject access export to the browser as it is written: the zip is never held whole in memory, and it
/// is marked <c>no-store</c> so that no cache keeps a copy of someone's personal data.
/// </summary>
public sealed class PersonalDataDownload(PersonalDataExport export, string userId, PersonalDataRequest request) : IActionResult
{
    public async Task ExecuteResultAsync(ActionContext context)
    {
        var response = context.HttpContext.Response;
        response.ContentType = "application/zip";
        response.Headers.ContentDisposition = $"attachment; filename=\"{export.FileName()}\"";
        response.Headers.CacheControl = "no-store";
        await export.WriteAsync(userId, request, response.Body, context.HttpContext.RequestAborted);
    }
}
