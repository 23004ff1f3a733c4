using System.Globalization;
using CsvHelper;
using LearningPortal.Core.Data;
using LearningPortal.Core.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace LearningPortal.Core.Training;

/// <summary>The reports partnership staff run.</summary>
public enum TrainingReport
{
    Bookings,
    Attendance,
    NoShows,
    Cancellations,
    Charges,
}

/// <summary>Sessions from <see cref="From"/> to <see cref="To"/> (UK dates, inclusive), optionally for one agency.</summary>
public sealed record ReportFilter(DateOnly From, DateOnly To, int? AgencyId);

/// <summary>One booking in the bookings, attendance, no-shows and cancellations reports.</summary>
[CsvRecord]
public sealed partial record BookingReportRow(
    [property: CsvColumn("Session date")] string SessionDate,
    [property: CsvColumn("Course")] string Course,
    [property: CsvColumn("Attendee")] string Attendee,
    [property: CsvColumn("Agency")] string Agency,
    [property: CsvColumn("Job role")] string JobRole,
    [property: CsvColumn("Booking status")] string Status,
    [property: CsvColumn("Booked on")] string BookedOn,
    [property: CsvColumn("Attendance")] string Attendance,
    [property: CsvColumn("Substitute")] string Substitute,
    [property: CsvColumn("Cancelled on")] string CancelledOn,
    [property: CsvColumn("Late cancellation")] string LateCancellation);

/// <summary>One charge (or waived charge) under the non-attendance policy.</summary>
[CsvRecord]
public sealed partial record ChargeReportRow(
    [property: CsvColumn("Session date")] string SessionDate,
    [property: CsvColumn("Course")] string Course,
    [property: CsvColumn("Attendee")] string Attendee,
    [property: CsvColumn("Agency")] string Agency,
    [property: CsvColumn("Reason")] string Reason,
    [property: CsvColumn("Length")] string Length,
    [property: CsvColumn("Fee")] decimal Fee,
    [property: CsvColumn("Waived")] string Waived);

/// <summary>Counts for one agency over the filter's range.</summary>
public sealed record AgencySummaryRow(string Agency, int Bookings, int Attended, int PartlyAttended, int NoShows, int Cancellations, decimal Charges);

/// <summary>One practitioner in the GCP2 register.</summary>
[CsvRecord]
public sealed partial record Gcp2RegisterRow(
    [property: CsvColumn("Practitioner")] string Practitioner,
    [property: CsvColumn("Agency")] string Agency,
    [property: CsvColumn("Course")] string Course,
    [property: CsvColumn("Trained on")] string TrainedOn,
    [property: CsvColumn("Refresher due")] string RefresherDue,
    [property: CsvColumn("Refresher overdue")] string RefresherOverdue);

/// <summary>
/// Reports by agency and date range: bookings, attendance, no-shows, cancellations and the non-attendance
/// charges under the configured <see cref="ChargingPolicy"/>; the GCP2 register. Each exports as CSV.
/// </summary>
public class TrainingReports(PortalDbContext db, IOptionsMonitor<TrainingOptions> options, TimeProvider clock)
{
    public async Task<IReadOnlyList<BookingReportRow>> BookingRowsAsync(TrainingReport report, ReportFilter filter, CancellationToken cancellationToken = default)
    {
        var bookings = await LoadAsync(filter, cancellationToken);
        IEnumerable<LoadedBooking> rows = report switch
        {
            TrainingReport.Bookings => bookings.Where(b => b.Status != BookingStatus.Cancelled),
            TrainingReport.Attendance => bookings.Where(b => b.Outcome is not null),
            TrainingReport.NoShows => bookings.Where(b => b.Outcome == AttendanceOutcome.DidNotAttend),
            TrainingReport.Cancellations => bookings.Where(b => b.Status == BookingStatus.Cancelled),
            _ => throw new ArgumentOutOfRangeException(nameof(report)),
        };
        return rows.Select(b => new BookingReportRow(
            UkTime.FormatDate(b.StartUtc), b.Course, b.Attendee, b.Agency, b.JobRole, StatusText(b.Status, b.SessionCancelled), UkTime.FormatDate(b.RequestedUtc),
            b.Outcome is { } o ? OutcomeText(o) : "", b.Substitute ?? "", b.CancelledUtc is { } c ? UkTime.FormatDate(c) : "", b.CancelledLate ? "Yes" : "")).ToList();
    }

    /// <summary>
    /// Charges: a place not used (did not attend) or cancelled after the cut-off (when the policy says so),
    /// by the session's length; waived when a colleague came instead.
    /// </summary>
    public async Task<IReadOnlyList<ChargeReportRow>> ChargeRowsAsync(ReportFilter filter, CancellationToken cancellationToken = default)
    {
        var policy = options.CurrentValue.Charges;
        var rows = new List<ChargeReportRow>();
        foreach (var b in await LoadAsync(filter, cancellationToken))
        {
            string? reason = b.Outcome == AttendanceOutcome.DidNotAttend ? "Did not attend"
                : b.Status == BookingStatus.Cancelled && b.CancelledLate && policy.ChargeLateCancellations ? "Cancelled after the cut-off"
                : null;
            if (reason is null)
            {
                continue;
            }

            var halfDay = (b.EndUtc - b.StartUtc).TotalHours <= policy.HalfDayMaxHours;
            var waived = b.Substitute is not null;
            var fee = waived ? 0m : halfDay ? policy.HalfDayFee : policy.FullDayFee;
            rows.Add(new ChargeReportRow(UkTime.FormatDate(b.StartUtc), b.Course, b.Attendee, b.Agency, reason, halfDay ? "Half day" : "Full day", fee,
                waived ? $"Yes: {b.Substitute} attended instead" : ""));
        }

        return rows;
    }

    /// <summary>Counts by agency over the range (every agency with at least one booking).</summary>
    public async Task<IReadOnlyList<AgencySummaryRow>> SummaryByAgencyAsync(ReportFilter filter, CancellationToken cancellationToken = default)
    {
        var bookings = await LoadAsync(filter, cancellationToken);
        var charges = (await ChargeRowsAsync(filter, cancellationToken)).GroupBy(c => c.Agency).ToDictionary(g => g.Key, g => g.Sum(c => c.Fee));
        return bookings.GroupBy(b => b.Agency).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new AgencySummaryRow(
                g.Key,
                g.Count(b => b.Status != BookingStatus.Cancelled),
                g.Count(b => b.Outcome == AttendanceOutcome.Attended),
                g.Count(b => b.Outcome == AttendanceOutcome.PartlyAttended),
                g.Count(b => b.Outcome == AttendanceOutcome.DidNotAttend),
                g.Count(b => b.Status == BookingStatus.Cancelled),
                charges.GetValueOrDefault(g.Key)))
            .ToList();
    }

    /// <summary>The GCP2 register: trained practitioners (trained within the range, if one is given), newest first.</summary>
    public async Task<IReadOnlyList<Gcp2RegisterRow>> Gcp2RegisterAsync(ReportFilter? filter, CancellationToken cancellationToken = default)
    {
        var query = db.Gcp2Register.AsNoTracking();
        if (filter is not null)
        {
            var (from, to) = Range(filter);
            query = query.Where(g => g.TrainedOnUtc >= from && g.TrainedOnUtc < to);
            if (filter.AgencyId is { } agencyId)
            {
                query = query.Where(g => g.AgencyId == agencyId);
            }
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var rows = await query.OrderByDescending(g => g.TrainedOnUtc).ThenBy(g => g.PractitionerName)
            .Select(g => new { g.PractitionerName, Agency = g.Agency!.Name, Course = g.Course!.Title, g.TrainedOnUtc, g.RefresherDueUtc })
            .ToListAsync(cancellationToken);
        return rows.Select(g => new Gcp2RegisterRow(g.PractitionerName, g.Agency, g.Course, UkTime.FormatDate(g.TrainedOnUtc), UkTime.FormatDate(g.RefresherDueUtc), g.RefresherDueUtc < now ? "Yes" : "")).ToList();
    }

    /// <summary>Writes rows as CSV (UTF-8 with a byte order mark for spreadsheets; cells that could run as formulas are escaped).</summary>
    public static byte[] ToCsv<T>(IEnumerable<T> rows)
    {
        using var stream = new MemoryStream();
        var csvOptions = CsvWriterOptions.Default with
        {
            Injection = CsvInjection.Escape,
            WriteByteOrderMark = true,
            FormatProvider = CultureInfo.InvariantCulture,
        };
        using (var csv = CsvWriter.Create(stream, csvOptions, true))
        {
            csv.WriteRecords(rows);
        }

        return stream.ToArray();
    }

    public static string OutcomeText(AttendanceOutcome outcome) => outcome switch
    {
        AttendanceOutcome.Attended => "Attended",
        AttendanceOutcome.PartlyAttended => "Partly attended",
        _ => "Did not attend",
    };

    public static string StatusText(BookingStatus status, bool sessionCancelled = false) => sessionCancelled ? "Session cancelled" : status switch
    {
        BookingStatus.PendingApproval => "Waiting for approval",
        BookingStatus.Confirmed => "Confirmed",
        BookingStatus.Waitlisted => "Waiting list",
        BookingStatus.Cancelled => "Cancelled",
        BookingStatus.Declined => "Not approved",
        _ => "Approval expired",
    };

    private static (DateTime From, DateTime To) Range(ReportFilter filter) =>
        (UkTime.ToUtc(filter.From.ToDateTime(TimeOnly.MinValue)), UkTime.ToUtc(filter.To.AddDays(1).ToDateTime(TimeOnly.MinValue)));

    private async Task<List<LoadedBooking>> LoadAsync(ReportFilter filter, CancellationToken cancellationToken)
    {
        var (from, to) = Range(filter);
        var query = db.Bookings.AsNoTracking().Where(b => b.Session.StartUtc >= from && b.Session.StartUtc < to);
        if (filter.AgencyId is { } agencyId)
        {
            query = query.Where(b => b.AgencyId == agencyId);
        }

        var rows = await query
            .Select(b => new LoadedBooking(
                b.Session.StartUtc, b.Session.EndUtc, b.Session.IsCancelled, b.Session.Course.Title, b.AttendeeName, b.Agency!.Name, b.JobRole, b.Status,
                b.RequestedUtc, b.CancelledUtc, b.CancelledLate,
                b.Attendance == null ? null : b.Attendance.Outcome, b.Attendance == null ? null : b.Attendance.SubstituteName))
            .ToListAsync(cancellationToken);
        return rows.OrderBy(r => r.StartUtc).ThenBy(r => r.Course, StringComparer.Ordinal).ThenBy(r => r.Attendee, StringComparer.Ordinal).ToList();
    }

    private sealed record LoadedBooking(
        DateTime StartUtc, DateTime EndUtc, bool SessionCancelled, string Course, string Attendee, string Agency, string JobRole, BookingStatus Status,
        DateTime RequestedUtc, DateTime? CancelledUtc, bool CancelledLate, AttendanceOutcome? Outcome, string? Substitute);
}
