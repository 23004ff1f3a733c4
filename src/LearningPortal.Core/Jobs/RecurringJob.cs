using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace LearningPortal.Core.Jobs;

/// <summary>
/// The one background-work pattern: do the work, wait <see cref="Interval"/> (or less, when its
/// <see cref="WakeUpSignal{TWork}"/> is nudged), repeat until the host stops. A run that fails is logged and the
/// next one tries again, so one bad row never stops reminders, email or publishing for good. The work itself
/// must be safe on several instances at once: each job claims its rows (<see cref="Leases"/>).
/// </summary>
public abstract class RecurringJob(ILogger logger, TimeProvider clock) : BackgroundService
{
    /// <summary>The clock the job waits on and reads the time from.</summary>
    protected TimeProvider Clock => clock;

    /// <summary>What the log calls the job when a run fails ("The training jobs").</summary>
    protected abstract string Name { get; }

    /// <summary>How long to wait after a run; read each time, so a changed setting applies from the next wait.</summary>
    protected abstract TimeSpan Interval { get; }

    /// <summary>False to not run at all on this instance.</summary>
    protected virtual bool Enabled => true;

    /// <summary>One run of the work.</summary>
    protected abstract Task RunAsync(CancellationToken cancellationToken);

    /// <summary>How long to wait before the next run, given how many runs in a row have failed (0 after a success).</summary>
    protected virtual TimeSpan WaitAfter(int failures) => Interval;

    /// <summary>Waits before the next run; a job with a wake-up signal overrides this to wait on it.</summary>
    protected virtual Task WaitAsync(TimeSpan wait, CancellationToken cancellationToken) => Task.Delay(wait, clock, cancellationToken);

    /// <summary>Logs a failed run.</summary>
    protected virtual void LogFailure(Exception exception) => logger.LogError(exception, "{Job} failed and will run again.", Name);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!Enabled)
        {
            return;
        }

        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunAsync(stoppingToken);
                failures = 0;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                failures++;
                LogFailure(ex);
            }

            try
            {
                await WaitAsync(WaitAfter(failures), stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }
}

/// <summary>A <see cref="RecurringJob"/> that runs at once when its <see cref="WakeUpSignal{TWork}"/> is nudged.</summary>
/// <typeparam name="TWork">The kind of row the job works through.</typeparam>
public abstract class RecurringJob<TWork>(ILogger logger, TimeProvider clock, WakeUpSignal<TWork> wakeUp) : RecurringJob(logger, clock)
{
    protected override Task WaitAsync(TimeSpan wait, CancellationToken cancellationToken) => wakeUp.WaitAsync(wait, cancellationToken);
}
