using LearningPortal.Core.Content;
using LearningPortal.Core.Content.Publishing;
using Microsoft.Extensions.Time.Testing;

namespace LearningPortal.Tests.Content.Publishing;

/// <summary>
/// Scheduling with a fake clock: the site's own scheduler loop is off, and the tests call RunDueAsync with the
/// instant they want, on one or two scheduler instances sharing the database.
/// </summary>
public class SchedulingTests(ContentSite site) : IClassFixture<ContentSite>
{
    private static ContentScheduler NewScheduler(ContentSite site, TimeProvider clock) =>
        ActivatorUtilities.CreateInstance<ContentScheduler>(site.Services, clock);

    private Task<Outcome<ScheduledContentChange>> SchedulePublishAsync(int documentId, int number, DateTime ukLocal, TimeProvider clock) =>
        site.WithAsync(sp => ActivatorUtilities.CreateInstance<ContentPublisher>(sp, clock).SchedulePublishAsync(documentId, number, ukLocal, Build.Editor));

    private Task<VersionStatus> StatusAsync(int documentId, int number) =>
        site.WithAsync(sp => sp.GetRequiredService<PortalDbContext>().DocumentVersions
            .Where(v => v.DocumentId == documentId && v.Number == number).Select(v => v.Status).SingleAsync());

    [Fact]
    public async Task Five_items_scheduled_for_the_same_minute_all_go_live()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2027, 1, 10, 12, 0, 0, TimeSpan.Zero));
        var nine = new DateTime(2027, 1, 11, 9, 0, 0);
        var documents = new List<int>();
        for (var i = 0; i < 5; i++)
        {
            var created = await site.CreateAsync(Build.Briefing($"Same minute {i}"));
            var scheduled = await SchedulePublishAsync(created.DocumentId, 1, nine.AddSeconds(i * 10), clock);
            Assert.True(scheduled.Succeeded, scheduled.ToString());
            Assert.Equal(VersionStatus.Scheduled, await StatusAsync(created.DocumentId, 1));
            documents.Add(created.DocumentId);
        }

        var early = await NewScheduler(site, clock).RunDueAsync(new DateTime(2027, 1, 11, 8, 59, 59, DateTimeKind.Utc));
        var done = await NewScheduler(site, clock).RunDueAsync(new DateTime(2027, 1, 11, 9, 1, 0, DateTimeKind.Utc));

        Assert.Equal(0, early);
        Assert.Equal(5, done);
        foreach (var id in documents)
        {
            Assert.Equal(VersionStatus.Published, await StatusAsync(id, 1));
            Assert.Equal(1, site.Notifications.PublishedCount(id));
        }
    }

    [Theory]
    [InlineData("2026-03-29T01:30", "2026-03-29T01:30:00Z", true)] // the skipped hour: read as 2:30am BST
    [InlineData("2026-10-25T01:30", "2026-10-25T00:30:00Z", true)] // the repeated hour: the first 1:30am, BST
    [InlineData("2026-07-01T09:00", "2026-07-01T08:00:00Z", false)] // summer: BST
    [InlineData("2026-12-01T09:00", "2026-12-01T09:00:00Z", false)] // winter: GMT
    public async Task A_schedule_in_uk_time_fires_at_the_intended_instant_across_clock_changes(string ukLocal, string expectedUtc, bool warned)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 1, 5, 12, 0, 0, TimeSpan.Zero));
        var created = await site.CreateAsync(Build.Briefing("Clock change " + ukLocal));
        var due = DateTime.SpecifyKind(DateTime.Parse(expectedUtc, System.Globalization.CultureInfo.InvariantCulture).ToUniversalTime(), DateTimeKind.Utc);

        var scheduled = await SchedulePublishAsync(created.DocumentId, 1, DateTime.Parse(ukLocal, System.Globalization.CultureInfo.InvariantCulture), clock);

        Assert.True(scheduled.Succeeded, scheduled.ToString());
        Assert.Equal(due, scheduled.Value!.DueUtc);
        Assert.Equal(warned, scheduled.Warnings.Count > 0);
        var scheduler = NewScheduler(site, clock);
        await scheduler.RunDueAsync(due.AddSeconds(-1));
        Assert.Equal(VersionStatus.Scheduled, await StatusAsync(created.DocumentId, 1));
        await scheduler.RunDueAsync(due);
        Assert.Equal(VersionStatus.Published, await StatusAsync(created.DocumentId, 1));
    }

    [Fact]
    public async Task Two_scheduler_instances_on_one_database_publish_each_item_exactly_once()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2027, 2, 1, 12, 0, 0, TimeSpan.Zero));
        var noon = new DateTime(2027, 2, 2, 12, 0, 0);
        var documents = new List<int>();
        for (var i = 0; i < 8; i++)
        {
            var created = await site.CreateAsync(Build.Briefing($"Two instances {i}"));
            Assert.True((await SchedulePublishAsync(created.DocumentId, 1, noon, clock)).Succeeded);
            documents.Add(created.DocumentId);
        }

        var a = NewScheduler(site, clock);
        var b = NewScheduler(site, clock);
        var now = new DateTime(2027, 2, 2, 12, 0, 5, DateTimeKind.Utc);
        var counts = await Task.WhenAll(Task.Run(() => a.RunDueAsync(now)), Task.Run(() => b.RunDueAsync(now)));

        Assert.NotEqual(a.InstanceId, b.InstanceId);
        Assert.Equal(8, counts.Sum());
        foreach (var id in documents)
        {
            Assert.Equal(1, site.Notifications.PublishedCount(id));
            Assert.Equal(VersionStatus.Published, await StatusAsync(id, 1));
        }

        var completed = await site.WithAsync(sp => sp.GetRequiredService<PortalDbContext>().ScheduledContentChanges
            .Where(s => documents.Contains(s.DocumentId)).Select(s => s.CompletedUtc).ToListAsync());
        Assert.Equal(8, completed.Count);
        Assert.All(completed, c => Assert.NotNull(c));
    }

    [Fact]
    public async Task A_scheduled_unpublish_takes_the_document_down_at_its_time()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2027, 3, 1, 12, 0, 0, TimeSpan.Zero));
        var slug = Build.Slug("expiring");
        var live = await site.PublishNewAsync(Build.Briefing("Expiring"), slug);
        var scheduled = await site.WithAsync(sp => ActivatorUtilities.CreateInstance<ContentPublisher>(sp, (TimeProvider)clock)
            .ScheduleUnpublishAsync(live.DocumentId, new DateTime(2027, 3, 2, 17, 0, 0), Build.Editor));

        await NewScheduler(site, clock).RunDueAsync(new DateTime(2027, 3, 2, 17, 0, 0, DateTimeKind.Utc));

        Assert.True(scheduled.Succeeded, scheduled.ToString());
        Assert.Single(site.Notifications.Unpublished, u => u.DocumentId == live.DocumentId);
        using var client = site.CreatePortalClient();
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/learning/" + slug)).StatusCode);
    }

    [Fact]
    public async Task A_time_in_the_past_is_refused()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2027, 4, 1, 12, 0, 0, TimeSpan.Zero));
        var created = await site.CreateAsync(Build.Briefing("Past"));

        var scheduled = await SchedulePublishAsync(created.DocumentId, 1, new DateTime(2027, 4, 1, 12, 0, 0), clock);

        Assert.Equal(Refusal.Invalid, scheduled.Refusal);
        Assert.Equal("The date and time must be in the future", scheduled.Errors[0].Message);
    }
}
