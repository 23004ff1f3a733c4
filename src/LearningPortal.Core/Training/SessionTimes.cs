using System.Globalization;
using LearningPortal.Core.Time;

namespace LearningPortal.Core.Training;

/// <summary>Describes a session's date and times in UK time, e.g. "Monday 1 March 2027, 9:30am to 4pm".</summary>
public static class SessionTimes
{
    private static readonly CultureInfo EnGb = CultureInfo.GetCultureInfo("en-GB");

    public static string Describe(TrainingSession session) => Describe(session.StartUtc, session.EndUtc);

    public static string Describe(DateTime startUtc, DateTime endUtc)
    {
        var start = UkTime.FromUtc(startUtc);
        var end = UkTime.FromUtc(endUtc);
        var date = start.ToString("dddd d MMMM yyyy", EnGb);
        return start.Date == end.Date
            ? $"{date}, {Time(start)} to {Time(end)}"
            : $"{date}, {Time(start)} to {end.ToString("dddd d MMMM yyyy", EnGb)}, {Time(end)}";
    }

    /// <summary>A UK time of day, e.g. "9:30am", "4pm", "12pm".</summary>
    public static string Time(DateTime ukLocal) =>
        ukLocal.ToString(ukLocal.Minute == 0 ? "%h" : "h:mm", CultureInfo.InvariantCulture) + (ukLocal.Hour < 12 ? "am" : "pm");
}
