using LearningPortal.Tests.Infrastructure;
using LearningPortal.Web.Commands;

namespace LearningPortal.Tests.Search;

public sealed class ReindexCommandTests : IAsyncLifetime
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "lp-tests", "reindex-" + Guid.NewGuid().ToString("N"));
    private readonly SearchContentStore content = new();
    private TestDatabase database = default!;

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync();
        await SearchInstance.MigrateAsync(database);
        content.Put(Docs.Library());
    }

    [Fact]
    public async Task Reindex_builds_the_index_from_the_sources()
    {
        await using var instance = await SearchInstance.CreateAsync(database, content, folder, start: false);
        var output = new StringWriter();

        var exitCode = await ReindexCommand.RunAsync(instance.Services, output);

        Assert.Equal(0, exitCode);
        Assert.Contains($"{content.Count} documents", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reindex_refuses_while_a_running_instance_holds_the_index()
    {
        await using var running = await SearchInstance.CreateAsync(database, content, folder);
        await running.WaitForIndexAsync(content.Count);
        await using var command = await SearchInstance.CreateAsync(database, content, folder, start: false);
        var output = new StringWriter();

        var exitCode = await ReindexCommand.RunAsync(command.Services, output);

        Assert.Equal(1, exitCode);
        Assert.Contains("/manage/search", output.ToString(), StringComparison.Ordinal);
    }

    public async Task DisposeAsync()
    {
        await database.DisposeAsync();
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
