using LearningPortal.Web.Content;
using LearningPortal.Web.Health;
using LearningPortal.Web.Impact;

namespace LearningPortal.Web.Infrastructure;

public static class PipelineExtensions
{
    /// <summary>Branded error pages; stack traces only in Development.</summary>
    public static WebApplication UsePortalErrorPages(this WebApplication app)
    {
        if (app.Environment.IsDevelopment())
        {
            app.UseDeveloperExceptionPage();
        }
        else
        {
            app.UseExceptionHandler("/error");
        }

        app.UseStatusCodePagesWithReExecute("/error/{0}");

        // Inside the status code pages, so that a body that cannot be read (NUL, too large) gets the GOV.UK 400 or 413 page.
        app.UseMiddleware<UnreadableRequestMiddleware>();
        return app;
    }

    public static WebApplication MapPortalEndpoints(this WebApplication app)
    {
        app.MapRazorPages();
        app.MapPortalHealth();
        app.MapPortalContentEndpoints();
        app.MapPortalImpactEndpoints();
        app.MapSecurityTxt();

        // Unknown addresses are "page not found" for everyone, not a sign-in prompt from the fallback policy.
        app.MapFallback("{*path}", context =>
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        }).AllowAnonymous().WithDisplayName("Not found");
        return app;
    }
}
