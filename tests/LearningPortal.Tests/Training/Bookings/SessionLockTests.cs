namespace LearningPortal.Tests.Training.Bookings;

/// <summary>
/// The database lock alone (without the in-process gate) serialises changes to a session, as it must when
/// several instances of the site share a database: two <see cref="SessionLocks"/> stand for two instances.
/// </summary>
public class SessionLockTests(TrainingSite site) : IClassFixture<TrainingSite>
{
    private readonly TrainingData data = new(site);

    [Fact]
    public async Task A_second_instance_waits_for_the_session_lock_and_then_sees_the_first_ones_change()
    {
        var session = await data.SessionAsync();
        using var instanceA = new SessionLocks();
        using var instanceB = new SessionLocks();
        using var scopeA = site.Services.CreateScope();
        using var scopeB = site.Services.CreateScope();
        var dbA = scopeA.ServiceProvider.GetRequiredService<PortalDbContext>();
        var dbB = scopeB.ServiceProvider.GetRequiredService<PortalDbContext>();
        var aInside = new TaskCompletionSource();
        var releaseA = new TaskCompletionSource();

        var a = instanceA.RunAsync(dbA, session.Id, async s =>
        {
            s!.NextQueueNumber += 100;
            await dbA.SaveChangesAsync();
            aInside.SetResult();
            await releaseA.Task;
            return s.NextQueueNumber;
        }, CancellationToken.None);
        await aInside.Task;

        // On SQLite the wait happens inside Microsoft.Data.Sqlite's synchronous busy loop, so B gets its own thread.
        var b = Task.Run(() => instanceB.RunAsync(dbB, session.Id, s => Task.FromResult(s!.NextQueueNumber), CancellationToken.None));

        var finishedFirst = await Task.WhenAny(b, Task.Delay(TimeSpan.FromSeconds(1)));
        Assert.NotSame(b, finishedFirst);
        releaseA.SetResult();
        var seenByA = await a;
        var seenByB = await b;

        Assert.Equal(101, seenByA);
        Assert.Equal(101, seenByB);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_booking_locks_the_course_only_when_it_allows_one_booking_per_person(bool allowsRepeats)
    {
        var course = await data.CourseAsync(c => c.AllowsRepeatBookings = allowsRepeats);
        var first = await data.SessionAsync(course);
        var second = await data.SessionAsync(course, s => { s.StartUtc = s.StartUtc.AddDays(7); s.EndUtc = s.EndUtc.AddDays(7); });
        using var instanceA = new SessionLocks();
        using var instanceB = new SessionLocks();
        using var scopeA = site.Services.CreateScope();
        using var scopeB = site.Services.CreateScope();
        var dbA = scopeA.ServiceProvider.GetRequiredService<PortalDbContext>();
        var dbB = scopeB.ServiceProvider.GetRequiredService<PortalDbContext>();
        var aInside = new TaskCompletionSource();
        var releaseA = new TaskCompletionSource();

        // Two instances change two sessions of the course at once, as two bookings by one person would.
        var a = instanceA.RunAsync(dbA, first.Id, async s =>
        {
            aInside.SetResult();
            await releaseA.Task;
            return s!.Id;
        }, CancellationToken.None, lockCourse: true);
        await aInside.Task;
        var b = Task.Run(() => instanceB.RunAsync(dbB, second.Id, s => Task.FromResult(s!.Id), CancellationToken.None, lockCourse: true));

        // One place per person: the second waits for the course's lock (the repeat rule must see the first booking).
        // Repeats allowed: only the session is locked, so on PostgreSQL the second goes ahead (SQLite has one writer).
        var goesAhead = allowsRepeats && site.Database.IsPostgres;
        var finishedFirst = await Task.WhenAny(b, Task.Delay(TimeSpan.FromSeconds(goesAhead ? 10 : 1)));
        Assert.Equal(goesAhead, finishedFirst == b);
        releaseA.SetResult();
        Assert.Equal(first.Id, await a);
        Assert.Equal(second.Id, await b);
    }

    [Fact]
    public async Task What_a_change_leaves_unsaved_is_committed_with_its_lock_or_not_at_all()
    {
        // On PostgreSQL a save of new rows and the locked session goes with its COMMIT in one round trip.
        var session = await data.SessionAsync();
        var booked = await data.BookAsync(session, await data.PersonAsync());
        var existing = await data.BookingAsync(booked.Value!.BookingId);
        var before = (await data.ReloadAsync(session)).NextQueueNumber;
        using var scope = site.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var locks = scope.ServiceProvider.GetRequiredService<SessionLocks>();
        var afterCommits = 0;
        var kept = "Kept " + Guid.NewGuid().ToString("N")[..8];
        var refused = "Refused " + Guid.NewGuid().ToString("N")[..8];

        await locks.RunAsync(db, session.Id, s =>
        {
            s!.NextQueueNumber += 10;
            db.Agencies.Add(new Agency { Name = kept });
            db.AfterCommit(() => afterCommits++);
            return Task.FromResult(0);
        }, CancellationToken.None);

        Assert.Equal(1, afterCommits);
        Assert.Equal(before + 10, (await data.ReloadAsync(session)).NextQueueNumber);
        Assert.True(await site.WithScopeAsync(sp => sp.GetRequiredService<PortalDbContext>().Agencies.AnyAsync(a => a.Name == kept)));

        // The database refuses the last row (a booking's id given twice): nothing of the change stays.
        await Assert.ThrowsAnyAsync<DbUpdateException>(() => locks.RunAsync(db, session.Id, s =>
        {
            s!.NextQueueNumber += 10;
            db.Agencies.Add(new Agency { Name = refused });
            db.Bookings.Add(existing);
            db.AfterCommit(() => afterCommits++);
            return Task.FromResult(0);
        }, CancellationToken.None));

        Assert.Equal(before + 10, (await data.ReloadAsync(session)).NextQueueNumber);
        Assert.False(await site.WithScopeAsync(sp => sp.GetRequiredService<PortalDbContext>().Agencies.AnyAsync(a => a.Name == refused)));

        // The context goes on, and the refused change's after-commit action never runs.
        Assert.Equal(before + 11, await locks.RunAsync(db, session.Id, async s =>
        {
            s!.NextQueueNumber++;
            await db.SaveChangesAsync();
            return s.NextQueueNumber;
        }, CancellationToken.None));
        Assert.Equal(1, afterCommits);
    }
}
