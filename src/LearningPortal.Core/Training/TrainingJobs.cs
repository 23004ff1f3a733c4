using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LearningPortal.Core.Training;

/// <summary>What one run of the scheduled training work did.</summary>
public sealed record TrainingJobRun(int ApprovalsExpired, int RemindersSent, int RefresherRemindersSent);

/// <summary>
/// The training module's scheduled work, every <see cref="TrainingOptions.JobInterval"/>: expire approval
/// requests that were not answered in time (freeing their places), send session reminders and GCP2
/// refresher reminders. Safe to run on several instances at once (see <see cref="TrainingReminders"/>).
/// </summary>
public class TrainingJobs(IServiceScopeFactory scopes, IOptionsMonitor<TrainingOptions> options, ILogger<TrainingJobs> logger) : BackgroundService
{
    /// <summary>Runs the work once; the tests and the background loop both call this.</summary>
    public async Task<TrainingJobRun> RunOnceAsync(CancellationToken cancellationToken = default)
    {
        int expired, reminders, refreshers;
        using (var scope = scopes.CreateScope())
        {
            expired = await scope.ServiceProvider.GetRequiredService<ManagerApproval>().ExpireDueAsync(cancellationToken);
        }

        using (var scope = scopes.CreateScope())
        {
            var reminder = scope.ServiceProvider.GetRequiredService<TrainingReminders>();
            reminders = await reminder.SendSessionRemindersAsync(cancellationToken);
            refreshers = await reminder.SendGcp2RefresherRemindersAsync(cancellationToken);
        }

        return new TrainingJobRun(expired, reminders, refreshers);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "The training jobs failed; they will run again.");
            }

            try
            {
                await Task.Delay(options.CurrentValue.JobInterval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }
}
