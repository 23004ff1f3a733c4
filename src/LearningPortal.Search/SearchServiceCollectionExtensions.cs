using LearningPortal.Core.Search;
using LearningPortal.Search.Lucene;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LearningPortal.Search;

public static class SearchServiceCollectionExtensions
{
    /// <summary>
    /// The search index of this instance (Lucene, on local disk under Search:IndexPath), the journal that keeps
    /// instances in step, the background catch-up loop and the /health entry. Modules add their
    /// <see cref="ISearchSource"/>s themselves.
    /// </summary>
    public static IServiceCollection AddPortalSearch(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.Configure<SearchOptions>(configuration.GetSection(SearchOptions.Section));
        services.AddSearchJournal();
        services.AddSingleton(sp => new LuceneSearchIndex(
            Path.GetFullPath(sp.GetRequiredService<IOptions<SearchOptions>>().Value.IndexPath, environment.ContentRootPath),
            sp.GetRequiredService<ILogger<LuceneSearchIndex>>(),
            sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<ISearchIndex>(sp => sp.GetRequiredService<LuceneSearchIndex>());
        services.AddSingleton<SearchIndexer>();
        services.AddHostedService<SearchCatchUp>();
        services.AddHealthChecks().AddCheck<SearchHealthCheck>("search");
        return services;
    }
}
