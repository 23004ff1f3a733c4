namespace LearningPortal.Core.Jobs;

/// <summary>
/// One row per scheduled job that must run once across all instances (not once per instance): the instance that claims
/// the row's lease (<see cref="Leases"/>) does the run, and <see cref="LastRunUtc"/> tells the others it is not due yet.
/// </summary>
public class JobLease : ILeased
{
    /// <summary>The job's name, e.g. "personal-data-retention".</summary>
    public string Name { get; set; } = "";

    /// <summary>When the last run finished without failing.</summary>
    public DateTime? LastRunUtc { get; set; }

    public string? LeaseOwner { get; set; }

    public DateTime? LeaseExpiresUtc { get; set; }
}
