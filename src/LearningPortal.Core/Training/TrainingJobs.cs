using LearningPortal.Core.Jobs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LearningPortal.Core.Training;

/// <summary>What one run of the scheduled training work did.</summary>
public sealed record TrainingJobRun(int ApprovalsExpired, int RemindersSent, int RefresherRemindersSent, int AttendanceFollowedUp = 0);

/// <summary>
/// The training module's scheduled work, every <see cref="TrainingOptions.JobInterval"/>: expire approval
/// requests that were not answered in time (freeing their places), send session reminders and GCP2
/// refresher reminders, and thank attendees marked during a session once it has ended. Safe to run on several instances at once (see <see cref="TrainingReminders"/>).
/// </summary>
public class TrainingJobs(IServiceScopeFactory scopes, IOptionsMonitor<TrainingOptions> options, ILogger<TrainingJobs> logger)
    : RecurringJob(logger, TimeProvider.System)
{
    /// <summary>Runs the work once; the tests and the background loop both call this.</summary>
    public async Task<TrainingJobRun> RunOnceAsync(CancellationToken cancellationToken = default)
    {
        int expired, reminders, refreshers, followedUp;
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

        using (var scope = scopes.CreateScope())
        {
            followedUp = await scope.ServiceProvider.GetRequiredService<AttendanceFollowUp>().SendDueAsync(cancellationToken);
        }

        return new TrainingJobRun(expired, reminders, refreshers, followedUp);
    }

    protected override string Name => "The training jobs";

    protected override TimeSpan Interval => options.CurrentValue.JobInterval;

    protected override Task RunAsync(CancellationToken cancellationToken) => RunOnceAsync(cancellationToken);
}
