using LearningPortal.Tests.Infrastructure;

namespace LearningPortal.Tests.Training;

/// <summary>
/// The real site with training settings the tests rely on: a GCP2 refresher 24 months after training (not
/// the default 36, to show the setting is read), and the scheduled jobs left to the tests (they run once at
/// start, then not for a day) so that a test decides when reminders and expiries happen.
/// </summary>
public sealed class TrainingSite : PortalFactory
{
    public const int RefresherMonths = 24;

    protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
    {
        ["Training:Gcp2RefresherMonths"] = RefresherMonths.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Training:JobInterval"] = "1.00:00:00",
        ["Training:ReminderDaysBefore"] = "3",
        ["Training:CancellationCutOff"] = "2.00:00:00",
        ["Training:Charges:HalfDayFee"] = "40",
        ["Training:Charges:FullDayFee"] = "80",
    };
}
