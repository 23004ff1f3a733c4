using LearningPortal.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace LearningPortal.Core.Supervision;

/// <summary>The question sets supervisors choose from, and the standing sets partnership staff keep.</summary>
public class QuestionSets(PortalDbContext db, TimeProvider clock)
{
    /// <summary>Sets offered for new records: available, with at least one current question, briefings first.</summary>
    public async Task<IReadOnlyList<QuestionSet>> AvailableAsync(CancellationToken cancellationToken = default) =>
        await db.QuestionSets.AsNoTracking()
            .Where(s => s.IsAvailable && s.Questions.Any(q => q.IsCurrent))
            .OrderBy(s => s.Source).ThenBy(s => s.Title)
            .ToListAsync(cancellationToken);

    /// <summary>A set with its current questions in order, or null.</summary>
    public async Task<QuestionSet?> FindAsync(int id, CancellationToken cancellationToken = default)
    {
        var set = await db.QuestionSets.AsNoTracking().Include(s => s.Questions).SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
        set?.Questions.RemoveAll(q => !q.IsCurrent);
        set?.Questions.Sort((a, b) => a.Position.CompareTo(b.Position));
        return set;
    }

    public async Task<IReadOnlyList<QuestionSet>> StandingAsync(CancellationToken cancellationToken = default) =>
        await db.QuestionSets.AsNoTracking().Include(s => s.Questions)
            .Where(s => s.Source == QuestionSetSource.Standing)
            .OrderBy(s => s.Title)
            .ToListAsync(cancellationToken);

    /// <summary>
    /// Creates or updates a standing set. Questions are matched to the existing ones by position, so a corrected
    /// wording keeps its question's identity (and its counts on the dashboard). Returns the set's id, or null if
    /// there is no such standing set.
    /// </summary>
    public async Task<int?> SaveStandingAsync(int? id, string title, IReadOnlyList<string> questions, bool available, CancellationToken cancellationToken = default)
    {
        QuestionSet? set;
        if (id is null)
        {
            set = new QuestionSet { Source = QuestionSetSource.Standing };
            db.QuestionSets.Add(set);
        }
        else
        {
            set = await db.QuestionSets.Include(s => s.Questions)
                .SingleOrDefaultAsync(s => s.Id == id && s.Source == QuestionSetSource.Standing, cancellationToken);
            if (set is null)
            {
                return null;
            }
        }

        set.Title = title.Trim();
        set.IsAvailable = available;
        set.UpdatedUtc = clock.GetUtcNow().UtcDateTime;
        var ordered = set.Questions.OrderBy(q => q.Position).ToList();
        for (var i = 0; i < Math.Max(ordered.Count, questions.Count); i++)
        {
            if (i >= questions.Count)
            {
                ordered[i].IsCurrent = false;
                continue;
            }

            var question = i < ordered.Count ? ordered[i] : new QuestionSetQuestion { QuestionId = Guid.NewGuid() };
            if (i >= ordered.Count)
            {
                set.Questions.Add(question);
            }

            question.Position = i + 1;
            question.Text = questions[i].Trim();
            question.IsCurrent = true;
        }

        await db.SaveChangesAsync(cancellationToken);
        return set.Id;
    }
}
