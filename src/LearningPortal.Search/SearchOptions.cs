namespace LearningPortal.Search;

/// <summary>Settings of the search module (section "Search").</summary>
public class SearchOptions
{
    public const string Section = "Search";

    /// <summary>Folder of this instance's index; relative paths are under the content root.</summary>
    public string IndexPath { get; set; } = "App_Data/search-index";

    /// <summary>How often the index looks for journal entries saved by other instances.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How long a gap in journal ids is waited for before it is taken as a rolled-back transaction. Ids are
    /// handed out before commit, so a lower id can appear after a higher one.
    /// </summary>
    public TimeSpan JournalGapTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Journal entries older than this are deleted; an index that has not caught up for longer is rebuilt.</summary>
    public TimeSpan JournalRetention { get; set; } = TimeSpan.FromDays(14);

    /// <summary>Whether drafts are indexed for the back-office search.</summary>
    public bool IndexDrafts { get; set; } = true;

    /// <summary>Run Lucene's CheckIndex when opening the index at start (slower on very large indexes).</summary>
    public bool CheckOnStart { get; set; } = true;
}
