using LearningPortal.Core.Jobs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LearningPortal.Core.Privacy;

/// <summary>
/// Runs <see cref="PersonalDataRetention"/> every <see cref="RetentionOptions.JobInterval"/>, the same
/// <see cref="RecurringJob"/> pattern as the other modules' jobs. Safe on several instances at once: each account is
/// claimed by a conditional update before it is warned or deleted, and the rest are idempotent deletes and updates.
/// </summary>
public class RetentionJob(IServiceScopeFactory scopes, IOptionsMonitor<RetentionOptions> options, TimeProvider clock, ILogger<RetentionJob> logger)
    : RecurringJob(logger, clock)
{
    /// <summary>Runs the work once; the tests and the background loop both call this.</summary>
    public async Task<RetentionRun> RunOnceAsync(CancellationToken cancellationToken = default)
    {
        using var scope = scopes.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<PersonalDataRetention>().RunAsync(cancellationToken);
    }

    protected override string Name => "The retention job";

    protected override TimeSpan Interval => options.CurrentValue.JobInterval;

    protected override bool Enabled => options.CurrentValue.JobEnabled;

    protected override Task RunAsync(CancellationToken cancellationToken) => RunOnceAsync(cancellationToken);
}
