namespace LearningPortal.Core.Jobs;

/// <summary>How an instance names itself in the leases it takes on work rows (at most 100 characters).</summary>
public static class LeaseHolder
{
    /// <summary>
    /// "process id/random id@machine": unique per start, and an operator (or a test) can tell from a stuck lease
    /// which process on which machine holds it. The process id comes first so that truncation never loses it.
    /// </summary>
    public static string New()
    {
        var id = $"{Environment.ProcessId}/{Guid.NewGuid():N}@{Environment.MachineName}";
        return id.Length > 100 ? id[..100] : id;
    }
}
