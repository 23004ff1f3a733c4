using LearningPortal.Search;
using LearningPortal.Web.Commands;
using LearningPortal.Web.Content;
using LearningPortal.Web.Fleet;
using LearningPortal.Web.Health;
using LearningPortal.Web.Infrastructure;
using LearningPortal.Web.Pages.Manage;
using LearningPortal.Web.Security.RateLimiting;
using LearningPortal.Web.Themes;

var builder = WebApplication.CreateBuilder(args);
builder.Host.UseDefaultServiceProvider(o => { o.ValidateOnBuild = true; o.ValidateScopes = true; });

builder.Services
    .AddPortalDatabase(builder.Configuration, builder.Environment)
    .AddPortalRedis(builder.Configuration)
    .AddPortalTelemetry(builder.Configuration, builder.Logging)
    .AddPortalCoreServices(builder.Configuration, builder.Environment)
    .AddPortalAccounts(builder.Configuration)
    .AddPortalThemes(builder.Configuration, builder.Environment)
    .AddPortalContent(builder.Configuration, builder.Environment)
    .AddPortalTraining(builder.Configuration)
    .AddPortalSupervision(builder.Configuration)
    .AddPortalFeedback(builder.Configuration)
    .AddPortalActionPlans(builder.Configuration)
    .AddPortalImpact()
    .AddPortalPages()
    .AddPortalAdministration()
    .AddPortalHealthChecks(builder.Configuration)
    .AddPortalSecurity(builder.Configuration)
    .AddPortalSearch(builder.Configuration, builder.Environment)
    .AddPortalCommands(args);

var app = builder.Build();

if (await PortalCommands.TryRunAsync(app, args))
{
    return;
}

await app.PrepareDatabaseAsync();

app.UsePortalErrorPages();
app.UsePortalSecurityHeaders();
app.UseStaticFiles();
app.UseRouting();
// After routing (the page's cache policy is endpoint metadata), inside the security headers (each response gets its own
// CSP), and before authentication, rate limiting and authorisation: a cached page is anonymous and public, so a hit
// skips them. Only requests without a sign-in cookie or Authorization header are looked up (PublicContentCache), and
// only a 200 rendered for an anonymous reader, who passed authorisation like every other, is stored.
app.UseOutputCache();
app.UseAuthentication();
app.UsePortalRateLimiting();
app.UseAuthorization();
app.MapPortalEndpoints();

await app.RunAsync();

/// <summary>Entry point; public so that tests can host the site.</summary>
public partial class Program;
