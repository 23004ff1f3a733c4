namespace LearningPortal.Core.Time;

/// <summary>
/// Times are stored in UTC and shown in UK time (Europe/London), which moves between GMT and BST.
/// </summary>
public static class UkTime
{
    public static TimeZoneInfo Zone { get; } = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    /// <summary>Converts a UTC instant to UK local time.</summary>
    public static DateTime FromUtc(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone);

    /// <summary>
    /// Converts a UK wall-clock time to UTC. A time that does not exist (the hour skipped when the clocks
    /// go forward) moves forward by the gap; an ambiguous time (the hour repeated when they go back) is
    /// taken as the first occurrence, in BST.
    /// </summary>
    public static DateTime ToUtc(DateTime ukLocal)
    {
        var local = DateTime.SpecifyKind(ukLocal, DateTimeKind.Unspecified);
        if (Zone.IsInvalidTime(local))
        {
            local = local.AddHours(1);
        }

        if (Zone.IsAmbiguousTime(local))
        {
            var offsets = Zone.GetAmbiguousTimeOffsets(local);
            var bst = offsets.Max();
            return DateTime.SpecifyKind(local - bst, DateTimeKind.Utc);
        }

        return TimeZoneInfo.ConvertTimeToUtc(local, Zone);
    }

    /// <summary>The UK date at a UTC instant ("today" in the UK).</summary>
    public static DateOnly Today(DateTime utcNow) => DateOnly.FromDateTime(FromUtc(utcNow));

    /// <summary>The UTC instant a UK day starts (midnight UK time).</summary>
    public static DateTime StartOfDayUtc(DateOnly ukDay) => ToUtc(ukDay.ToDateTime(TimeOnly.MinValue));

    /// <summary>Formats a UTC instant for people, e.g. "26 November 2026 at 1:30pm".</summary>
    public static string Format(DateTime utc)
    {
        var uk = FromUtc(utc);
        // "%h", not "h": a one-letter format string is read as a standard format, and "h" is not one.
        var time = uk.ToString(uk.Minute == 0 ? "%h" : "h:mm", System.Globalization.CultureInfo.InvariantCulture)
            + (uk.Hour < 12 ? "am" : "pm");
        return $"{uk.ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB"))} at {time}";
    }

    /// <summary>Formats a UTC instant as a UK date, e.g. "26 November 2026".</summary>
    public static string FormatDate(DateTime utc) =>
        FromUtc(utc).ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB"));
}
