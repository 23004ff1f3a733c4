using LearningPortal.Core.Data;
using LearningPortal.Core.Impact;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace LearningPortal.Core.Training;

/// <summary>
/// Tells Impact how a session's bookings stand, inside the session lock's transaction (<see cref="SessionLocks"/>): the
/// one place every booking, cancellation, place from the waiting list, approval decision, session change and register
/// mark passes through, so none of them can be missed and none is copied unless it commits.
/// <para>
/// It follows the change's saves (<see cref="DbContext.SavingChanges"/>). A new booking's copy is added from the change
/// tracker to the first save in which the booking has its id (a booking is given its id before it is saved:
/// <see cref="BookingIds"/>), so it goes in the booking's own save and costs no round trip of its own: there is nothing to read, since a new booking has no copy yet. Any other change to what the
/// copies hold (a booking changed or deleted, a register mark, the session's time, course or cancellation) copies the
/// whole session after the change's work, reading its bookings and their copies: the rare paths, and the one that also
/// fills in copies missing for bookings written outside Training's services (demo sessions, a restore), as
/// <c>rebuild-impact</c> does for all of them.
/// </para>
/// </summary>
public sealed class ImpactCopy : IDisposable
{
    private readonly PortalDbContext db;
    private readonly TrainingSession session;
    private readonly HashSet<Booking> made = new(ReferenceEqualityComparer.Instance);
    private bool wholeSession;

    private ImpactCopy(PortalDbContext db, TrainingSession session)
    {
        this.db = db;
        this.session = session;
        db.SavingChanges += Saving;
    }

    /// <summary>Follows the saves of a change to <paramref name="session"/> until disposed.</summary>
    public static ImpactCopy Follow(PortalDbContext db, TrainingSession session) => new(db, session);

    /// <summary>
    /// After the change's work, in its transaction: copies the whole session if needed. What is left unsaved goes with
    /// the change's last save (<see cref="SessionLocks"/>), and a booking that save inserts gets its copy in it.
    /// </summary>
    public async Task CompleteAsync(CancellationToken cancellationToken)
    {
        Classify();
        if (wholeSession)
        {
            // The session's bookings are read from the database, so what the work left unsaved goes first.
            if (db.ChangeTracker.HasChanges())
            {
                await db.SaveChangesAsync(cancellationToken);
            }

            await SessionAsync(db, session, cancellationToken);
        }
        else
        {
            CopyMade();
        }
    }

    public void Dispose() => db.SavingChanges -= Saving;

    private void Saving(object? sender, SavingChangesEventArgs e)
    {
        Classify();
        CopyMade();
    }

    /// <summary>Notes the bookings the change adds, and whether anything it changes needs the whole session copied.</summary>
    private void Classify()
    {
        foreach (var entry in db.ChangeTracker.Entries())
        {
            switch (entry)
            {
                case { Entity: Booking booking, State: EntityState.Added }:
                    made.Add(booking);
                    break;
                case { Entity: Booking booking, State: EntityState.Modified or EntityState.Deleted } when !made.Contains(booking):
                case { Entity: AttendanceRecord, State: EntityState.Added or EntityState.Modified or EntityState.Deleted }:
                case { Entity: TrainingSession, State: EntityState.Modified } when Changed(entry, nameof(TrainingSession.StartUtc), nameof(TrainingSession.IsCancelled), nameof(TrainingSession.CourseId)):
                    wholeSession = true;
                    break;
            }
        }
    }

    /// <summary>The copies of the bookings this change made that have their ids (added once, then kept in step).</summary>
    private void CopyMade()
    {
        var places = made.Where(b => b.Id > 0)
            .Select(b => ImpactEventsFrom.Place(b.Id, b.UserId, b.AgencyId, b.Status, session.IsCancelled, b.Attendance?.Outcome))
            .ToList();
        if (places.Count > 0)
        {
            new ImpactFeed(db).BookingsMade(Event(session, places));
        }
    }

    /// <summary>
    /// Copies every booking of <paramref name="session"/> (its course loaded) as the database has it, in the caller's
    /// transaction: for a session changed as a whole, and for bookings written outside Training's services (the starter
    /// demo sessions).
    /// </summary>
    public static async Task SessionAsync(PortalDbContext db, TrainingSession session, CancellationToken cancellationToken)
    {
        var bookings = await db.Bookings.AsNoTracking().Where(b => b.SessionId == session.Id)
            .Select(b => new { b.Id, b.UserId, b.AgencyId, b.Status, Outcome = b.Attendance == null ? (AttendanceOutcome?)null : b.Attendance.Outcome })
            .ToListAsync(cancellationToken);

        // The feed is stateless beyond the context; this runs in a singleton's method with the caller's context.
        await new ImpactFeed(db).RecordAsync(
            Event(session, [.. bookings.Select(b => ImpactEventsFrom.Place(b.Id, b.UserId, b.AgencyId, b.Status, session.IsCancelled, b.Outcome))]), cancellationToken);
    }

    private static SessionBookings Event(TrainingSession session, IReadOnlyList<BookingPlace> places) =>
        ImpactEventsFrom.Session(session.Id, session.CourseId, session.Course.Title, session.Course.LicensesGcp2, session.StartUtc, places);

    private static bool Changed(EntityEntry entry, params string[] properties) => properties.Any(p => entry.Property(p).IsModified);
}
