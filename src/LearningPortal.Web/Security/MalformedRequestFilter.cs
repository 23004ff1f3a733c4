using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.Primitives;

namespace LearningPortal.Web.Security;

/// <summary>
/// Answers requests that no page was written for with the right status and the GOV.UK error page, instead of letting
/// them run into a page that does not expect them (which answered 500): a method the page has no handler for is 405;
/// control characters (NUL and the rest, except tab and line breaks) in a form field or the query string are 400, and
/// logged, because no field of the portal takes them and some databases refuse them. So is U+FFFD, the replacement
/// character the form reader puts where a value was not UTF-8: a browser sends UTF-8 to a UTF-8 page, so it marks a
/// hand-made request, and storing it would keep a mangled value. (NUL itself, and bodies too large to read, the form
/// reader refuses before this filter runs: <see cref="UnreadableRequestMiddleware"/> answers those.)
/// </summary>
public sealed partial class MalformedRequestFilter(ILogger<MalformedRequestFilter> logger) : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var request = context.HttpContext.Request;
        if (context.HttpContext.Features.Get<IStatusCodeReExecuteFeature>() is not null
            || context.HttpContext.Features.Get<IExceptionHandlerPathFeature>() is not null)
        {
            // The error page showing this very refusal (same method, same form): let it answer.
            await next();
            return;
        }

        if (context.HandlerMethod is null && !HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method))
        {
            var allowed = context.ActionDescriptor.HandlerMethods.Select(h => h.HttpMethod.ToUpperInvariant())
                .Append("GET").Append("HEAD").Distinct(StringComparer.Ordinal);
            context.HttpContext.Response.Headers.Allow = string.Join(", ", allowed);
            LogWrongMethod(logger, request.Method, request.Path);
            context.Result = new StatusCodeResult(StatusCodes.Status405MethodNotAllowed);
            return;
        }

        var field = request.Query.FirstOrDefault(q => HasControlCharacter(q.Value)).Key;
        if (field is null && request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(context.HttpContext.RequestAborted);
            field = form.FirstOrDefault(f => HasControlCharacter(f.Value)).Key;
        }

        if (field is not null)
        {
            LogControlCharacter(logger, request.Method, request.Path, field);
            context.Result = new BadRequestResult();
            return;
        }

        await next();
    }

    private static bool HasControlCharacter(StringValues values)
    {
        foreach (var value in values)
        {
            foreach (var c in value ?? "")
            {
                if ((c < ' ' && c is not '\t' and not '\n' and not '\r') || c is >= '\u007f' and <= '\u009f' or '\uFFFD')
                {
                    return true;
                }
            }
        }

        return false;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused {Method} {Path}: the page does not answer this method (405)")]
    private static partial void LogWrongMethod(ILogger logger, string method, PathString path);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused {Method} {Path}: control character or invalid UTF-8 in field {Field} (400)")]
    private static partial void LogControlCharacter(ILogger logger, string method, PathString path, string field);
}
