using LearningPortal.Core.Auditing;
using LearningPortal.Core.Common;
using LearningPortal.Core.Data;
using LearningPortal.Core.Jobs;
using LearningPortal.Core.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LearningPortal.Core.Content.Publishing;

/// <summary>
/// Carries out scheduled publishes and unpublishes. Every few seconds it finds open schedules that are due,
/// claims each with a conditional update (a lease, so another instance skips it), and carries it out and
/// marks it done in one transaction that only commits while the lease is still ours. All items due in the
/// same minute go live in one pass; each happens exactly once however many instances run.
/// </summary>
public class ContentScheduler(
    IServiceScopeFactory scopes,
    IOptionsMonitor<ContentOptions> options,
    TimeProvider clock,
    ILogger<ContentScheduler> logger) : RecurringJob(logger, clock)
{
    private static readonly Actor SystemActor = Actor.System("Scheduled publishing");

    /// <summary>Identifies this instance in leases.</summary>
    public string InstanceId { get; } = Leases.NewOwnerId();

    protected override string Name => "The content scheduler";

    protected override TimeSpan Interval => options.CurrentValue.SchedulerInterval;

    protected override bool Enabled => options.CurrentValue.SchedulerEnabled;

    protected override async Task RunAsync(CancellationToken cancellationToken) => await RunDueAsync(Clock.GetUtcNow().UtcDateTime, cancellationToken);

    /// <summary>Carries out every schedule due at <paramref name="nowUtc"/>; returns how many this instance carried out.</summary>
    public async Task<int> RunDueAsync(DateTime nowUtc, CancellationToken cancellationToken = default)
    {
        var done = 0;
        var passStarted = Clock.GetTimestamp();
        var tried = new HashSet<long>();
        while (true)
        {
            List<long> due;
            using (var scope = scopes.CreateScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
                due = await db.ScheduledContentChanges.AsNoTracking()
                    .Where(s => s.CompletedUtc == null && s.CancelledUtc == null && s.DueUtc <= nowUtc)
                    .Unleased(nowUtc)
                    .OrderBy(s => s.DueUtc).ThenBy(s => s.Id)
                    .Select(s => s.Id)
                    .Take(50)
                    .ToListAsync(cancellationToken);
            }

            due.RemoveAll(id => !tried.Add(id));
            if (due.Count == 0)
            {
                return done;
            }

            foreach (var id in due)
            {
                if (await TryRunAsync(id, nowUtc, passStarted, cancellationToken))
                {
                    done++;
                }
            }
        }
    }

    private async Task<bool> TryRunAsync(long id, DateTime nowUtc, long passStarted, CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        // The lease runs from the claim, not from the start of the pass: a pass slowed by many schedules or a busy machine
        // would otherwise claim the later ones with a lease already run out, and another instance would take them too.
        var leaseUntil = nowUtc + Clock.GetElapsedTime(passStarted) + options.CurrentValue.SchedulerLease;
        if (!await db.ScheduledContentChanges.Where(s => s.Id == id && s.CompletedUtc == null && s.CancelledUtc == null)
                .ClaimAsync(InstanceId, nowUtc, leaseUntil, cancellationToken))
        {
            return false;
        }

        var publisher = scope.ServiceProvider.GetRequiredService<ContentPublisher>();
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var schedule = await db.ScheduledContentChanges.Include(s => s.Document).ThenInclude(d => d.PublishedVersion)
                .FirstAsync(s => s.Id == id, cancellationToken);
            List<INotification> raised;
            string outcome;
            if (schedule.Action == ScheduledAction.Publish)
            {
                var version = await db.DocumentVersions.FirstAsync(v => v.Id == schedule.VersionId, cancellationToken);
                var result = await publisher.ApplyPublishAsync(schedule.Document, version, SystemActor, nowUtc, cancellationToken);
                raised = result.Notifications;
                outcome = result.Outcome.Succeeded ? $"Published version {version.Number}" : "Not published: " + Message(result.Outcome.Errors);
            }
            else
            {
                var result = await publisher.ApplyUnpublishAsync(schedule.Document, SystemActor, nowUtc, DocumentState.Unpublished, cancellationToken);
                raised = result.Notifications;
                outcome = result.Outcome.Succeeded ? "Unpublished" : "Not unpublished: " + Message(result.Outcome.Errors);
            }

            await db.SaveChangesAsync(cancellationToken);

            // Commit only if the lease is still ours: if we stalled past it and another instance took over, it does the work.
            var completed = await db.ScheduledContentChanges
                .Where(s => s.Id == id && s.LeaseOwner == InstanceId && s.CompletedUtc == null)
                .ExecuteUpdateAsync(u => u
                    .SetProperty(s => s.CompletedUtc, nowUtc)
                    .SetProperty(s => s.Outcome, outcome.Length > 500 ? outcome[..500] : outcome)
                    .SetProperty(s => s.LeaseExpiresUtc, (DateTime?)null), cancellationToken);
            if (completed != 1)
            {
                await transaction.RollbackAsync(cancellationToken);
                return false;
            }

            await transaction.CommitAsync(cancellationToken);
            await scope.ServiceProvider.GetRequiredService<NotificationPublisher>().PublishAllAsync(raised, cancellationToken);
            if (raised.Count == 0)
            {
                logger.LogWarning("Schedule {ScheduleId}: {Outcome}", id, outcome);
            }

            return raised.Count > 0;
        }
        catch (DbUpdateConcurrencyException)
        {
            // An editor changed the document at the same moment: let go, and the next pass tries again.
            await ReleaseAsync(id);
            return false;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Schedule {ScheduleId} failed; it will be retried when its lease runs out.", id);
            return false;
        }
    }

    private async Task ReleaseAsync(long id)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        await db.ScheduledContentChanges.Where(s => s.Id == id && s.LeaseOwner == InstanceId && s.CompletedUtc == null)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.LeaseOwner, (string?)null).SetProperty(s => s.LeaseExpiresUtc, (DateTime?)null), CancellationToken.None);
    }

    private static string Message(IReadOnlyList<FieldError> errors) => string.Join("; ", errors.Select(e => e.Message));
}
