namespace LearningPortal.Core.Search;

/// <summary>
/// One change to something searchable, in the order it was saved. Each instance of the site keeps its
/// own search index on local disk and applies the journal after the last entry it has applied, so a
/// change saved through one instance becomes searchable on all of them.
/// </summary>
public class SearchJournalEntry
{
    /// <summary>Ascending with every change; an index records the last one it applied.</summary>
    public long Id { get; set; }

    /// <summary>The kind of item, e.g. "briefing", "course".</summary>
    public string Kind { get; set; } = "";

    /// <summary>The item's identifier within its kind.</summary>
    public string ItemId { get; set; } = "";

    public SearchOperation Operation { get; set; }

    public DateTime CreatedUtc { get; set; }
}

/// <summary>What happened to an item.</summary>
public enum SearchOperation
{
    /// <summary>Created or changed (saved as a draft, published, revised): re-read it from its source.</summary>
    Upsert = 0,

    /// <summary>Unpublished or deleted: remove it from the index.</summary>
    Delete = 1,
}
