using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace LearningPortal.Core.Jobs;

/// <summary>
/// A background loop: do the work, wait <see cref="Interval"/>, repeat until the host stops. A run that fails is
/// logged and the next one tries again, so one bad row never stops reminders or publishing for good. The work
/// itself must be safe on several instances at once (each job claims its rows).
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

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!Enabled)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "{Job} failed and will run again.", Name);
            }

            try
            {
                await Task.Delay(Interval, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }
}
