using LearningPortal.Core.Content;
using LearningPortal.Core.Data;
using LearningPortal.Core.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace LearningPortal.Core.Impact;

/// <summary>
/// Drains <see cref="ReadRecorder"/> into <see cref="BriefingRead"/> (a person once a day per briefing, added to
/// its <see cref="BriefingReadCount"/> in the same transaction) and
/// <see cref="AnonymousBriefingViews"/> (a count per day), up to 500 reads in one unit of work. Only published
/// briefings count: the beacon's document id is checked here, in the background, not on the page.
/// </summary>
public sealed class ReadWriter(ReadRecorder recorder, IServiceScopeFactory scopes, ILogger<ReadWriter> log) : BackgroundService
{
    private const int BatchSize = 500;

    // Reads already saved today, so a reload costs no database work; cleared when the UK day changes.
    private readonly HashSet<(int DocumentId, string UserId)> savedToday = [];
    private DateOnly savedDay;

    // The loop, shutdown and a test or benchmark asking for the queue to be written now take turns.
    private readonly SemaphoreSlim turn = new(1, 1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var reader = recorder.Reader;
        try
        {
            while (await reader.WaitToReadAsync(stoppingToken))
            {
                await WriteWaitingAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: save what is already queued rather than lose it.
            await WriteWaitingAsync(CancellationToken.None);
        }
    }

    /// <summary>Writes everything queued now; used by the loop, on shutdown and by tests and the benchmark.</summary>
    public async Task WriteWaitingAsync(CancellationToken cancellationToken)
    {
        await turn.WaitAsync(cancellationToken);
        try
        {
            var batch = new List<ReadSignal>(BatchSize);
            while (recorder.Reader.TryRead(out var signal))
            {
                batch.Add(signal);
                if (batch.Count == BatchSize)
                {
                    await WriteSafelyAsync(batch, cancellationToken);
                    batch.Clear();
                }
            }

            if (batch.Count > 0)
            {
                await WriteSafelyAsync(batch, cancellationToken);
            }
        }
        finally
        {
            turn.Release();
        }
    }

    private async Task WriteSafelyAsync(List<ReadSignal> batch, CancellationToken cancellationToken)
    {
        try
        {
            await WriteAsync(batch, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogWarning(e, "Could not save {Count} briefing reads; they are not counted", batch.Count);
        }
    }

    private async Task WriteAsync(List<ReadSignal> batch, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var ids = batch.Select(s => s.DocumentId).Distinct().ToList();
        var briefings = (await db.Documents.AsNoTracking()
            .Where(d => ids.Contains(d.Id) && d.Type == DocumentType.LearningBriefing && d.PublishedVersionId != null)
            .Select(d => d.Id).ToListAsync(cancellationToken)).ToHashSet();

        var reads = batch.Where(s => briefings.Contains(s.DocumentId)).Select(s => (s.DocumentId, s.UserId, Day: UkTime.Today(s.AtUtc))).ToList();
        await SaveSignedInAsync(db, reads.Where(r => r.UserId is not null).Select(r => (r.DocumentId, UserId: r.UserId!, r.Day)).ToList(), cancellationToken);
        foreach (var group in reads.Where(r => r.UserId is null).GroupBy(r => (r.DocumentId, r.Day)))
        {
            await AddViewsAsync(db, group.Key.DocumentId, group.Key.Day, group.Count(), cancellationToken);
        }
    }

    private async Task SaveSignedInAsync(PortalDbContext db, List<(int DocumentId, string UserId, DateOnly Day)> reads, CancellationToken cancellationToken)
    {
        var fresh = new List<(int DocumentId, string UserId, DateOnly Day)>();
        foreach (var read in reads.Distinct())
        {
            if (read.Day != savedDay)
            {
                savedToday.Clear();
                savedDay = read.Day;
            }

            if (savedToday.Add((read.DocumentId, read.UserId)))
            {
                fresh.Add(read);
            }
        }

        if (fresh.Count == 0)
        {
            return;
        }

        var userIds = fresh.Select(r => r.UserId).Distinct().ToList();
        var docIds = fresh.Select(r => r.DocumentId).Distinct().ToList();
        var days = fresh.Select(r => r.Day).Distinct().ToList();
        var agencies = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.AgencyId, cancellationToken);
        var existing = (await db.BriefingReads.AsNoTracking()
            .Where(r => docIds.Contains(r.DocumentId) && r.UserId != null && userIds.Contains(r.UserId) && days.Contains(r.Day))
            .Select(r => new { r.DocumentId, r.UserId, r.Day }).ToListAsync(cancellationToken))
            .Select(r => (r.DocumentId, r.UserId!, r.Day)).ToHashSet();
        var rows = fresh.Where(r => !existing.Contains(r) && agencies.ContainsKey(r.UserId))
            .Select(r => new BriefingRead { DocumentId = r.DocumentId, UserId = r.UserId, AgencyId = agencies[r.UserId], Day = r.Day })
            .ToList();
        if (rows.Count == 0)
        {
            return;
        }

        try
        {
            await InsertAsync(db, rows, cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another instance saved one of them first (the unique key): save the rest one by one.
            foreach (var row in rows)
            {
                row.Id = 0;
                try
                {
                    await InsertAsync(db, [row], cancellationToken);
                }
                catch (DbUpdateException)
                {
                    // Already counted for this day.
                }
            }
        }
    }

    /// <summary>Inserts the reads and adds them to their counts in one transaction, so a count never differs from its reads.</summary>
    private static async Task InsertAsync(PortalDbContext db, List<BriefingRead> rows, CancellationToken cancellationToken)
    {
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            db.BriefingReads.AddRange(rows);
            await db.SaveChangesAsync(cancellationToken);
            await ImpactReadCounts.AddAsync(db, rows, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    private static async Task AddViewsAsync(PortalDbContext db, int documentId, DateOnly day, int views, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var updated = await db.AnonymousBriefingViews.Where(v => v.DocumentId == documentId && v.Day == day)
                .ExecuteUpdateAsync(s => s.SetProperty(v => v.Views, v => v.Views + views), cancellationToken);
            if (updated > 0)
            {
                return;
            }

            db.AnonymousBriefingViews.Add(new AnonymousBriefingViews { DocumentId = documentId, Day = day, Views = views });
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return;
            }
            catch (DbUpdateException)
            {
                // Another instance made the day's row first: add to it instead.
                db.ChangeTracker.Clear();
            }
        }
    }
}
