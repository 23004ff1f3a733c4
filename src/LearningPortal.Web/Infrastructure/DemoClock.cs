namespace LearningPortal.Web.Infrastructure;

/// <summary>
/// REVIEW: development shortcut. The clock every service sees while the <c>demo-data</c> command runs (and only then:
/// <see cref="Commands.PortalCommands.AddPortalCommands"/> registers it for that command alone). It reads the system
/// clock moved by an offset, so the demo data can book a session a year ago through the booking service, which
/// rightly refuses to book the past, then mark its register after it ended. Without an offset it is the system clock.
/// </summary>
public sealed class DemoClock : TimeProvider
{
    private long offsetTicks;

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow().AddTicks(Interlocked.Read(ref offsetTicks));

    /// <summary>Moves "now" to <paramref name="utc"/> (time then runs on from there).</summary>
    public void Set(DateTime utc) =>
        Interlocked.Exchange(ref offsetTicks, (DateTime.SpecifyKind(utc, DateTimeKind.Utc) - System.GetUtcNow().UtcDateTime).Ticks);

    /// <summary>Back to the real time.</summary>
    public void Reset() => Interlocked.Exchange(ref offsetTicks, 0);
}
