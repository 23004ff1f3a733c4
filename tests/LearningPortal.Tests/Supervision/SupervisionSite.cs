namespace LearningPortal.Tests.Supervision;

/// <summary>
/// The content site (so briefings can be published) with supervision settings the tests rely on: records kept
/// 12 months (not the default 72, to show the setting is read), reminders 3 days before, and the scheduled work
/// left to the tests (it runs once at start, then not for a day).
/// </summary>
public sealed class SupervisionSite : ContentSite
{
    public const int RetentionMonths = 12;

    protected override bool ImportStarterContent => false;

    protected override IDictionary<string, string?> ExtraSettings
    {
        get
        {
            var settings = base.ExtraSettings;
            settings["Supervision:RetentionMonths"] = RetentionMonths.ToString(System.Globalization.CultureInfo.InvariantCulture);
            settings["Supervision:ReminderDaysBefore"] = "3";
            settings["Supervision:JobInterval"] = "1.00:00:00";
            return settings;
        }
    }
}
