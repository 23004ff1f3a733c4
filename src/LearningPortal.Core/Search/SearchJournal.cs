using LearningPortal.Core.Data;
using LearningPortal.Core.Jobs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace LearningPortal.Core.Search;

/// <summary>
/// Records changes to searchable items in the search journal. The entry joins the caller's unit of work, so
/// it is saved (or rolled back) with the change it describes: a module records it before the SaveChanges
/// (or inside the transaction) that saves the change, never afterwards. Once committed, this instance's index
/// is nudged to apply it at once rather than at its next poll.
/// </summary>
public class SearchJournal(PortalDbContext db, TimeProvider clock, WakeUpSignal<SearchJournalEntry> wakeUp)
{
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
        // Nudging before the commit would only wake the index to find nothing new.
        db.AfterCommit(wakeUp.Notify);

        return entry;
    }
}

/// <summary>Registers the journal that every module with searchable items writes to.</summary>
public static class SearchJournalServiceCollectionExtensions
{
    /// <summary>The journal and its wake-up signal; safe to call more than once.</summary>
    public static IServiceCollection AddSearchJournal(this IServiceCollection services)
    {
        services.TryAddSingleton<WakeUpSignal<SearchJournalEntry>>();
        services.TryAddScoped<SearchJournal>();
        return services;
    }
}
