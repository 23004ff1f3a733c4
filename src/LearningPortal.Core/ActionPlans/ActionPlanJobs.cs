using LearningPortal.Core.Jobs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LearningPortal.Core.ActionPlans;

/// <summary>
/// The action plans module's scheduled work, every <see cref="ActionPlanOptions.JobInterval"/>: objectives of strategies
/// published without a notification, leads handed back, reminders and weekly summaries. Safe on several instances.
/// </summary>
public class ActionPlanJobs(IServiceScopeFactory scopes, IOptionsMonitor<ActionPlanOptions> options, ILogger<ActionPlanJobs> logger)
    : RecurringJob(logger, TimeProvider.System)
{
    /// <summary>Runs the work once; the tests and the background loop both call this.</summary>
    public async Task<ActionReminderRun> RunOnceAsync(CancellationToken cancellationToken = default)
    {
        using var scope = scopes.CreateScope();
        await scope.ServiceProvider.GetRequiredService<PublishedContentWatch>().CatchUpObjectivesAsync(cancellationToken);
        return await scope.ServiceProvider.GetRequiredService<ActionReminders>().SendDueAsync(cancellationToken);
    }

    protected override string Name => "The action plan jobs";

    protected override TimeSpan Interval => options.CurrentValue.JobInterval;

    protected override async Task RunAsync(CancellationToken cancellationToken) => await RunOnceAsync(cancellationToken);
}
