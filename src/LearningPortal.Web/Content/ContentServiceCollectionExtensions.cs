using LearningPortal.Core.Content;
using LearningPortal.Core.Content.Rendering;
using LearningPortal.Web.Themes;

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

/// <summary>Fills {{organisation}}, {{partnership}}, {{service-name}} and {{contact-email}} in content from the theme.</summary>
public sealed class ThemeContentVariables(Theme theme) : IContentVariables
{
    public IReadOnlyDictionary<string, string> Values { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["organisation"] = theme.Organisation,
        ["partnership"] = theme.Name,
        ["service-name"] = theme.ServiceName,
        ["contact-email"] = theme.ContactEmail,
    };
}
