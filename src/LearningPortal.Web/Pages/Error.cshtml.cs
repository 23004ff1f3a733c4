using System.Diagnostics;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LearningPortal.Web.Pages;

/// <summary>The branded error page for unhandled exceptions (500) and status codes (404, 403, ...). Never shows a stack trace.</summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public class ErrorModel : PageModel
{
    public int Code { get; private set; }

    public string Title { get; private set; } = "";

    public string? RequestId { get; private set; }

    public void OnGet(int? code) => Set(code);

    public void OnPost(int? code) => Set(code);

    private void Set(int? code)
    {
        var reExecuted = HttpContext.Features.Get<IStatusCodeReExecuteFeature>() is not null
            || HttpContext.Features.Get<IExceptionHandlerPathFeature>() is not null;
        Code = code ?? 500;
        if (!reExecuted && code is null)
        {
            // Someone opened /error directly.
            Code = 500;
        }

        Response.StatusCode = Code is >= 400 and < 600 ? Code : 500;
        Title = Code switch
        {
            404 => "Page not found",
            403 => "You do not have permission to view this page",
            400 => "Sorry, there is a problem with your request",
            _ => "Sorry, there is a problem with the service",
        };
        if (Code >= 500)
        {
            RequestId = Activity.Current?.Id ?? HttpContext.TraceIdentifier;
        }
    }
}
