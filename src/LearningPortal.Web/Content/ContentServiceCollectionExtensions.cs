using LearningPortal.Core.Content;
using LearningPortal.Core.Content.Rendering;
using LearningPortal.Core.Privacy;
using LearningPortal.Core.Supervision;
using LearningPortal.Web.Themes;
using Microsoft.Extensions.Options;

namespace LearningPortal.Web.Content;

public static class ContentServiceCollectionExtensions
{
    /// <summary>The content engine (documents, publishing, scheduler, media, rendering) with the theme's values for {{organisation}} and friends.</summary>
    public static IServiceCollection AddPortalContent(this IServiceCollection services, IConfiguration configuration, IWebHostEnvironment environment)
    {
        services.AddSingleton<IContentVariables, ThemeContentVariables>();
        services.AddContentEngine(configuration, environment.ContentRootPath);
        services.AddScoped<StarterContent>();
        services.AddScoped<DocumentViews>();
        services.AddPortalContentCache();
        return services;
    }
}

/// <summary>
/// Fills {{organisation}}, {{partnership}}, {{service-name}} and {{contact-email}} in content from the theme, and the
/// retention periods (e.g. {{retention-account-years}}) from the settings, so that the privacy notice says what the
/// scheduled jobs do.
/// </summary>
public sealed class ThemeContentVariables(Theme theme, IOptions<RetentionOptions> retention, IOptions<SupervisionOptions> supervision) : IContentVariables
{
    public IReadOnlyDictionary<string, string> Values { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["organisation"] = theme.Organisation,
        ["partnership"] = theme.Name,
        ["service-name"] = theme.ServiceName,
        ["contact-email"] = theme.ContactEmail,
        ["retention-account-years"] = Number(retention.Value.AccountUnusedYears),
        ["retention-warning-days"] = Number(retention.Value.AccountWarningDays),
        ["retention-booking-years"] = Number(retention.Value.BookingYears),
        ["retention-audit-years"] = Number(retention.Value.AuditYears),
        ["retention-reads-months"] = Number(retention.Value.ReadsLinkedMonths),
        ["retention-action-history-years"] = Number(retention.Value.ActionHistoryYears),
        ["retention-supervision-months"] = Number(supervision.Value.RetentionMonths),
    };

    private static string Number(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
