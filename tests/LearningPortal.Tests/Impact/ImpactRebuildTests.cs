using LearningPortal.Core.Impact;
using LearningPortal.Core.Supervision;
using LearningPortal.Tests.Supervision;

namespace LearningPortal.Tests.Impact;

/// <summary>
/// rebuild-impact against the live feed: a few hundred attendance marks and discussion copies written the way the site
/// writes them (the register and finalising records, through their services), then the copies damaged and rebuilt in
/// small batches; the rebuilt read model must equal the live-fed one row for row.
/// </summary>
public class ImpactRebuildTests(SupervisionSite site) : IClassFixture<SupervisionSite>
{
    private readonly TrainingData training = new(site);
    private readonly SupervisionData supervision = new(site);

    [Fact]
    public async Task Rebuilding_in_batches_gives_exactly_the_read_model_the_live_feed_wrote()
    {
        // 210 people on three past sessions, their registers marked through SessionRegister (the live feed).
        var agencies = (await training.AgencyIdsAsync()).Take(3).ToList();
        var course = await training.CourseAsync();
        var outcomes = new[] { AttendanceOutcome.Attended, AttendanceOutcome.PartlyAttended, AttendanceOutcome.DidNotAttend, AttendanceOutcome.Attended };
        for (var s = 0; s < 3; s++)
        {
            var session = await training.SessionAsync(course, x => x.Capacity = 100);
            await training.MoveIntoPastAsync(session, TimeSpan.FromHours(4 + s));
            var people = await training.PeopleAsync(70, agencies[s % agencies.Count], $"rebuild{s}-");
            var bookings = await supervision.WithDbAsync(async db =>
            {
                var made = people.Select((p, i) => new Booking
                {
                    SessionId = session.Id, UserId = p.Id, Status = BookingStatus.Confirmed, QueueNumber = i + 1, AttendeeName = p.DisplayName, AttendeeEmail = p.Email!,
                    AgencyId = p.AgencyId, JobRole = p.JobRole, RequestedUtc = DateTime.UtcNow.AddDays(-10), PlaceGivenUtc = DateTime.UtcNow.AddDays(-10),
                    ConfirmedUtc = DateTime.UtcNow.AddDays(-10), CalendarUid = Guid.NewGuid(),
                }).ToList();
                db.Bookings.AddRange(made);
                await db.SaveChangesAsync();
                return made.Select(b => b.Id).ToList();
            });
            var marked = await training.WithAsync<SessionRegister, Outcome<int>>(r => r.RecordAsync(session.Id,
                [.. bookings.Select((id, i) => new AttendanceMark(id, outcomes[(i + s) % outcomes.Length]))], TrainingData.Staff));
            Assert.True(marked.Succeeded, marked.Message);
        }

        // 25 finalised discussions (a supervisor and two people each) through DiscussionRecords, and a draft that must not count.
        var (_, set) = await supervision.BriefingAsync("Rebuild " + Guid.NewGuid().ToString("N")[..6]);
        var supervisor = await supervision.SupervisorAsync();
        var kinds = new[] { DiscussionKind.OneToOne, DiscussionKind.Group, DiscussionKind.TeamMeeting };
        for (var i = 0; i < 25; i++)
        {
            var pair = await training.PeopleAsync(2, agencies[i % agencies.Count], $"discussed{i}-");
            await supervision.RecordAsync(supervisor, set, pair, kind: kinds[i % 3], heldOn: SupervisionData.Today().AddDays(-1 - i),
                confidence: i % 2 == 0 ? (1 + i % 3, 3 + i % 3) : null);
        }

        await supervision.RecordAsync(supervisor, set, await training.PeopleAsync(1), finalise: false);

        var live = await SnapshotAsync();
        Assert.True(live.Attendances.Count >= 210, $"{live.Attendances.Count} attendance copies");
        Assert.True(live.Discussions.Count >= 75, $"{live.Discussions.Count} discussion copies");

        // As after a restore: some copies gone, others stale.
        await supervision.WithDbAsync(async db =>
        {
            await db.LearningAttendances.Where(a => a.BookingId % 2 == 0).ExecuteDeleteAsync();
            await db.LearningAttendances.ExecuteUpdateAsync(u => u.SetProperty(a => a.CourseTitle, "Stale title"));
            return await db.LearningDiscussions.Where(d => d.RecordId % 3 == 0).ExecuteDeleteAsync();
        });

        var result = await site.WithScopeAsync(sp =>
        {
            var rebuild = sp.GetRequiredService<ImpactRebuild>();
            rebuild.BatchSize = 16; // many batches, and edges inside a record's rows and between sessions
            return rebuild.RunAsync();
        });

        var rebuilt = await SnapshotAsync();
        Assert.Equal(live.Attendances, rebuilt.Attendances);
        Assert.Equal(live.Discussions, rebuilt.Discussions);
        Assert.Equal((live.Attendances.Count, live.Discussions.Count), (result.Attendances, result.Discussions));
    }

    private Task<(List<string> Attendances, List<string> Discussions)> SnapshotAsync() =>
        supervision.WithDbAsync(async db =>
        {
            var attendances = await db.LearningAttendances.AsNoTracking().OrderBy(a => a.BookingId).ToListAsync();
            var discussions = await db.LearningDiscussions.AsNoTracking().ToListAsync();
            return (
                attendances.Select(a => $"{a.BookingId}|{a.UserId}|{a.AgencyId}|{a.CourseId}|{a.CourseTitle}|{a.SessionId}|{a.StartUtc:O}|{a.EndUtc:O}|{a.Result}|{a.HasCertificate}").ToList(),
                discussions.Select(d => $"{d.RecordId}|{d.UserId}|{d.AgencyId}|{d.AsSupervisor}|{d.Kind}|{d.HeldOn}|{d.Title}|{d.DocumentId}|{d.ConfidenceBefore}|{d.ConfidenceAfter}")
                    .Order(StringComparer.Ordinal).ToList());
        });
}
