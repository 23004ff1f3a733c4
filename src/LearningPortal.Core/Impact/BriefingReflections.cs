using LearningPortal.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace LearningPortal.Core.Impact;

/// <summary>The briefing a person marks: what the page knows about it, so Impact never reads Content's tables.</summary>
public sealed record ReflectedBriefing(int DocumentId, string Title, string Path, int VersionNumber);

/// <summary>
/// "I have read this and reflected". Every method takes the signed-in person's id and only ever touches that person's
/// row, so nobody can read or change another's mark or note.
/// </summary>
public class BriefingReflections(PortalDbContext db, TimeProvider clock)
{
    public const int NoteMaxLength = 4000;

    public Task<BriefingReflection?> FindAsync(string userId, int documentId, CancellationToken cancellationToken = default) =>
        db.BriefingReflections.AsNoTracking().SingleOrDefaultAsync(r => r.UserId == userId && r.DocumentId == documentId, cancellationToken);

    /// <summary>Marks the briefing (or changes the note of an existing mark). A double click saves one mark.</summary>
    public async Task SaveAsync(string userId, ReflectedBriefing briefing, string? note, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var cleaned = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        if (cleaned?.Length > NoteMaxLength)
        {
            throw new ArgumentException($"The note is longer than {NoteMaxLength} characters", nameof(note));
        }

        for (var attempt = 0; ; attempt++)
        {
            var row = await db.BriefingReflections.SingleOrDefaultAsync(r => r.UserId == userId && r.DocumentId == briefing.DocumentId, cancellationToken);
            if (row is null)
            {
                var agency = await db.Users.Where(u => u.Id == userId).Select(u => u.AgencyId).SingleAsync(cancellationToken);
                row = new BriefingReflection { UserId = userId, AgencyId = agency, DocumentId = briefing.DocumentId, ReflectedUtc = now };
                db.BriefingReflections.Add(row);
            }

            row.BriefingTitle = briefing.Title;
            row.BriefingPath = briefing.Path;
            row.VersionNumber = briefing.VersionNumber;
            row.Note = cleaned;
            row.UpdatedUtc = now;
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return;
            }
            catch (DbUpdateException) when (attempt == 0)
            {
                // The same person's other tab made the mark first (unique key): change that one instead.
                db.ChangeTracker.Clear();
            }
        }
    }

    /// <summary>Takes the mark (and its note) off the person's record.</summary>
    public Task<int> RemoveAsync(string userId, int documentId, CancellationToken cancellationToken = default) =>
        db.BriefingReflections.Where(r => r.UserId == userId && r.DocumentId == documentId).ExecuteDeleteAsync(cancellationToken);
}
