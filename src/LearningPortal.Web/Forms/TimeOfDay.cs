using System.Text.RegularExpressions;

namespace LearningPortal.Web.Forms;

/// <summary>Reads a time of day as people write it: "9:30am", "9am", "2pm", "14:00", "09.30".</summary>
public static partial class TimeOfDay
{
    public static bool TryParse(string? text, out TimeOnly time)
    {
        time = default;
        var m = Pattern().Match((text ?? "").Trim().ToLowerInvariant().Replace(" ", "", StringComparison.Ordinal));
        if (!m.Success)
        {
            return false;
        }

        var hour = int.Parse(m.Groups["h"].Value, CultureInfo.InvariantCulture);
        var minute = m.Groups["m"].Success ? int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture) : 0;
        var suffix = m.Groups["s"].Value;
        if (suffix.Length > 0)
        {
            if (hour is < 1 or > 12)
            {
                return false;
            }

            hour = hour % 12 + (suffix == "pm" ? 12 : 0);
        }

        if (hour > 23 || minute > 59)
        {
            return false;
        }

        time = new TimeOnly(hour, minute);
        return true;
    }

    /// <summary>"9:30am", "2pm".</summary>
    public static string Format(TimeOnly time) =>
        time.ToString(time.Minute == 0 ? "%h" : "h:mm", CultureInfo.InvariantCulture) + (time.Hour < 12 ? "am" : "pm");

    [GeneratedRegex(@"^(?<h>\d{1,2})(?:[:.](?<m>\d{2}))?(?<s>am|pm)?$")]
    private static partial Regex Pattern();
}
