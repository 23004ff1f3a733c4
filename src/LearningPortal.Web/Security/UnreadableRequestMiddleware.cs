using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace LearningPortal.Web.Security;

/// <summary>
/// Answers a request whose body cannot be read with the sender's status and the GOV.UK error page, instead of 500:
/// ASP.NET Core's form reader refuses some bodies outright (a NUL character, <c>%00</c>, is "invalid characters"; a
/// value or a multipart body over its length limits), and Kestrel refuses a body over the request size limit. These
/// surface wherever the form is first read (rate limiting, the anti-forgery check, model binding, a page filter), so
/// they are caught here around the rest of the pipeline, and only while nothing has been sent. Nothing is read ahead:
/// a request that reads no form costs nothing here.
/// </summary>
/// <remarks>
/// Sits inside the status code pages, which then show the GOV.UK page for the 400 or 413. The refused form keeps
/// throwing each time it is asked for, so it is replaced by an empty one before the error page runs.
/// </remarks>
public sealed partial class UnreadableRequestMiddleware(RequestDelegate next, ILogger<UnreadableRequestMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        catch (Exception e) when (!context.Response.HasStarted && StatusFor(e) is { } status)
        {
            context.Features.Set<IFormFeature>(new FormFeature(FormCollection.Empty));
            context.Response.Clear();
            context.Response.StatusCode = status;
            var reason = (e is ValueProviderException { InnerException: { } inner } ? inner : e).Message;
            LogUnreadable(logger, context.Request.Method, context.Request.Path, status, reason);
        }
    }

    /// <summary>The status for a body that could not be read, or null for any other failure (which stays a 500).</summary>
    internal static int? StatusFor(Exception e) => e switch
    {
        // Kestrel: too large (413), cut short or malformed (400).
        BadHttpRequestException bad => bad.StatusCode,

        // MVC's form value provider wraps what the form reader threw.
        ValueProviderException { InnerException: { } inner } => StatusFor(inner),

        // The form reader: "Form value length limit 4194304 exceeded", "Multipart body length limit ... exceeded" are
        // about size; "The form value contains invalid characters" and malformed multipart sections are not.
        InvalidDataException data => data.Message.Contains("length limit", StringComparison.OrdinalIgnoreCase)
            ? StatusCodes.Status413PayloadTooLarge
            : StatusCodes.Status400BadRequest,
        _ => null,
    };

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused {Method} {Path}: the request body could not be read ({Status}: {Reason})")]
    private static partial void LogUnreadable(ILogger logger, string method, PathString path, int status, string reason);
}
