using LearningPortal.Core.Jobs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LearningPortal.Core.Supervision;

/// <summary>What one run of the scheduled supervision work did.</summary>
public sealed record SupervisionJobRun(int QuestionSetsCreated, int RemindersSent, int RecordsDeleted);

/// <summary>
/// The supervision module's scheduled work, every <see cref="SupervisionOptions.JobInterval"/>: catch up question
/// sets of briefings published without a notification, action reminders, retention. Safe on several instances.
/// </summary>
public class SupervisionJobs(IServiceScopeFactory scopes, IOptionsMonitor<SupervisionOptions> options, ILogger<SupervisionJobs> logger)
    : RecurringJob(logger, TimeProvider.System)
{
    /// <summary>Runs the work once; the tests and the background loop both call this.</summary>
    public async Task<SupervisionJobRun> RunOnceAsync(CancellationToken cancellationToken = default)
    {
        using var scope = scopes.CreateScope();
        var sets = await scope.ServiceProvider.GetRequiredService<BriefingQuestionSets>().CatchUpAsync(cancellationToken);
        var reminders = await scope.ServiceProvider.GetRequiredService<SupervisionReminders>().SendDueAsync(cancellationToken);
        var deleted = await scope.ServiceProvider.GetRequiredService<SupervisionRetention>().DeleteExpiredAsync(cancellationToken);
        return new SupervisionJobRun(sets, reminders, deleted);
    }

    protected override string Name => "The supervision jobs";

    protected override TimeSpan Interval => options.CurrentValue.JobInterval;

    protected override Task RunAsync(CancellationToken cancellationToken) => RunOnceAsync(cancellationToken);
}
