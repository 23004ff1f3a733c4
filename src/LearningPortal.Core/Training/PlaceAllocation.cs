using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using LearningPortal.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace LearningPortal.Core.Training;

/// <summary>
/// Gives places to bookings and fills freed places from the waiting list, strictly in arrival order.
/// Callers hold the session's lock (<see cref="SessionLocks"/>) and save the changes in its transaction.
/// </summary>
public class PlaceAllocation(PortalDbContext db, TrainingEmails emails, IOptionsMonitor<TrainingOptions> options)
{
    /// <summary>
    /// Takes one of the session's places for the booking: confirmed at once, or held while the line manager
    /// is asked to approve (when the session needs approval). The booking must already have an id.
    /// </summary>
    public void GivePlace(Booking booking, TrainingSession session, DateTime now, bool fromWaitingList)
    {
        session.PlacesTaken++;
        booking.PlaceGivenUtc = now;

        // A manager can only be asked if the person named one; without one (approval switched on after they
        // joined the waiting list) the place is confirmed rather than left waiting for nobody.
        if (session.RequiresManagerApproval && !string.IsNullOrWhiteSpace(booking.LineManagerEmail))
        {
            booking.Status = BookingStatus.PendingApproval;
            var token = NewToken();
            var request = new ApprovalRequest
            {
                BookingId = booking.Id,
                ManagerName = string.IsNullOrWhiteSpace(booking.LineManagerName) ? booking.LineManagerEmail : booking.LineManagerName,
                ManagerEmail = booking.LineManagerEmail,
                TokenHash = HashToken(token),
                CreatedUtc = now,
                ExpiresUtc = Min(now + options.CurrentValue.ApprovalValidFor, session.StartUtc),
                Outcome = ApprovalOutcome.Pending,
            };
            db.ApprovalRequests.Add(request);
            emails.ApprovalRequested(request, booking, session, token);
            emails.PlaceAwaitingApproval(booking, session, fromWaitingList);
            return;
        }

        Confirm(booking, session, now, fromWaitingList);
    }

    /// <summary>Confirms a booking that holds a place, and sends the confirmation with its invitation.</summary>
    public void Confirm(Booking booking, TrainingSession session, DateTime now, bool fromWaitingList)
    {
        booking.Status = BookingStatus.Confirmed;
        booking.ConfirmedUtc = now;
        emails.PlaceConfirmed(booking, session, fromWaitingList);
    }

    /// <summary>
    /// Gives every free place to the first people on the waiting list, in arrival order, and emails them.
    /// Returns the bookings promoted.
    /// </summary>
    public async Task<IReadOnlyList<Booking>> PromoteAsync(TrainingSession session, DateTime now, CancellationToken cancellationToken)
    {
        var free = session.Capacity - session.PlacesTaken;
        if (free <= 0 || session.IsCancelled || now >= session.StartUtc)
        {
            return [];
        }

        var waiting = await db.Bookings
            .Where(b => b.SessionId == session.Id && b.Status == BookingStatus.Waitlisted)
            .OrderBy(b => b.QueueNumber)
            .Take(free)
            .ToListAsync(cancellationToken);
        foreach (var booking in waiting)
        {
            GivePlace(booking, session, now, fromWaitingList: true);
        }

        return waiting;
    }

    /// <summary>Closes the booking's open approval requests (the booking or session was cancelled).</summary>
    public async Task WithdrawApprovalsAsync(int bookingId, DateTime now, CancellationToken cancellationToken)
    {
        var open = await db.ApprovalRequests.Where(a => a.BookingId == bookingId && a.Outcome == ApprovalOutcome.Pending).ToListAsync(cancellationToken);
        foreach (var request in open)
        {
            request.Outcome = ApprovalOutcome.Withdrawn;
            request.DecidedUtc = now;
        }
    }

    /// <summary>The person's place in the waiting list (1 is next), counted in arrival order.</summary>
    public async Task<int> WaitlistPositionAsync(Booking booking, CancellationToken cancellationToken) =>
        1 + await db.Bookings.CountAsync(
            b => b.SessionId == booking.SessionId && b.Status == BookingStatus.Waitlisted && b.QueueNumber < booking.QueueNumber,
            cancellationToken);

    /// <summary>The stored form of an approval token: its SHA-256, in hex.</summary>
    public static string HashToken(string token) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private static string NewToken() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    private static DateTime Min(DateTime a, DateTime b) => a < b ? a : b;
}
