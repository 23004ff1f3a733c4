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
}
