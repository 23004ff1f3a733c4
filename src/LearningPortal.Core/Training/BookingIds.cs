using LearningPortal.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace LearningPortal.Core.Training;

/// <summary>
/// A new booking's id before its first save, so that the booking, its emails (whose links carry the id), its audit
/// row and Impact's copy are written by one save: one round trip fewer while the session's row is locked.
/// </summary>
internal static class BookingIds
{
    /// <summary>
    /// PostgreSQL: the next value of the bookings' identity sequence, taken before the session's lock (no transaction
    /// needed: a sequence hands each value out once). A refused booking leaves a gap in the ids, as a rolled-back insert
    /// does. SQLite has no sequence to take from: null, and <see cref="NextUnderLockAsync"/> is used under the lock.
    /// </summary>
    public static async Task<int?> ReserveAsync(PortalDbContext db, CancellationToken cancellationToken) =>
        db.IsPostgres
            ? await db.Database.SqlQuery<int>($"""SELECT CAST(nextval(pg_get_serial_sequence('"TrainingBookings"', 'Id')) AS integer) AS "Value" """)
                .SingleAsync(cancellationToken)
            : null;

    /// <summary>
    /// SQLite, under the session's lock (which is the database's one write lock): one more than the highest id the table
    /// has ever given (AUTOINCREMENT's counter, so a deleted booking's id is never given again) or holds.
    /// </summary>
    public static Task<int> NextUnderLockAsync(PortalDbContext db, CancellationToken cancellationToken) =>
        db.Database.SqlQuery<int>($"""
            SELECT MAX(COALESCE((SELECT seq FROM sqlite_sequence WHERE name = 'TrainingBookings'), 0),
                       COALESCE((SELECT MAX("Id") FROM "TrainingBookings"), 0)) + 1 AS "Value"
            """).SingleAsync(cancellationToken);
}
