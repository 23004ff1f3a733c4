using System.Globalization;
using LearningPortal.Core.ActionPlans;
using LearningPortal.Core.Auditing;
using LearningPortal.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace LearningPortal.Core.Impact;

/// <summary>What an Editor enters for an outcome figure.</summary>
public sealed record OutcomeFigureInput(Guid ObjectiveId, string Measure, DateOnly QuarterStart, decimal Value, string Source);

/// <summary>How saving or deleting an outcome figure went.</summary>
public enum OutcomeChange
{
    Done,
    NotFound,

    /// <summary>The objective already has a figure for that measure and quarter: edit that one instead.</summary>
    Duplicate,

    /// <summary>Someone changed or deleted the figure since it was opened.</summary>
    Conflict,
}

/// <summary>An objective as the outcome measures pages name it.</summary>
public sealed record ObjectiveName(Guid Id, int Number, string Title, bool IsCurrent, IReadOnlyList<string> Measures);

/// <summary>
/// Outcome figures per objective and quarter: list, add, correct and delete, each change audit-logged in the same
/// save. Objectives are read through <see cref="ObjectiveName"/>: their titles and measures of success, nothing else.
/// </summary>
public class OutcomeMeasures(PortalDbContext db, AuditLog audit, TimeProvider clock)
{
    public const int MeasureLength = 200;
    public const int SourceLength = 500;

    /// <summary>Every objective, current first by number, with its measures of success (suggested names for figures).</summary>
    public async Task<IReadOnlyList<ObjectiveName>> ObjectivesAsync(CancellationToken cancellationToken = default)
    {
        var objectives = await db.Objectives.AsNoTracking().Include(o => o.Measures)
            .OrderByDescending(o => o.IsCurrent).ThenBy(o => o.Number).ThenBy(o => o.Title).ToListAsync(cancellationToken);
        return [.. objectives.Select(o => new ObjectiveName(o.Id, o.Number, o.Title, o.IsCurrent, [.. o.Measures.OrderBy(m => m.Position).Select(m => m.Text)]))];
    }

    public async Task<ObjectiveName?> ObjectiveAsync(Guid id, CancellationToken cancellationToken = default) =>
        (await ObjectivesAsync(cancellationToken)).FirstOrDefault(o => o.Id == id);

    /// <summary>An objective's figures by measure, then quarter.</summary>
    public async Task<IReadOnlyList<OutcomeFigure>> ListAsync(Guid objectiveId, CancellationToken cancellationToken = default) =>
        (await db.OutcomeFigures.AsNoTracking().Where(f => f.ObjectiveId == objectiveId).ToListAsync(cancellationToken))
            .OrderBy(f => f.Measure, StringComparer.OrdinalIgnoreCase).ThenBy(f => f.QuarterStart).ToList();

    public Task<OutcomeFigure?> FindAsync(Guid objectiveId, int id, CancellationToken cancellationToken = default) =>
        db.OutcomeFigures.AsNoTracking().SingleOrDefaultAsync(f => f.Id == id && f.ObjectiveId == objectiveId, cancellationToken);

    /// <summary>Adds a figure (<paramref name="id"/> null) or corrects one, if <paramref name="version"/> is still its version.</summary>
    public async Task<(OutcomeChange Change, int? Id)> SaveAsync(OutcomeFigureInput input, int? id, int? version, Actor actor, CancellationToken cancellationToken = default)
    {
        var measure = input.Measure.Trim();
        var source = input.Source.Trim();
        if (measure.Length is 0 or > MeasureLength || source.Length is 0 or > SourceLength || input.QuarterStart.Day != 1 || (input.QuarterStart.Month - 1) % 3 != 0)
        {
            throw new ArgumentException("The page checks the figure before saving it", nameof(input));
        }

        if (!await db.Objectives.AnyAsync(o => o.Id == input.ObjectiveId, cancellationToken))
        {
            return (OutcomeChange.NotFound, null);
        }

        var clash = await db.OutcomeFigures.AnyAsync(f => f.ObjectiveId == input.ObjectiveId && f.Measure == measure && f.QuarterStart == input.QuarterStart && f.Id != id, cancellationToken);
        if (clash)
        {
            return (OutcomeChange.Duplicate, null);
        }

        OutcomeFigure figure;
        string before = "";
        if (id is { } existing)
        {
            var found = await db.OutcomeFigures.SingleOrDefaultAsync(f => f.Id == existing && f.ObjectiveId == input.ObjectiveId, cancellationToken);
            if (found is null)
            {
                return (OutcomeChange.Conflict, null);
            }

            if (found.Version != version)
            {
                return (OutcomeChange.Conflict, found.Id);
            }

            figure = found;
            before = $" (was {Describe(figure)})";
            figure.Version++;
        }
        else
        {
            figure = new OutcomeFigure { ObjectiveId = input.ObjectiveId, Version = 1 };
            db.OutcomeFigures.Add(figure);
        }

        figure.Measure = measure;
        figure.QuarterStart = input.QuarterStart;
        figure.Value = input.Value;
        figure.Source = source;
        figure.UpdatedUtc = clock.GetUtcNow().UtcDateTime;
        try
        {
            audit.Record(actor, id is null ? "outcome.added" : "outcome.changed", "objective", input.ObjectiveId.ToString(), $"Outcome figure {Describe(figure)}{before}");
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another Editor saved the same figure at the same moment (the unique index or the version caught it).
            db.ChangeTracker.Clear();
            return (id is null ? OutcomeChange.Duplicate : OutcomeChange.Conflict, null);
        }

        return (OutcomeChange.Done, figure.Id);
    }

    /// <summary>Deletes a figure if <paramref name="version"/> is still its version.</summary>
    public async Task<OutcomeChange> DeleteAsync(Guid objectiveId, int id, int version, Actor actor, CancellationToken cancellationToken = default)
    {
        var figure = await db.OutcomeFigures.SingleOrDefaultAsync(f => f.Id == id && f.ObjectiveId == objectiveId, cancellationToken);
        if (figure is null)
        {
            return OutcomeChange.NotFound;
        }

        if (figure.Version != version)
        {
            return OutcomeChange.Conflict;
        }

        db.OutcomeFigures.Remove(figure);
        audit.Record(actor, "outcome.deleted", "objective", objectiveId.ToString(), $"Outcome figure {Describe(figure)} deleted");
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return OutcomeChange.Conflict;
        }

        return OutcomeChange.Done;
    }

    /// <summary>A figure's value as the pages show it: no trailing zeros, thousands separated.</summary>
    public static string Format(decimal value) => value.ToString("#,##0.##", CultureInfo.GetCultureInfo("en-GB"));

    private static string Describe(OutcomeFigure f) => $"'{f.Measure}', {Quarters.Label(f.QuarterStart)}: {Format(f.Value)} (source: {f.Source})";
}
