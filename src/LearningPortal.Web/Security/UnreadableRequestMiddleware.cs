using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Options;

namespace LearningPortal.Web.Security;

/// <summary>
/// Answers a request whose body cannot be read with the sender's status and the GOV.UK error page, instead of 500:
/// ASP.NET Core's form reader refuses some bodies outright (a NUL character, <c>%00</c>, is "invalid characters"; a
/// value or a multipart body over its length limits), and Kestrel refuses a body over the request size limit (413).
/// These surface wherever the form is first read (rate limiting, the anti-forgery check, model binding, a page filter),
/// and some of those swallow or convert them, so the form is watched rather than read: nothing is read ahead, and a
/// request that reads no form costs nothing here.
/// </summary>
/// <remarks>
/// Sits inside the status code pages, which then show the GOV.UK page for the 400 or 413. The refused form keeps
/// throwing each time it is asked for (the error page too, which would turn the refusal into a 500 with nothing
/// logged), so once a request is answered with an error its form is replaced by an empty one.
/// </remarks>
public sealed partial class UnreadableRequestMiddleware(RequestDelegate next, IOptions<FormOptions> formOptions, ILogger<UnreadableRequestMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (!context.Request.HasFormContentType)
        {
            await next(context);
            return;
        }

        var watched = new WatchedFormFeature(context.Features.Get<IFormFeature>() ?? new FormFeature(context.Request, formOptions.Value));
        context.Features.Set<IFormFeature>(watched);
        try
        {
            await next(context);
        }
        catch (Exception e) when (!context.Response.HasStarted && StatusFor(e) is { } status)
        {
            Refuse(context, status, e);
            return;
        }

        if (context.Response.HasStarted)
        {
            return;
        }

        if (watched.Failure is { } failure)
        {
            // Refused by the form reader, but answered by something that caught it (the anti-forgery check's 400, or a
            // rate limiter that let it through): the right status, logged, and a form the error page can read.
            Refuse(context, StatusFor(failure) ?? StatusCodes.Status400BadRequest, failure);
        }
        else if (context.Response.StatusCode >= 400)
        {
            // The error page never needs the form; a page that set its own form feature may have one that throws.
            context.Features.Set<IFormFeature>(new FormFeature(FormCollection.Empty));
        }
    }

    /// <summary>Lets a page that needs other form limits (an upload page) change them without losing the watch.</summary>
    public static void UseFormFeature(HttpContext context, IFormFeature feature)
    {
        if (context.Features.Get<IFormFeature>() is WatchedFormFeature watched)
        {
            watched.Inner = feature;
        }
        else
        {
            context.Features.Set(feature);
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

    private void Refuse(HttpContext context, int status, Exception e)
    {
        context.Features.Set<IFormFeature>(new FormFeature(FormCollection.Empty));
        context.Response.Clear();
        context.Response.StatusCode = status;
        var reason = (e is ValueProviderException { InnerException: { } inner } ? inner : e).Message;
        LogUnreadable(logger, context.Request.Method, context.Request.Path, status, reason);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused {Method} {Path}: the request body could not be read ({Status}: {Reason})")]
    private static partial void LogUnreadable(ILogger logger, string method, PathString path, int status, string reason);

    /// <summary>The request's form, remembering whether reading it failed.</summary>
    private sealed class WatchedFormFeature(IFormFeature inner) : IFormFeature
    {
        public IFormFeature Inner { get; set; } = inner;

        public Exception? Failure { get; private set; }

        public bool HasFormContentType => Inner.HasFormContentType;

        public IFormCollection? Form
        {
            get => Inner.Form;
            set => Inner.Form = value;
        }

        public IFormCollection ReadForm()
        {
            try
            {
                return Inner.ReadForm();
            }
            catch (Exception e) when (StatusFor(e) is not null)
            {
                Failure = e;
                throw;
            }
        }

        public async Task<IFormCollection> ReadFormAsync(CancellationToken cancellationToken)
        {
            try
            {
                return await Inner.ReadFormAsync(cancellationToken);
            }
            catch (Exception e) when (StatusFor(e) is not null)
            {
                Failure = e;
                throw;
            }
        }
    }
}
