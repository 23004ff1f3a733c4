using LearningPortal.Core.Data;
using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;

namespace LearningPortal.Core.Training;

/// <summary>
/// Serialises every change to one session's places, so that capacity, the waiting-list order and
/// promotion are exact under any concurrency.
/// <list type="bullet">
/// <item>In the database (the guarantee, across instances): a transaction that holds the session's lock
/// before it reads anything. PostgreSQL: <c>SELECT ... FOR UPDATE</c> on the session row at READ COMMITTED, sent in
/// the same round trip as the query that reads the session (and the caller's facts about it), which runs after the
/// lock is granted and so sees the latest committed bookings. SQLite: <c>BEGIN IMMEDIATE</c>, which takes
/// the database's single write lock at the start, so no other writer can commit in between.</item>
/// <item>In the process (fairness and throughput): a first-come, first-served async gate, so a burst of
/// requests queues in memory in arrival order instead of holding pooled connections or threads while
/// waiting for the database lock. On PostgreSQL one gate per session (striped) that lets three changes through: the
/// second and third wait for the row lock inside the database while the first works, so the next starts the moment one
/// commits instead of after that commit has come back to this process and the gate has woken a waiting change (with
/// two let through, the third was often not yet queued in the database when the second committed; the training
/// benchmark's one-session p95 went from 144 to about 120 ms with three, and was worse again with four, which took all of
/// the process's slots below); on SQLite one gate for
/// all sessions, because SQLite has a single writer anyway and writers that wait for it inside the
/// database retry with sleeps, which is slow and unfair under load. On PostgreSQL, past its session's gate a
/// change also waits for one of a few slots for the whole process (twice the cores): bookings on many sessions at
/// once then queue in memory in arrival order, as on SQLite, instead of running as many transactions as there are
/// requests, each a server process competing for the same cores, which made the slowest bookings wait seconds
/// (the benchmark's p99 on 50 sessions). Slots are taken after the session's gate and before the transaction, so a
/// transaction holding row locks always holds a slot, and nothing waits for a slot while holding one.</item>
/// </list>
/// Every change to a session's places or register passes through here, so this is where Impact is told how the
/// session's bookings now stand (<see cref="ImpactCopy"/>, which follows the change's saves), in the same transaction.
/// What the work leaves unsaved is saved with the commit: on PostgreSQL in one round trip when the save only inserts
/// rows and changes the locked session (a new booking), see <see cref="PortalDbContext.SaveAndCommitAsync"/>.
/// </summary>
public sealed class SessionLocks : IDisposable
{
    private readonly SemaphoreSlim[] stripes = Enumerable.Range(0, 64).Select(_ => new SemaphoreSlim(PostgresPerSession, PostgresPerSession)).ToArray();
    private readonly SemaphoreSlim singleWriter = new(1, 1);
    private readonly SemaphoreSlim transactions = new(Slots, Slots);

    /// <summary>How many changes to one session are let into the database at once on PostgreSQL: one working, two waiting.</summary>
    private const int PostgresPerSession = 3;

    /// <summary>How many session changes may run at once in this process on PostgreSQL.</summary>
    public static int Slots { get; } = Math.Max(4, Environment.ProcessorCount * 2);

    /// <summary>
    /// Runs <paramref name="work"/> holding the session's lock, in a transaction that commits when it returns (with
    /// anything the work left unsaved). The context must have no unsaved changes: it is cleared first so nothing read earlier is stale.
    /// The work receives the session (with its course) read after the lock, or null if there is none.
    /// With <paramref name="lockCourse"/> on PostgreSQL it locks the session's course row too, after the session's (the
    /// order every caller takes them in), when the course allows one booking per person (the repeat rule reads the
    /// person's bookings on its other sessions); a course that allows repeats is not locked, so bookings on its sessions
    /// do not wait for each other.
    /// </summary>
    public Task<T> RunAsync<T>(PortalDbContext db, int sessionId, Func<TrainingSession?, Task<T>> work, CancellationToken cancellationToken, bool lockCourse = false) =>
        RunAsync(db, sessionId, _ => (object?)null, (session, _) => work(session), cancellationToken, lockCourse);

    /// <summary>
    /// As <see cref="RunAsync{T}(PortalDbContext, int, Func{TrainingSession?, Task{T}}, CancellationToken, bool)"/>, and
    /// the work also receives <paramref name="facts"/> about the session (null if there is none), read with the session
    /// under the lock in the same query. On PostgreSQL the lock's statement goes in front of that query in the same round
    /// trip (<see cref="PortalDbContext.SendStatementFirst"/>), so the lock, the session and the facts cost one.
    /// </summary>
    public async Task<T> RunAsync<TFacts, T>(PortalDbContext db, int sessionId, Expression<Func<TrainingSession, TFacts>> facts,
        Func<TrainingSession?, TFacts?, Task<T>> work, CancellationToken cancellationToken, bool lockCourse = false)
    {
        if (db.ChangeTracker.HasChanges())
        {
            throw new InvalidOperationException("Save or discard changes before taking a session's lock.");
        }

        var gate = db.IsPostgres ? stripes[(int)((uint)sessionId % (uint)stripes.Length)] : singleWriter;
        await gate.WaitAsync(cancellationToken);
        var slot = false;
        try
        {
            if (db.IsPostgres)
            {
                await transactions.WaitAsync(cancellationToken);
                slot = true;
            }

            db.ChangeTracker.Clear();
            // A failed save ends the change (the transaction rolls back), so the savepoint EF would set around each save
            // inside a transaction, to roll back to, buys nothing; releasing it costs a round trip on PostgreSQL.
            db.Database.AutoSavepointsEnabled = false;
            await using var transaction = await db.BeginWriteTransactionAsync(cancellationToken);
            if (db.IsPostgres)
            {
                // At READ COMMITTED the read after the lock's statement sees every change committed before the lock was
                // granted. The course's row is locked by the second CTE, which joins the first: only once the session's is.
                db.SendStatementFirst(lockCourse ? LockSessionAndCourse : LockSession, sessionId);
            }

            var read = await db.TrainingSessions.Where(s => s.Id == sessionId).Select(Locked(facts)).SingleOrDefaultAsync(cancellationToken);
            db.ForgetStatementFirst();
            var session = read?.Session;
            using var copy = session is null ? null : ImpactCopy.Follow(db, session);
            var result = await work(session, read is null ? default : read.Facts);
            if (copy is not null)
            {
                await copy.CompleteAsync(cancellationToken);
            }

            await db.SaveAndCommitAsync(transaction, session, cancellationToken);
            return result;
        }
        catch
        {
            // What the work added or changed must not leak into the caller's next SaveChanges.
            db.ChangeTracker.Clear();
            db.ForgetStatementFirst();
            db.ForgetAfterCommit();
            throw;
        }
        finally
        {
            db.Database.AutoSavepointsEnabled = true;
            if (slot)
            {
                transactions.Release();
            }

            gate.Release();
        }
    }

    private const string LockSession = """SELECT 1 FROM "TrainingSessions" WHERE "Id" = @first FOR UPDATE""";

    private const string LockSessionAndCourse = """
        WITH s AS (SELECT "Id", "CourseId" FROM "TrainingSessions" WHERE "Id" = @first FOR UPDATE),
        c AS (SELECT c."Id" FROM "TrainingCourses" AS c JOIN s ON c."Id" = s."CourseId" WHERE NOT c."AllowsRepeatBookings" FOR UPDATE OF c)
        SELECT 1 FROM s LEFT JOIN c ON TRUE
        """;

    /// <summary><c>s => new LockedSession(s, s.Course, facts(s))</c>: the session and its course, tracked, and the facts.</summary>
    private static Expression<Func<TrainingSession, LockedSession<TFacts>>> Locked<TFacts>(Expression<Func<TrainingSession, TFacts>> facts)
    {
        var session = facts.Parameters[0];
        var body = Expression.New(
            typeof(LockedSession<TFacts>).GetConstructors().Single(),
            session,
            Expression.Property(session, nameof(TrainingSession.Course)),
            facts.Body);
        return Expression.Lambda<Func<TrainingSession, LockedSession<TFacts>>>(body, session);
    }

    private sealed record LockedSession<TFacts>(TrainingSession Session, Course Course, TFacts Facts);

    public void Dispose()
    {
        foreach (var s in stripes)
        {
            s.Dispose();
        }

        singleWriter.Dispose();
        transactions.Dispose();
    }
}
