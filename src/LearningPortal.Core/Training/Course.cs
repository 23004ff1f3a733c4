namespace LearningPortal.Core.Training;

/// <summary>
/// A course in the partnership's multi-agency training programme, such as "GCP2" or "Understanding
/// Neglect". It is run as dated <see cref="TrainingSession"/>s.
/// </summary>
public class Course
{
    public int Id { get; set; }

    public string Title { get; set; } = "";

    /// <summary>The course's address under /training, e.g. "gcp2".</summary>
    public string Slug { get; set; } = "";

    /// <summary>One or two sentences for the course list.</summary>
    public string Summary { get; set; } = "";

    /// <summary>The full description, in Markdown (rendered through a sanitiser).</summary>
    public string Description { get; set; } = "";

    /// <summary>Who the course is for, e.g. "Practitioners in every agency who may use the GCP2 tool".</summary>
    public string Audience { get; set; } = "";

    public CourseLevel Level { get; set; }

    /// <summary>The length in words, e.g. "One day" or "Half day (3 hours)".</summary>
    public string Length { get; set; } = "";

    /// <summary>Materials and pre-reading, in Markdown.</summary>
    public string Materials { get; set; } = "";

    /// <summary>A course the person must have attended first.</summary>
    public int? PrerequisiteCourseId { get; set; }

    public Course? PrerequisiteCourse { get; set; }

    /// <summary>Attending licenses the practitioner to use the Graded Care Profile 2, and records them in the GCP2 register.</summary>
    public bool LicensesGcp2 { get; set; }

    /// <summary>
    /// Whether a person may hold more than one booking on the course, or book it again once trained (refreshers,
    /// courses meant to be repeated). Off by default: one active booking per course per person, and none once attended.
    /// </summary>
    public bool AllowsRepeatBookings { get; set; }

    /// <summary>Unpublished courses are visible only under /manage/training.</summary>
    public bool IsPublished { get; set; } = true;

    public DateTime CreatedUtc { get; set; }

    public DateTime UpdatedUtc { get; set; }

    /// <summary>
    /// The feedback form attendees are emailed after each session (a <see cref="Feedback.FeedbackForm"/>);
    /// null for the default evaluation form (setting Feedback:CourseEvaluationForm).
    /// </summary>
    public int? EvaluationFormId { get; set; }

    public List<TrainingSession> Sessions { get; set; } = [];
}

/// <summary>How much the course assumes the attendee already knows.</summary>
public enum CourseLevel
{
    Introductory = 0,
    Intermediate = 1,
    Advanced = 2,
}
