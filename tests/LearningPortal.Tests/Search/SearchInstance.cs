using LearningPortal.Core.Search;
using LearningPortal.Search;
using LearningPortal.Search.Lucene;
using LearningPortal.Web.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace LearningPortal.Tests.Search;

/// <summary>
/// The search service alone, as one instance of the site runs it: its own index folder, the shared
/// database, the catch-up loop as a hosted service. Two of these against one database are two instances.
/// </summary>
public sealed class SearchInstance : IAsyncDisposable
{
    private readonly IHost host;
    private readonly bool started;

    private SearchInstance(IHost host, bool started)
    {
        this.host = host;
        this.started = started;
    }

    public IServiceProvider Services => host.Services;

    public LuceneSearchIndex Index => host.Services.GetRequiredService<LuceneSearchIndex>();

    /// <summary>Builds an instance and, unless told not to, starts its catch-up loop (which opens or builds the index).</summary>
    public static async Task<SearchInstance> CreateAsync(TestDatabase database, SearchContentStore content, string indexPath, bool start = true)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            EnvironmentName = "Testing",
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Search:IndexPath"] = indexPath,
            ["Search:PollInterval"] = "00:00:00.200",
            ["Logging:LogLevel:Default"] = "Warning",
        });
        var dbOptions = new DatabaseOptions { Provider = database.Provider, ConnectionString = database.ConnectionString };
        builder.Services.AddDbContext<PortalDbContext>(o => DatabaseServiceCollectionExtensions.Configure(o.ThrowOnQueryWarnings(), dbOptions, AppContext.BaseDirectory));
        builder.Services.Configure<IdentityOptions>(o => o.Stores.SchemaVersion = IdentitySchemaVersions.Version3);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(content);
        builder.Services.AddScoped<ISearchSource, TestSearchSource>();
        builder.Services.AddPortalSearch(builder.Configuration, builder.Environment);
        var host = builder.Build();
        if (start)
        {
            await host.StartAsync();
        }

        return new SearchInstance(host, start);
    }

    /// <summary>Creates the schema once for instances that share the database.</summary>
    public static async Task MigrateAsync(TestDatabase database)
    {
        await using var instance = await CreateAsync(database, new SearchContentStore(), Path.Combine(Path.GetTempPath(), "lp-tests", "unused"), start: false);
        using var scope = instance.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Database.MigrateAsync();
    }

    public async Task PublishAsync(SearchContentStore content, params SearchDocument[] documents)
    {
        content.Put(documents);
        await RecordAsync(documents.Select(d => (d.Kind, d.Id, SearchOperation.Upsert)).ToArray());
    }

    public async Task UnpublishAsync(SearchContentStore content, string kind, string id)
    {
        content.Remove(kind, id, draft: false);
        await RecordAsync((kind, id, SearchOperation.Delete));
    }

    public Task WaitForIndexAsync(int documents) =>
        SearchSite.WaitUntilAsync(() => Index.Status is { State: SearchIndexState.Ready } s && s.DocumentCount == documents, TimeSpan.FromSeconds(30),
            () => $"index {Index.Status}, expected {documents} documents");

    private async Task RecordAsync(params (string Kind, string Id, SearchOperation Operation)[] changes)
    {
        using var scope = host.Services.CreateScope();
        var journal = scope.ServiceProvider.GetRequiredService<SearchJournal>();
        foreach (var (kind, id, operation) in changes)
        {
            journal.Record(kind, id, operation);
        }

        await scope.ServiceProvider.GetRequiredService<PortalDbContext>().SaveChangesAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (started)
        {
            await host.StopAsync();
        }

        host.Dispose();
    }
}
