using LearningPortal.Core.Accounts;

namespace LearningPortal.Core.Training;

/// <summary>
/// A practitioner trained to use the Graded Care Profile 2: written when they attend a course that
/// licenses GCP2, with the date a refresher is due.
/// </summary>
public class Gcp2RegisterEntry
{
    public int Id { get; set; }

    public string UserId { get; set; } = "";

    public string PractitionerName { get; set; } = "";

    public int AgencyId { get; set; }

    public Agency? Agency { get; set; }

    public int CourseId { get; set; }

    public Course? Course { get; set; }

    public int SessionId { get; set; }

    public int BookingId { get; set; }

    public DateTime TrainedOnUtc { get; set; }

    public DateTime RefresherDueUtc { get; set; }

    /// <summary>Set when the refresher reminder has been claimed and queued (exactly once).</summary>
    public DateTime? RefresherReminderSentUtc { get; set; }
}
