namespace LearningPortal.Core.Accounts;

/// <summary>What an administrative change to an account or agency came to when it was not refused.</summary>
public enum AccountChange
{
    /// <summary>Saved and audited.</summary>
    Changed,

    /// <summary>It was that way already: nothing saved, nothing audited.</summary>
    Unchanged,
}
