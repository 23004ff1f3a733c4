using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace LearningPortal.Web.Forms;

/// <summary>
/// What a GOV.UK date input collects, as typed (so anything typed comes back on an error): day, month and year
/// in separate boxes, and a time for a date with a time. Bound by <see cref="DateInputModelBinder"/> from
/// <c>{name}.Day</c>, <c>{name}.Month</c>, <c>{name}.Year</c> and <c>{name}.Time</c>; shown by
/// <c>&lt;govuk-date-input for="..."&gt;</c>. The three kinds are <see cref="DateInput"/> (a full date),
/// <see cref="MonthYearInput"/> (month and year) and <see cref="DateTimeInput"/> (a date with a time).
/// </summary>
public abstract class DateInputParts
{
    public string? Day { get; set; }

    public string? Month { get; set; }

    public string? Year { get; set; }

    public string? Time { get; set; }

    /// <summary>The boxes this kind shows, in order; the first one takes the field's id.</summary>
    public abstract IReadOnlyList<string> Parts { get; }

    /// <summary>Nothing typed in any of this kind's boxes.</summary>
    public bool IsEmpty => Parts.All(p => string.IsNullOrWhiteSpace(Get(p)));

    /// <summary>The typed value of one box, by its name ("Day", "Month", "Year", "Time").</summary>
    public string? Get(string part) => part switch
    {
        nameof(Day) => Day,
        nameof(Month) => Month,
        nameof(Year) => Year,
        nameof(Time) => Time,
        _ => null,
    };

    internal void Set(string part, string? value)
    {
        switch (part)
        {
            case nameof(Day): Day = value; break;
            case nameof(Month): Month = value; break;
            case nameof(Year): Year = value; break;
            case nameof(Time): Time = value; break;
        }
    }

    /// <summary>
    /// Checks what was typed and adds the GOV.UK error message to <paramref name="state"/> under
    /// <paramref name="key"/>: "Enter the {label}" when required and empty, "{Label} must include a month" when a
    /// box is empty, "{Label} must be a real date" otherwise. Returns whether a value was read.
    /// </summary>
    protected bool Check(ModelStateDictionary state, string key, string label, bool required)
    {
        if (IsEmpty)
        {
            if (required)
            {
                // "Enter the date of the session"; a label that already starts with "The" keeps its own.
                state.AddModelError(key, label.StartsWith("The ", StringComparison.Ordinal) ? $"Enter {Lower(label)}" : $"Enter the {Lower(label)}");
            }

            return false;
        }

        var missing = Parts.Where(p => p != nameof(Time) && string.IsNullOrWhiteSpace(Get(p))).Select(p => p.ToLowerInvariant()).ToList();
        if (missing.Count > 0)
        {
            state.AddModelError(key, $"{label} must include a {string.Join(" and a ", missing)}");
            return false;
        }

        if (ReadDate() is null)
        {
            state.AddModelError(key, $"{label} must be a real date");
            return false;
        }

        return true;
    }

    /// <summary>The date the boxes make (the 1st for month and year), or null if they do not make a real one.</summary>
    protected DateOnly? ReadDate()
    {
        var day = Parts.Contains(nameof(Day)) ? Number(Day) : 1;
        var month = Number(Month);
        var year = Number(Year);
        return day is { } d && month is { } m && year is { } y && y is >= 1900 and <= 2200 && m is >= 1 and <= 12 && d >= 1 && d <= DateTime.DaysInMonth(y, m)
            ? new DateOnly(y, m, d)
            : null;
    }

    private static int? Number(string? text) =>
        int.TryParse(text?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;

    private static string Lower(string label) => label.Length == 0 ? label : char.ToLowerInvariant(label[0]) + label[1..];

    private protected static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}

/// <summary>A full date: day, month and year.</summary>
public sealed class DateInput : DateInputParts
{
    private static readonly string[] Boxes = [nameof(Day), nameof(Month), nameof(Year)];

    public override IReadOnlyList<string> Parts => Boxes;

    /// <summary>The date, or null if the boxes do not make a real date.</summary>
    public DateOnly? ToDate() => ReadDate();

    /// <summary>The date, with the GOV.UK error in <paramref name="state"/> if it is missing (when required) or not real.</summary>
    public DateOnly? Read(ModelStateDictionary state, string key, string label, bool required = true) =>
        Check(state, key, label, required) ? ReadDate() : null;

    public static DateInput From(DateOnly? date) => date is { } d
        ? new DateInput { Day = Text(d.Day), Month = Text(d.Month), Year = Text(d.Year) }
        : new DateInput();
}

/// <summary>A month and year, e.g. the date of an audit; read as the 1st of the month.</summary>
public sealed class MonthYearInput : DateInputParts
{
    private static readonly string[] Boxes = [nameof(Month), nameof(Year)];

    public override IReadOnlyList<string> Parts => Boxes;

    /// <summary>The 1st of the month, or null if the boxes do not make a real month.</summary>
    public DateOnly? ToDate() => ReadDate();

    /// <summary>The 1st of the month, with the GOV.UK error in <paramref name="state"/> if it is missing (when required) or not real.</summary>
    public DateOnly? Read(ModelStateDictionary state, string key, string label, bool required = true) =>
        Check(state, key, label, required) ? ReadDate() : null;

    public static MonthYearInput From(DateOnly? date) => date is { } d
        ? new MonthYearInput { Month = Text(d.Month), Year = Text(d.Year) }
        : new MonthYearInput();
}

/// <summary>A date with a UK time of day ("9:30am", "14:00"), e.g. when to publish.</summary>
public sealed class DateTimeInput : DateInputParts
{
    private static readonly string[] Boxes = [nameof(Day), nameof(Month), nameof(Year), nameof(Time)];

    public override IReadOnlyList<string> Parts => Boxes;

    /// <summary>
    /// The UK wall-clock date and time (convert it with <see cref="Core.Time.UkTime"/>), with the GOV.UK error in
    /// <paramref name="state"/> if the date or the time is missing or not real.
    /// </summary>
    public DateTime? Read(ModelStateDictionary state, string key, string label, bool required = true)
    {
        if (!Check(state, key, label, required))
        {
            return null;
        }

        if (!TimeOfDay.TryParse(Time, out var time))
        {
            state.AddModelError(key, string.IsNullOrWhiteSpace(Time)
                ? $"{label} must include a time"
                : "Enter a real time, for example 9:30am or 14:00");
            return null;
        }

        return ReadDate()!.Value.ToDateTime(time);
    }

    public static DateTimeInput From(DateTime ukLocal) => new()
    {
        Day = Text(ukLocal.Day),
        Month = Text(ukLocal.Month),
        Year = Text(ukLocal.Year),
        Time = TimeOfDay.Format(TimeOnly.FromDateTime(ukLocal)),
    };
}
