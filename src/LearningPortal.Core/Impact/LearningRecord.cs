using System.Globalization;
using System.Text;
using LearningPortal.Core.Data;
using LearningPortal.Core.Time;
using Microsoft.EntityFrameworkCore;

namespace LearningPortal.Core.Impact;

/// <summary>Where an entry of the learning record comes from.</summary>
public enum LearningKind
{
    Briefing,
    Training,
    Supervision,
    Own,
}

/// <summary>
/// One line of a person's learning record. <see cref="Reflection"/> is the person's own private words (a briefing's note,
/// or "how it changes my practice"); it is only ever shown to them.
/// </summary>
public sealed record LearningEntry(
    LearningKind Kind,
    DateOnly On,
    string Title,
    decimal? Hours,
    decimal? ParticipatoryHours,
    string? WhatILearned,
    string? Reflection,
    NmcCodeTheme? CodeTheme,
    bool DiscussedWithPeer,
    string? Link,
    string? LinkText,
    int? ActivityId = null);

/// <summary>A period of the record: a Social Work England registration year runs from 1 December to 30 November.</summary>
public sealed record LearningPeriod(DateOnly From, DateOnly To)
{
    /// <summary>The registration year ending on 30 November of <paramref name="endingYear"/>.</summary>
    public static LearningPeriod RegistrationYear(int endingYear) => new(new DateOnly(endingYear - 1, 12, 1), new DateOnly(endingYear, 11, 30));

    /// <summary>The year of the 30 November that ends the registration year containing <paramref name="day"/>.</summary>
    public static int RegistrationYearOf(DateOnly day) => day.Month == 12 ? day.Year + 1 : day.Year;

    public bool Contains(DateOnly day) => day >= From && day <= To;

    public string Name => $"1 December {From.Year} to 30 November {To.Year}";
}

/// <summary>Totals that NMC revalidation and Social Work England ask about.</summary>
public sealed record LearningTotals(decimal Hours, decimal ParticipatoryHours, int ReflectiveAccounts, int DiscussedWithPeer);

/// <summary>What a person writes when adding learning by hand.</summary>
public sealed record LearningActivityInput(
    string Title, DateOnly On, decimal Hours, bool Participatory, string WhatILearned, string HowItChangesMyPractice, NmcCodeTheme? CodeTheme, bool DiscussedWithPeer);

/// <summary>
/// A person's learning record: briefings they marked read and reflected, training attended, supervision discussions
/// they took part in and learning added by hand, read only from Impact's own tables. Every query is for the signed-in
/// person's id, so the record is theirs alone.
/// </summary>
public class LearningRecord(PortalDbContext db, TimeProvider clock)
{
    public async Task<IReadOnlyList<LearningEntry>> ListAsync(string userId, LearningPeriod? period = null, CancellationToken cancellationToken = default)
    {
        var entries = new List<LearningEntry>();
        var reflections = await db.BriefingReflections.AsNoTracking().Where(r => r.UserId == userId).ToListAsync(cancellationToken);
        entries.AddRange(reflections.Select(r => new LearningEntry(
            LearningKind.Briefing, UkTime.Today(r.ReflectedUtc), r.BriefingTitle, null, null, null, r.Note, null, false, r.BriefingPath, "Read the briefing")));

        var training = await db.LearningAttendances.AsNoTracking()
            .Where(a => a.UserId == userId && a.Result != AttendanceResult.DidNotAttend).ToListAsync(cancellationToken);
        entries.AddRange(training.Select(a =>
        {
            // Only a full attendance has known hours; a partial one is listed for the person to add their own.
            decimal? hours = a.Result == AttendanceResult.Attended ? Quarters((decimal)(a.EndUtc - a.StartUtc).TotalHours) : null;
            return new LearningEntry(
                LearningKind.Training, UkTime.Today(a.StartUtc), a.Result == AttendanceResult.Attended ? a.CourseTitle : a.CourseTitle + " (partly attended)",
                hours, hours, null, null, null, false,
                a.HasCertificate ? $"/training/my/{a.BookingId}/certificate" : null, a.HasCertificate ? "Certificate" : null);
        }));

        var discussions = await db.LearningDiscussions.AsNoTracking().Where(d => d.UserId == userId).ToListAsync(cancellationToken);
        entries.AddRange(discussions.Select(d => new LearningEntry(
            LearningKind.Supervision, d.HeldOn, $"{d.Kind}: {d.Title}", null, null, null, null, null, true,
            $"/supervision/records/{d.RecordId}", "Open the record")));

        var own = await db.LearningActivities.AsNoTracking().Where(a => a.UserId == userId).ToListAsync(cancellationToken);
        entries.AddRange(own.Select(a => new LearningEntry(
            LearningKind.Own, a.On, a.Title, a.Hours, a.Participatory ? a.Hours : 0, a.WhatILearned, a.HowItChangesMyPractice, a.CodeTheme, a.DiscussedWithPeer,
            null, null, a.Id)));

        return entries.Where(e => period is null || period.Contains(e.On))
            .OrderByDescending(e => e.On).ThenBy(e => e.Kind).ThenBy(e => e.Title, StringComparer.Ordinal).ToList();
    }

    public static LearningTotals Totals(IEnumerable<LearningEntry> entries)
    {
        var list = entries.ToList();
        return new LearningTotals(
            list.Sum(e => e.Hours ?? 0),
            list.Sum(e => e.ParticipatoryHours ?? 0),
            list.Count(e => !string.IsNullOrWhiteSpace(e.Reflection)),
            list.Count(e => e.DiscussedWithPeer));
    }

    /// <summary>The registration years that have entries, newest first, always including the current one.</summary>
    public IReadOnlyList<int> YearsOf(IEnumerable<LearningEntry> entries) =>
        entries.Select(e => LearningPeriod.RegistrationYearOf(e.On))
            .Append(LearningPeriod.RegistrationYearOf(UkTime.Today(clock.GetUtcNow().UtcDateTime)))
            .Distinct().OrderDescending().ToList();

    public Task<LearningActivity?> FindActivityAsync(string userId, int id, CancellationToken cancellationToken = default) =>
        db.LearningActivities.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id && a.UserId == userId, cancellationToken);

    public async Task<int> AddActivityAsync(string userId, LearningActivityInput input, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var activity = new LearningActivity { UserId = userId, CreatedUtc = now };
        Apply(activity, input, now);
        db.LearningActivities.Add(activity);
        await db.SaveChangesAsync(cancellationToken);
        return activity.Id;
    }

    /// <summary>Changes one of the person's own entries; false when it is not theirs or does not exist.</summary>
    public async Task<bool> ChangeActivityAsync(string userId, int id, LearningActivityInput input, CancellationToken cancellationToken = default)
    {
        var activity = await db.LearningActivities.SingleOrDefaultAsync(a => a.Id == id && a.UserId == userId, cancellationToken);
        if (activity is null)
        {
            return false;
        }

        Apply(activity, input, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    public async Task<bool> DeleteActivityAsync(string userId, int id, CancellationToken cancellationToken = default) =>
        await db.LearningActivities.Where(a => a.Id == id && a.UserId == userId).ExecuteDeleteAsync(cancellationToken) > 0;

    private static void Apply(LearningActivity activity, LearningActivityInput input, DateTime now)
    {
        activity.Title = input.Title.Trim();
        activity.On = input.On;
        activity.Hours = input.Hours;
        activity.Participatory = input.Participatory;
        activity.WhatILearned = input.WhatILearned.Trim();
        activity.HowItChangesMyPractice = input.HowItChangesMyPractice.Trim();
        activity.CodeTheme = input.CodeTheme;
        activity.DiscussedWithPeer = input.DiscussedWithPeer;
        activity.UpdatedUtc = now;
    }

    private static decimal Quarters(decimal hours) => Math.Round(hours * 4, MidpointRounding.AwayFromZero) / 4;

    /// <summary>
    /// The CPD log as CSV, one line an activity, with the columns of Social Work England's CPD record (date, activity,
    /// what I learned, reflection on practice, discussed with a peer) and NMC revalidation's log (hours, participatory
    /// hours, Code theme, reflective account). UTF-8 with a byte order mark; cells a spreadsheet would run as formulas are escaped.
    /// </summary>
    public static byte[] ToCsv(IEnumerable<LearningEntry> entries)
    {
        var text = new StringBuilder();
        Line(text, ["Date", "Type of learning", "Title", "Hours", "Participatory hours", "What I learned",
            "Reflection: how it changes my practice", "Reflective account", "NMC Code theme", "Discussed with a peer", "Evidence"]);
        foreach (var e in entries)
        {
            Line(text, [
                e.On.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                KindName(e.Kind),
                e.Title,
                e.Hours?.ToString("0.##", CultureInfo.InvariantCulture) ?? "",
                e.ParticipatoryHours?.ToString("0.##", CultureInfo.InvariantCulture) ?? "",
                e.WhatILearned ?? "",
                e.Reflection ?? "",
                string.IsNullOrWhiteSpace(e.Reflection) ? "No" : "Yes",
                e.CodeTheme is { } t ? NmcCodeThemes.NameOf(t) : "",
                e.DiscussedWithPeer ? "Yes" : "No",
                e.Link ?? "",
            ]);
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    public static string KindName(LearningKind kind) => kind switch
    {
        LearningKind.Briefing => "Learning briefing, read and reflected",
        LearningKind.Training => "Training attended",
        LearningKind.Supervision => "Reflective supervision discussion",
        _ => "Added by me",
    };

    private static void Line(StringBuilder text, string[] cells)
    {
        for (var i = 0; i < cells.Length; i++)
        {
            var value = cells[i];
            if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
            {
                value = "'" + value;
            }

            if (i > 0)
            {
                text.Append(',');
            }

            text.Append(value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value);
        }

        text.Append("\r\n");
    }
}
