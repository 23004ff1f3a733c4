using LearningPortal.Core.Data;
using LearningPortal.Core.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LearningPortal.Core.Privacy;

/// <summary>
/// Runs <see cref="PersonalDataRetention"/> every <see cref="RetentionOptions.JobInterval"/>, once across all
/// instances: the instance that claims the job's <see cref="JobLease"/> row runs it, and the row's last run tells the
/// others it is not due yet.
/// </summary>
public class RetentionJob(IServiceScopeFactory scopes, IOptionsMonitor<RetentionOptions> options, TimeProvider clock, ILogger<RetentionJob> logger)
    : RecurringJob(logger, clock)
{
    /// <summary>The job's row in <see cref="PortalDbContext.JobLeases"/>.</summary>
    public const string LeaseName = "personal-data-retention";

    private static readonly TimeSpan LeaseTime = TimeSpan.FromMinutes(30);

    private string InstanceId { get; } = Leases.NewOwnerId();

    /// <summary>Runs the work if it is due and no other instance is running it; null when it did not run.</summary>
    public async Task<RetentionRun?> RunOnceAsync(CancellationToken cancellationToken = default)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var now = Clock.GetUtcNow().UtcDateTime;
        if (!await db.JobLeases.AnyAsync(j => j.Name == LeaseName, cancellationToken))
        {
            try
            {
                db.JobLeases.Add(new JobLease { Name = LeaseName });
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                // Another instance made the row first.
            }

            db.ChangeTracker.Clear();
        }

        // Due a little early, so that a run that finished late does not push every later run back by a whole interval.
        var dueIfBefore = now - options.CurrentValue.JobInterval + TimeSpan.FromMinutes(1);
        if (!await db.JobLeases.Where(j => j.Name == LeaseName && (j.LastRunUtc == null || j.LastRunUtc < dueIfBefore))
            .ClaimAsync(InstanceId, now, now + LeaseTime, cancellationToken))
        {
            return null;
        }

        var succeeded = false;
        try
        {
            var run = await scope.ServiceProvider.GetRequiredService<PersonalDataRetention>().RunAsync(cancellationToken);
            succeeded = true;
            return run;
        }
        finally
        {
            var finished = Clock.GetUtcNow().UtcDateTime;
            await db.JobLeases.Where(j => j.Name == LeaseName && j.LeaseOwner == InstanceId)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(j => j.LastRunUtc, j => succeeded ? finished : j.LastRunUtc)
                    .SetProperty(j => j.LeaseOwner, (string?)null)
                    .SetProperty(j => j.LeaseExpiresUtc, (DateTime?)null), CancellationToken.None);
        }
    }

    protected override string Name => "The retention job";

    protected override TimeSpan Interval => options.CurrentValue.JobInterval;

    protected override bool Enabled => options.CurrentValue.JobEnabled;

    protected override async Task RunAsync(CancellationToken cancellationToken) => await RunOnceAsync(cancellationToken);
}
