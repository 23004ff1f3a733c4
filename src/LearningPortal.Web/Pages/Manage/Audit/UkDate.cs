using System.Globalization;

namespace LearningPortal.Web.Pages.Manage.Audit;

/// <summary>Reads a date as people in the UK write it: day first, e.g. 27/3/2026, 27 3 2026 or 27 March 2026.</summary>
public static class UkDate
{
    private static readonly CultureInfo EnGb = CultureInfo.GetCultureInfo("en-GB");

    private static readonly string[] Formats =
    [
        "d/M/yyyy", "d-M-yyyy", "d.M.yyyy", "d M yyyy", "d MMMM yyyy", "d MMM yyyy", "yyyy-MM-dd",
    ];

    public static bool TryParse(string? text, out DateOnly date)
    {
        date = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var cleaned = string.Join(' ', text.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries));
        return DateOnly.TryParseExact(cleaned, Formats, EnGb, DateTimeStyles.None, out date);
    }
}
