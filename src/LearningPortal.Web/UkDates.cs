namespace LearningPortal.Web;

/// <summary>How a date reads on the site: "4 December 2026".</summary>
public static class UkDates
{
    public static string ToUkDate(this DateOnly date) => date.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"));
}
