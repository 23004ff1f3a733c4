using LearningPortal.Core.Data;

namespace LearningPortal.Core.Search;

/// <summary>
/// Records changes to searchable items in the search journal. The entry joins the caller's unit of work, so
/// it is saved (or rolled back) with the change it describes; once saved, this instance's index is nudged
/// to apply it at once rather than at its next poll.
/// </summary>
public class SearchJournal(PortalDbContext db, TimeProvider clock, SearchJournalSignal signal)
{
    private bool listening;

    /// <summary>Adds a journal entry; the caller's <c>SaveChangesAsync</c> saves it.</summary>
    public SearchJournalEntry Record(string kind, string itemId, SearchOperation operation)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(kind);
        ArgumentException.ThrowIfNullOrWhiteSpace(itemId);
        var entry = new SearchJournalEntry
        {
            Kind = kind,
            ItemId = itemId,
            Operation = operation,
            CreatedUtc = clock.GetUtcNow().UtcDateTime,
        };
        db.SearchJournal.Add(entry);
        if (!listening)
        {
            // Nudging before the save would only wake the index to find nothing new.
            db.SavedChanges += (_, _) => signal.Notify();
            listening = true;
        }

        return entry;
    }
}
