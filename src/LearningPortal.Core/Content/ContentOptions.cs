namespace LearningPortal.Core.Content;

/// <summary>Settings of the content engine (section "Content").</summary>
public class ContentOptions
{
    public const string Section = "Content";

    /// <summary>The default for the review step until an Administrator sets it (site setting content.require-review).</summary>
    public bool RequireReview { get; set; }

    /// <summary>Import content/ into an empty database on start.</summary>
    public bool ImportStarterContent { get; set; } = true;

    /// <summary>Whether this instance runs the scheduler loop (tests turn it off and drive it by hand).</summary>
    public bool SchedulerEnabled { get; set; } = true;

    /// <summary>How often the scheduler looks for due publishes and unpublishes.</summary>
    public TimeSpan SchedulerInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long a claimed schedule is held before another instance may retry it.</summary>
    public TimeSpan SchedulerLease { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Where uploaded files are kept, relative to the content root; outside the web root.</summary>
    public string MediaPath { get; set; } = "App_Data/media";

    /// <summary>
    /// Where uploaded files' bytes live: "FileSystem" (<see cref="MediaPath"/>, the single-instance default) or
    /// "Database" (table MediaBlobs, for several instances). Unset means "Database" when Redis is configured.
    /// </summary>
    public string? MediaStore { get; set; }

    /// <summary>Whether media bytes live in the database.</summary>
    public bool MediaInDatabase => string.Equals(MediaStore, "Database", StringComparison.OrdinalIgnoreCase);

    /// <summary>Largest upload accepted, in bytes (default 20 MB).</summary>
    public long MaxUploadBytes { get; set; } = 20L * 1024 * 1024;

    /// <summary>Limits of importing a Word document or PDF into a draft (section "Content:Import").</summary>
    public Import.ImportLimits Import { get; set; } = new();
}
