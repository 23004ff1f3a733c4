using LearningPortal.Core.Privacy;
using LearningPortal.Tests.ActionPlans;
using Microsoft.Extensions.Time.Testing;

namespace LearningPortal.Tests.Privacy;

/// <summary>
/// Retention with the clock moved on (the defaults: accounts 3 years unused and 30 days' warning, bookings, audit and
/// action history 6 years, reads linked to their reader 12 months). Each run sees the whole test database, so the tests look only at their own rows.
/// </summary>
public class RetentionTests(ActionPlanSite site) : IClassFixture<ActionPlanSite>
{
    private readonly TrainingData training = new(site);

    [Fact]
    public async Task An_unused_account_is_warned_then_deleted_after_the_warning_period_unless_its_holder_signs_in()
    {
        var leaver = await site.CreateUserAsync(TestUsers.UniqueEmail("unused"));
        var returner = await site.CreateUserAsync(TestUsers.UniqueEmail("returner"));
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow.AddYears(3).AddDays(1));

        await RunAsync(clock);
        await RunAsync(clock);

        var warnings = await EmailsAsync(leaver.Email!, "Your Learning Portal account will be deleted");
        Assert.Single(warnings);
        Assert.Contains("/account/sign-in", warnings[0].TextBody);
        Assert.Single(await EmailsAsync(returner.Email!, "Your Learning Portal account will be deleted"));
        Assert.True(await site.DbAsync(db => db.Users.AnyAsync(u => u.Id == leaver.Id)));

        // The returner signs in during the warning period (the clock is moved on, so their sign-in is written directly).
        clock.Advance(TimeSpan.FromDays(10));
        var signedIn = clock.GetUtcNow().UtcDateTime;
        await site.DbAsync(db => db.Users.Where(u => u.Id == returner.Id).ExecuteUpdateAsync(u => u.SetProperty(x => x.LastSignInUtc, signedIn)));
        clock.Advance(TimeSpan.FromDays(21));
        await RunAsync(clock);

        Assert.False(await site.DbAsync(db => db.Users.AnyAsync(u => u.Id == leaver.Id)));
        Assert.True(await site.DbAsync(db => db.Users.AnyAsync(u => u.Id == returner.Id)));
        var entry = await site.DbAsync(db => db.AuditEntries.SingleAsync(e => e.Action == "user.deleted" && e.SubjectId == leaver.Id));
        Assert.Null(entry.ActorUserId);
        Assert.Equal(PersonalDataRetention.ActorName, entry.ActorName);
        Assert.DoesNotContain(leaver.Email!, entry.Details, StringComparison.OrdinalIgnoreCase);
        Assert.Single(await EmailsAsync(leaver.Email!, "Your Learning Portal account has been deleted"));
        Assert.Empty(await EmailsAsync(returner.Email!, "Your Learning Portal account has been deleted"));
    }

    [Fact]
    public async Task Bookings_and_registers_are_kept_for_their_period_then_anonymised_and_an_unused_account_waits_for_them()
    {
        var session = await training.SessionAsync();
        var active = await site.CreateUserAsync(TestUsers.UniqueEmail("active"));
        var unused = await site.CreateUserAsync(TestUsers.UniqueEmail("lapsed"));
        await training.BookAsync(session, active, "manager@example.org");
        await training.BookAsync(session, unused);
        await site.DbAsync(async db =>
        {
            var booking = await db.Bookings.SingleAsync(b => b.SessionId == session.Id && b.UserId == active.Id);
            db.AttendanceRecords.Add(new AttendanceRecord { BookingId = booking.Id, Outcome = AttendanceOutcome.Attended, Notes = "Left early for a case", RecordedUtc = DateTime.UtcNow });
            return await db.SaveChangesAsync();
        });
        var ended = session.EndUtc;
        var clock = new FakeTimeProvider(new DateTimeOffset(ended.AddYears(6).AddDays(-60), TimeSpan.Zero));
        await KeepActiveAsync(active, clock);

        // Warned, and past the warning period, but the booking is still kept: the account waits.
        await RunAsync(clock);
        clock.Advance(TimeSpan.FromDays(50));
        await KeepActiveAsync(active, clock);
        await RunAsync(clock);

        Assert.True(await site.DbAsync(db => db.Users.AnyAsync(u => u.Id == unused.Id)));
        var kept = await training.BookingAsync(session, active);
        Assert.Null(kept.AnonymisedUtc);
        Assert.Equal("Step-free access", kept.AccessNeeds);

        clock.Advance(TimeSpan.FromDays(11));
        await KeepActiveAsync(active, clock);
        await RunAsync(clock);

        var anonymised = await training.BookingAsync(session, active);
        Assert.Equal(PersonalDataRetention.FormerAttendee, anonymised.AttendeeName);
        Assert.Equal("", anonymised.AttendeeEmail);
        Assert.Null(anonymised.AccessNeeds);
        Assert.Null(anonymised.LineManagerEmail);
        Assert.NotNull(anonymised.AnonymisedUtc);
        Assert.Equal(AttendanceOutcome.Attended, anonymised.Attendance!.Outcome);
        Assert.Null(anonymised.Attendance.Notes);
        Assert.True(await site.DbAsync(db => db.Users.AnyAsync(u => u.Id == active.Id)));
        Assert.False(await site.DbAsync(db => db.Users.AnyAsync(u => u.Id == unused.Id)));
        Assert.False(await site.DbAsync(db => db.Bookings.AnyAsync(b => b.UserId == unused.Id)));
        Assert.Equal(2, (await training.ReloadAsync(session)).PlacesTaken);
    }

    [Fact]
    public async Task Audit_entries_and_action_history_older_than_their_periods_are_deleted()
    {
        var editor = await site.CreateUserAsync(TestUsers.UniqueEmail("editor"), TestUsers.Password, PortalRoles.Editor);
        var (_, actionId) = await site.PlanWithActionAsync(editor, null, DateOnly.FromDateTime(DateTime.UtcNow.AddDays(30)));
        var now = DateTime.UtcNow;
        var action = "test.retention-" + Guid.NewGuid().ToString("N")[..8];
        await site.DbAsync(async db =>
        {
            db.AuditEntries.Add(new AuditEntry { Action = action, OccurredUtc = now.AddYears(-6).AddDays(-1), ActorName = "Tester", SubjectType = "test", SubjectId = "old", Details = "old" });
            db.AuditEntries.Add(new AuditEntry { Action = action, OccurredUtc = now.AddYears(-6).AddDays(1), ActorName = "Tester", SubjectType = "test", SubjectId = "new", Details = "new" });
            db.ActionHistory.Add(new Core.ActionPlans.ActionHistoryEntry { ActionId = actionId, OccurredUtc = now.AddYears(-6).AddDays(-1), ActorName = "Tester", What = "old line" });
            return await db.SaveChangesAsync();
        });

        var run = await RunAsync(new FakeTimeProvider(new DateTimeOffset(now, TimeSpan.Zero)));

        Assert.True(run.AuditEntriesDeleted >= 1);
        Assert.Equal(["new"], await site.DbAsync(db => db.AuditEntries.Where(e => e.Action == action).Select(e => e.SubjectId).ToListAsync()));
        var history = await site.DbAsync(db => db.ActionHistory.Where(h => h.ActionId == actionId).Select(h => h.What).ToListAsync());
        Assert.DoesNotContain("old line", history);
        Assert.NotEmpty(history);
    }

    [Fact]
    public async Task Briefing_reads_are_summarised_after_a_year_keeping_the_counts_but_not_the_reader()
    {
        var reader = await site.CreateUserAsync(TestUsers.UniqueEmail("reader"));
        var document = Random.Shared.Next(1_000_000, 2_000_000);
        var today = Core.Time.UkTime.Today(DateTime.UtcNow);
        var (old, recent) = (today.AddMonths(-12).AddDays(-1), today.AddMonths(-12).AddDays(1));
        await site.DbAsync(async db =>
        {
            db.BriefingReads.Add(new Core.Impact.BriefingRead { DocumentId = document, UserId = reader.Id, AgencyId = reader.AgencyId, Day = old });
            db.BriefingReads.Add(new Core.Impact.BriefingRead { DocumentId = document, UserId = reader.Id, AgencyId = reader.AgencyId, Day = recent });
            return await db.SaveChangesAsync();
        });

        var run = await RunAsync(TimeProvider.System);

        Assert.True(run.ReadsSummarised >= 1);
        var reads = await site.DbAsync(db => db.BriefingReads.AsNoTracking().Where(r => r.DocumentId == document).OrderBy(r => r.Day).ToListAsync());
        Assert.Equal([old, recent], reads.Select(r => r.Day));
        Assert.Null(reads[0].UserId);
        Assert.Equal(reader.Id, reads[1].UserId);
        Assert.All(reads, r => Assert.Equal(reader.AgencyId, r.AgencyId));
    }

    [Fact]
    public async Task Deleting_an_unused_account_deletes_its_learning_record_and_keeps_its_reads_as_counts()
    {
        var leaver = await site.CreateUserAsync(TestUsers.UniqueEmail("learner"));
        var document = Random.Shared.Next(2_000_000, 3_000_000);
        await site.WithAsync(async sp =>
        {
            await sp.GetRequiredService<Core.Impact.BriefingReflections>().SaveAsync(leaver.Id,
                new Core.Impact.ReflectedBriefing(document, "Neglect briefing", "/learning/neglect", 1), "I will ask about the child's day");
            return await sp.GetRequiredService<Core.Impact.LearningRecord>().AddActivityAsync(leaver.Id,
                new Core.Impact.LearningActivityInput("Conference on neglect", Core.Time.UkTime.Today(DateTime.UtcNow), 3, true, "Chronologies", "Use them", null, false));
        });
        await site.DbAsync(async db =>
        {
            db.BriefingReads.Add(new Core.Impact.BriefingRead { DocumentId = document, UserId = leaver.Id, AgencyId = leaver.AgencyId, Day = Core.Time.UkTime.Today(DateTime.UtcNow) });
            return await db.SaveChangesAsync();
        });
        Assert.True(await site.DbAsync(db => db.BriefingReflections.AnyAsync(r => r.UserId == leaver.Id)));
        Assert.True(await site.DbAsync(db => db.LearningActivities.AnyAsync(a => a.UserId == leaver.Id)));
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow.AddYears(3).AddDays(1));

        await RunAsync(clock);
        clock.Advance(TimeSpan.FromDays(31));
        await RunAsync(clock);

        Assert.False(await site.DbAsync(db => db.Users.AnyAsync(u => u.Id == leaver.Id)));
        Assert.False(await site.DbAsync(db => db.BriefingReflections.AnyAsync(r => r.UserId == leaver.Id || r.DocumentId == document)));
        Assert.False(await site.DbAsync(db => db.LearningActivities.AnyAsync(a => a.UserId == leaver.Id)));
        var read = await site.DbAsync(db => db.BriefingReads.AsNoTracking().SingleAsync(r => r.DocumentId == document));
        Assert.Null(read.UserId);
        Assert.Equal(leaver.AgencyId, read.AgencyId);
    }

    [Fact]
    public async Task Runs_on_several_instances_at_once_warn_and_delete_each_account_once()
    {
        var user = await site.CreateUserAsync(TestUsers.UniqueEmail("raced"));
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow.AddYears(3).AddDays(1));

        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => RunAsync(clock)));
        clock.Advance(TimeSpan.FromDays(31));
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => RunAsync(clock)));

        Assert.Single(await EmailsAsync(user.Email!, "Your Learning Portal account will be deleted"));
        Assert.Single(await EmailsAsync(user.Email!, "Your Learning Portal account has been deleted"));
        Assert.Equal(1, await site.DbAsync(db => db.AuditEntries.CountAsync(e => e.Action == "user.retention.warned" && e.SubjectId == user.Id)));
        Assert.Equal(1, await site.DbAsync(db => db.AuditEntries.CountAsync(e => e.Action == "user.deleted" && e.SubjectId == user.Id)));
        Assert.False(await site.DbAsync(db => db.Users.AnyAsync(u => u.Id == user.Id)));
    }

    [Fact]
    public async Task The_job_is_registered_as_a_recurring_job_and_runs_the_retention_work()
    {
        var user = await site.CreateUserAsync(TestUsers.UniqueEmail("jobrun"));
        await site.DbAsync(db => db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(u => u.SetProperty(x => x.CreatedUtc, DateTime.UtcNow.AddYears(-4))));
        var job = site.Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>().OfType<RetentionJob>().Single();

        var run = await job.RunOnceAsync();

        Assert.True(run.AccountsWarned >= 1);
        Assert.Single(await EmailsAsync(user.Email!, "Your Learning Portal account will be deleted"));
    }

    [Fact]
    public async Task The_privacy_notice_states_the_configured_periods()
    {
        using var client = site.CreatePortalClient();

        var text = await (await client.GetAsync("/privacy")).Content.ReadAsStringAsync();

        Assert.Contains("nobody has signed in to it for 3 years", text);
        Assert.Contains("delete it 30 days later", text);
        Assert.Contains("6 years after the session", text);
        Assert.Contains("72 months after the discussion", text);
        Assert.Contains("12 months linked to you", text);
        Assert.Contains("your learning record", text);
        Assert.DoesNotContain("{{", text);
    }

    private Task<RetentionRun> RunAsync(TimeProvider clock) =>
        site.WithAsync(sp => ActivatorUtilities.CreateInstance<PersonalDataRetention>(sp, clock).RunAsync());

    private Task<int> KeepActiveAsync(PortalUser user, TimeProvider clock)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return site.DbAsync(db => db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(u => u.SetProperty(x => x.LastSignInUtc, now)));
    }

    private Task<List<Core.Email.OutboxMessage>> EmailsAsync(string address, string subject) =>
        site.DbAsync(db => db.OutboxMessages.AsNoTracking().Where(m => m.ToAddress == address && m.Subject == subject).ToListAsync());
}
