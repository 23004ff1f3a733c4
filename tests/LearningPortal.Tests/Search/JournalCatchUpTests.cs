using LearningPortal.Core.Search;
using LearningPortal.Search;

namespace LearningPortal.Tests.Search;

/// <summary>Two instances of the search service, each with its own index folder, sharing one database.</summary>
public sealed class JournalCatchUpTests() : SearchInstanceFixture("journal")
{
    [Fact]
    public async Task A_publish_on_one_instance_becomes_searchable_on_the_other()
    {
        await using var first = await SearchInstance.CreateAsync(Database, Content, Path.Combine(Folder, "first"));
        await using var second = await SearchInstance.CreateAsync(Database, Content, Path.Combine(Folder, "second"));
        await first.WaitForIndexAsync(Content.Count);
        await second.WaitForIndexAsync(Content.Count);

        await first.PublishAsync(Content, Docs.Briefing("cumulative-harm", "Cumulative harm: learning briefing", "Small harms that add up over time."));
        await SearchSite.WaitUntilAsync(() => first.Index.Search(new SearchQuery { Text = "cumulative" }).Total == 1, SearchSite.Patience, () => "not searchable on the first instance");
        await SearchSite.WaitUntilAsync(() => second.Index.Search(new SearchQuery { Text = "cumulative" }).Total == 1, SearchSite.Patience, () => "not searchable on the second instance");

        Assert.Equal(first.Index.JournalPosition, second.Index.JournalPosition);
    }

    [Fact]
    public async Task An_unpublish_on_one_instance_removes_the_item_from_the_other()
    {
        await using var first = await SearchInstance.CreateAsync(Database, Content, Path.Combine(Folder, "first"));
        await using var second = await SearchInstance.CreateAsync(Database, Content, Path.Combine(Folder, "second"));
        await first.WaitForIndexAsync(Content.Count);
        await second.WaitForIndexAsync(Content.Count);

        await second.UnpublishAsync(Content, "strategy", "neglect-strategy");

        // Each instance, the one that unpublished included, takes the change from the journal after the commit.
        await SearchSite.WaitUntilAsync(() => first.Index.Search(new SearchQuery { Text = "strategic objectives" }).Total == 0, TimeSpan.FromSeconds(5), () => "still found on the first instance");
        await SearchSite.WaitUntilAsync(() => second.Index.Search(new SearchQuery { Text = "strategic objectives" }).Total == 0, TimeSpan.FromSeconds(5), () => "still found on the instance that unpublished it");
    }

    [Fact]
    public async Task An_instance_that_was_stopped_catches_up_on_changes_made_meanwhile()
    {
        var path = Path.Combine(Folder, "restarted");
        await using (var early = await SearchInstance.CreateAsync(Database, Content, path))
        {
            await early.WaitForIndexAsync(Content.Count);
        }

        await using var other = await SearchInstance.CreateAsync(Database, Content, Path.Combine(Folder, "other"));
        await other.PublishAsync(Content, Docs.Briefing("missed", "Parental mental health", "Published while the first instance was down."));
        await using var restarted = await SearchInstance.CreateAsync(Database, Content, path);

        await SearchSite.WaitUntilAsync(() => restarted.Index.Search(new SearchQuery { Text = "parental mental health" }).Total == 1, TimeSpan.FromSeconds(10), () => "the restarted instance did not catch up");
    }

    [Fact]
    public async Task Pruning_removes_old_journal_entries_but_keeps_the_newest()
    {
        await using var instance = await SearchInstance.CreateAsync(Database, Content, Path.Combine(Folder, "prune"), start: false);
        using (var scope = instance.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            var old = DateTime.UtcNow.AddDays(-30);
            db.SearchJournal.AddRange(
                new SearchJournalEntry { Kind = "briefing", ItemId = "1", CreatedUtc = old },
                new SearchJournalEntry { Kind = "briefing", ItemId = "2", CreatedUtc = old },
                new SearchJournalEntry { Kind = "briefing", ItemId = "3", CreatedUtc = old });
            await db.SaveChangesAsync();
        }

        var pruned = await instance.Services.GetRequiredService<SearchIndexer>().PruneJournalAsync(CancellationToken.None);

        using var check = instance.Services.CreateScope();
        var left = await check.ServiceProvider.GetRequiredService<PortalDbContext>().SearchJournal.Select(e => e.ItemId).ToListAsync();
        Assert.Equal(2, pruned);
        Assert.Equal(["3"], left);
    }

    [Fact]
    public void The_position_waits_at_a_gap_in_journal_ids_until_it_has_settled()
    {
        var now = DateTime.UtcNow;
        var settledBefore = now.AddSeconds(-30);
        SearchJournalEntry Entry(long id, DateTime created) => new() { Id = id, Kind = "briefing", ItemId = id.ToString(System.Globalization.CultureInfo.InvariantCulture), CreatedUtc = created };

        var recentGap = SearchIndexer.NewPosition(10, [Entry(11, now), Entry(13, now), Entry(14, now)], settledBefore);
        var oldGap = SearchIndexer.NewPosition(10, [Entry(11, now.AddMinutes(-5)), Entry(13, now.AddMinutes(-5)), Entry(14, now)], settledBefore);

        Assert.Equal(11, recentGap);
        Assert.Equal(14, oldGap);
    }
}
