using LearningPortal.Web.Commands;

namespace LearningPortal.Tests.Search;

public sealed class ReindexCommandTests() : SearchInstanceFixture("reindex")
{
    [Fact]
    public async Task Reindex_builds_the_index_from_the_sources()
    {
        await using var instance = await SearchInstance.CreateAsync(Database, Content, Folder, start: false);
        var output = new StringWriter();

        var exitCode = await ReindexCommand.RunAsync(instance.Services, output);

        Assert.Equal(0, exitCode);
        Assert.Contains($"{Content.Count} documents", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reindex_refuses_while_a_running_instance_holds_the_index()
    {
        await using var running = await SearchInstance.CreateAsync(Database, Content, Folder);
        await running.WaitForIndexAsync(Content.Count);
        await using var command = await SearchInstance.CreateAsync(Database, Content, Folder, start: false);
        var output = new StringWriter();

        var exitCode = await ReindexCommand.RunAsync(command.Services, output);

        Assert.Equal(1, exitCode);
        Assert.Contains("/manage/search", output.ToString(), StringComparison.Ordinal);
    }
}
