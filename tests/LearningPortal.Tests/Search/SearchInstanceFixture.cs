namespace LearningPortal.Tests.Search;

/// <summary>
/// A migrated database holding the test library, and a folder for the index of each search instance a test starts;
/// both removed afterwards.
/// </summary>
public abstract class SearchInstanceFixture(string name) : IAsyncLifetime
{
    protected string Folder { get; } = Path.Combine(Path.GetTempPath(), "lp-tests", name + "-" + Guid.NewGuid().ToString("N"));

    protected SearchContentStore Content { get; } = new();

    protected TestDatabase Database { get; private set; } = default!;

    public async Task InitializeAsync()
    {
        Database = await TestDatabase.CreateAsync();
        await SearchInstance.MigrateAsync(Database);
        Content.Put(Docs.Library());
    }

    public async Task DisposeAsync()
    {
        await Database.DisposeAsync();
        if (Directory.Exists(Folder))
        {
            Directory.Delete(Folder, recursive: true);
        }
    }
}
