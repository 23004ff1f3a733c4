using LearningPortal.Core.Content.Media;
using LearningPortal.Core.Content.Publishing;
using LearningPortal.Core.Content.Reading;
using LearningPortal.Core.Content.Rendering;
using LearningPortal.Core.Content.Starter;
using LearningPortal.Core.Notifications;
using LearningPortal.Core.Search;
using LearningPortal.Core.Settings;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace LearningPortal.Core.Content;

/// <summary>Registers the content engine.</summary>
public static class ContentServiceCollectionExtensions
{
    /// <summary>
    /// Documents, versions, publishing, the scheduler (a hosted service), rendering, media in a folder
    /// outside the web root, import and export, and what search indexes of it. Other modules subscribe with
    /// <c>services.AddNotificationHandler&lt;ContentPublished, THandler&gt;()</c>.
    /// </summary>
    public static IServiceCollection AddContentEngine(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        services.Configure<ContentOptions>(configuration.GetSection(ContentOptions.Section));
        // A zero or negative import time-out would refuse every import as too slow: stop at start with the reason instead.
        services.AddOptions<ContentOptions>()
            .Validate(o => o.Import.Timeout > TimeSpan.Zero, "Content:Import:Timeout must be more than zero, for example 00:00:10.")
            .ValidateOnStart();
        services.AddNotifications();
        services.AddMemoryCache();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddScoped<SiteSettings>();
        services.AddScoped<ContentEditor>();
        services.AddScoped<ContentPublisher>();
        services.AddScoped<PublishedContent>();
        services.AddScoped<ContentLibrary>();
        services.AddScoped<ContentRedirects>();
        services.AddScoped<MediaLibrary>();
        services.AddScoped<Import.DocumentImporter>();
        services.AddScoped<ContentImporter>();
        services.AddScoped<ContentExporter>();
        services.AddSingleton<ContentRenderer>();
        services.TryAddSingleton<IContentVariables, NoContentVariables>();
        services.TryAddSingleton(sp =>
            new FileSystemMediaStore(Path.GetFullPath(sp.GetRequiredService<IOptions<ContentOptions>>().Value.MediaPath, contentRoot)));
        services.AddSingleton<ISearchSource, ContentSearchSource>();
        services.TryAddSingleton<DatabaseMediaStore>();
        services.TryAddSingleton<IMediaStore>(sp => sp.GetRequiredService<IOptions<ContentOptions>>().Value.MediaInDatabase
            ? sp.GetRequiredService<DatabaseMediaStore>()
            : sp.GetRequiredService<FileSystemMediaStore>());
        services.AddSingleton<ContentScheduler>();
        services.AddSingleton<IHostedService>(sp => sp.GetRequiredService<ContentScheduler>());
        return services;
    }
}
