using System.Diagnostics;
using LearningPortal.Core.Content.Media;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc.Filters;

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

    /// <summary>For 413: the media library's size message (uploads are what is large).</summary>
    public string? TooLargeMessage { get; private set; }

    /// <summary>For 429: how long to wait, from the Retry-After header the rate limiter set.</summary>
    public string RetryAfterWords
    {
        get
        {
            var seconds = int.TryParse(Response.Headers.RetryAfter.ToString(), out var s) ? s : 60;
            var minutes = (int)Math.Ceiling(seconds / 60d);
            return seconds < 60 ? $"{seconds} {(seconds == 1 ? "second" : "seconds")}" : $"{minutes} {(minutes == 1 ? "minute" : "minutes")}";
        }
    }

    // From the route only: a re-executed form post may have its own field named "code" (the second step of signing in).
    public void OnGet([FromRoute] int? code) => Set(code);

    public void OnPost([FromRoute] int? code) => Set(code);

    /// <summary>Re-executed for a method it has no handler for (a refused PUT or DELETE): the same page.</summary>
    public override void OnPageHandlerExecuting(PageHandlerExecutingContext context)
    {
        if (context.HandlerMethod is null)
        {
            Set(int.TryParse(RouteData.Values["code"]?.ToString(), out var code) ? code : null);
        }
    }

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

        // A request Kestrel could not read (too large, malformed) is the sender's problem, not the service's.
        if (HttpContext.Features.Get<IExceptionHandlerPathFeature>()?.Error is BadHttpRequestException bad)
        {
            Code = bad.StatusCode;
        }

        if (Code == 413)
        {
            TooLargeMessage = HttpContext.RequestServices.GetRequiredService<MediaLibrary>().TooLargeMessage;
        }

        Response.StatusCode = Code is >= 400 and < 600 ? Code : 500;
        Title = Code switch
        {
            404 => "Page not found",
            403 => "You do not have permission to view this page",
            400 => "Sorry, there is a problem with your request",
            405 => "Sorry, there is a problem with your request",
            413 => "The file or form you sent is too large",
            429 => "Too many attempts",
            _ => "Sorry, there is a problem with the service",
        };
        if (Code >= 500)
        {
            RequestId = Activity.Current?.Id ?? HttpContext.TraceIdentifier;
            // .NET 10's exception handler no longer logs the exceptions it handles; an error nobody hears of is not fixed.
            if (HttpContext.Features.Get<IExceptionHandlerPathFeature>() is { } failed)
            {
                HttpContext.RequestServices.GetRequiredService<ILogger<ErrorModel>>()
                    .LogError(failed.Error, "Unhandled error on {Method} {Path}, reference {Reference}", Request.Method, failed.Path, RequestId);
            }
        }
    }
}
