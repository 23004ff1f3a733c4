using LearningPortal.Core.Data;
using LearningPortal.Core.Impact;
using LearningPortal.Tests.Supervision;
using LearningPortal.Tests.Training;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace LearningPortal.Tests.Impact;

/// <summary>
/// The readers per briefing, agency and month (<see cref="BriefingReadCount"/>) the impact pages sum: kept by the read
/// writer in the reads' transaction, exact when two instances write the same reads at once, and recounted by
/// rebuild-impact to the same figures.
/// </summary>
public class ReadCountsTests(SupervisionSite site) : IClassFixture<SupervisionSite>
{
    private readonly TrainingData training = new(site);
    private readonly SupervisionData supervision = new(site);

    [Fact]
    public async Task Two_instances_writing_the_same_reads_at_once_count_each_person_day_exactly_once_and_rebuild_gives_the_same_counts()
    {
        var (first, _) = await supervision.BriefingAsync("Counted " + Guid.NewGuid().ToString("N")[..6]);
        var (second, _) = await supervision.BriefingAsync("Counted too " + Guid.NewGuid().ToString("N")[..6]);
        var agencies = (await training.AgencyIdsAsync()).Take(3).ToList();
        var people = new List<Core.Accounts.PortalUser>();
        for (var a = 0; a < agencies.Count; a++)
        {
            people.AddRange(await training.PeopleAsync(10 + (5 * a), agencies[a], $"counted{a}-"));
        }

        // Two months; in each, two instances (writers with their own queues) get every read, each person reading each
        // briefing twice, so both try to save the same person-days at once and one must lose on the unique key.
        var now = DateTimeOffset.UtcNow;
        foreach (var at in new[] { now.AddDays(-45), now })
        {
            var writers = Enumerable.Range(0, 2).Select(_ => Writer(at)).ToList();
            foreach (var (recorder, _) in writers)
            {
                foreach (var person in people)
                {
                    recorder.Record(first.DocumentId, person.Id);
                    recorder.Record(second.DocumentId, person.Id);
                    recorder.Record(first.DocumentId, person.Id);
                }
            }

            await Task.WhenAll(writers.Select(w => Task.Run(() => w.Writer.WriteWaitingAsync(CancellationToken.None))));
        }

        var months = new[] { now.AddDays(-45), now }.Select(t => BriefingReadCount.MonthOf(Core.Time.UkTime.Today(t.UtcDateTime))).ToList();
        var expected = (from doc in new[] { first.DocumentId, second.DocumentId }
                        from agency in agencies
                        from month in months
                        select (doc, agency, month, people.Count(p => p.AgencyId == agency))).Order().ToList();
        var live = await CountsAsync(first.DocumentId, second.DocumentId);
        Assert.Equal(expected, live);
        await supervision.WithDbAsync(async db =>
        {
            Assert.Equal(people.Count * 2 * months.Count, await db.BriefingReads.CountAsync(r => r.DocumentId == first.DocumentId || r.DocumentId == second.DocumentId));
            return true;
        });

        // Damage the counts, then rebuild: the same figures as the live writer's.
        await site.WithDbAsync(async db =>
        {
            await db.BriefingReadCounts.Where(c => c.DocumentId == first.DocumentId).ExecuteDeleteAsync();
            await db.BriefingReadCounts.Where(c => c.DocumentId == second.DocumentId).ExecuteUpdateAsync(s => s.SetProperty(c => c.Readers, 99));
        });
        Assert.NotEqual(live, await CountsAsync(first.DocumentId, second.DocumentId));
        var rebuilt = await site.WithScopeAsync(sp => sp.GetRequiredService<ImpactRebuild>().RunAsync());
        Assert.True(rebuilt.ReadCounts >= live.Count);
        Assert.Equal(live, await CountsAsync(first.DocumentId, second.DocumentId));

        // And the whole table agrees with the reads after the rebuild.
        await supervision.WithDbAsync(async db =>
        {
            Assert.Equal(await db.BriefingReads.CountAsync(), await db.BriefingReadCounts.SumAsync(c => c.Readers));
            return true;
        });
    }

    private (ReadRecorder Recorder, ReadWriter Writer) Writer(DateTimeOffset at)
    {
        var recorder = new ReadRecorder(new FakeTimeProvider(at));
        return (recorder, new ReadWriter(recorder, site.Services.GetRequiredService<IServiceScopeFactory>(), NullLogger<ReadWriter>.Instance));
    }

    private Task<List<(int, int, DateOnly, int)>> CountsAsync(params int[] documentIds) =>
        supervision.WithDbAsync(async db => (await db.BriefingReadCounts.AsNoTracking().Where(c => documentIds.Contains(c.DocumentId)).ToListAsync())
            .Select(c => (c.DocumentId, c.AgencyId, c.Month, c.Readers)).Order().ToList());
}
