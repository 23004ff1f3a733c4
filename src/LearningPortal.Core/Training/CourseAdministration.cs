using System.Globalization;
using System.Text.RegularExpressions;
using LearningPortal.Core.Auditing;
using LearningPortal.Core.Common;
using LearningPortal.Core.Data;
using LearningPortal.Core.Search;
using Microsoft.EntityFrameworkCore;

namespace LearningPortal.Core.Training;

/// <summary>A course's details as an editor enters them.</summary>
public sealed record CourseDetails(
    string Title,
    string? Slug,
    string Summary,
    string? Description,
    string Audience,
    CourseLevel Level,
    string Length,
    string? Materials,
    int? PrerequisiteCourseId,
    bool LicensesGcp2,
    bool AllowsRepeatBookings,
    bool IsPublished,
    int? EvaluationFormId);

/// <summary>
/// Adds and changes courses. The course, its audit line and the search journal entries for it and its upcoming
/// sessions (whose titles carry the course's) are saved in one transaction.
/// </summary>
public partial class CourseAdministration(PortalDbContext db, AuditLog audit, SearchJournal searchJournal, Impact.ImpactFeed impact, TimeProvider clock)
{
    /// <summary>Adds a course (<paramref name="courseId"/> null) or changes one; the course id, or the problems by field (<see cref="CourseDetails"/> property names).</summary>
    public async Task<Outcome<int>> SaveAsync(int? courseId, CourseDetails details, Actor actor, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var course = courseId is null ? new Course { CreatedUtc = now } : await db.Courses.SingleOrDefaultAsync(c => c.Id == courseId, cancellationToken);
        if (course is null)
        {
            return Outcome.NotFound<int>("This course does not exist");
        }

        var slug = Slugify(string.IsNullOrWhiteSpace(details.Slug) ? details.Title : details.Slug);
        var errors = new List<FieldError>();
        if (slug.Length == 0)
        {
            errors.Add(new FieldError(nameof(CourseDetails.Slug), "Enter a web address made of letters, numbers and hyphens"));
        }
        else if (slug is "my" or "book" or "approval" or "index" || await db.Courses.AnyAsync(c => c.Slug == slug && c.Id != course.Id, cancellationToken))
        {
            errors.Add(new FieldError(nameof(CourseDetails.Slug), "Another course already uses this web address"));
        }

        if (details.PrerequisiteCourseId is { } p && (p == courseId || !await db.Courses.AnyAsync(c => c.Id == p, cancellationToken)))
        {
            errors.Add(new FieldError(nameof(CourseDetails.PrerequisiteCourseId), "Select a different course as the prerequisite"));
        }

        if (details.EvaluationFormId is { } formId && !await db.FeedbackForms.AnyAsync(f => f.Id == formId, cancellationToken))
        {
            errors.Add(new FieldError(nameof(CourseDetails.EvaluationFormId), "Select an evaluation form from the list"));
        }

        if (errors.Count > 0)
        {
            return Outcome.Invalid<int>(errors);
        }

        course.Title = details.Title.Trim();
        course.Slug = slug;
        course.Summary = details.Summary.Trim();
        course.Description = details.Description?.Trim() ?? "";
        course.Audience = details.Audience.Trim();
        course.Level = details.Level;
        course.Length = details.Length.Trim();
        course.Materials = details.Materials?.Trim() ?? "";
        course.PrerequisiteCourseId = details.PrerequisiteCourseId;
        course.LicensesGcp2 = details.LicensesGcp2;
        course.AllowsRepeatBookings = details.AllowsRepeatBookings;
        course.IsPublished = details.IsPublished;
        course.EvaluationFormId = details.EvaluationFormId;
        course.UpdatedUtc = now;
        if (courseId is null)
        {
            db.Courses.Add(course);
        }

        // A new course's audit line and journal entry need its id: one transaction keeps them with the course.
        await using var transaction = await db.BeginWriteTransactionAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        audit.Record(actor.UserId, actor.Name, courseId is null ? "training.course.created" : "training.course.changed", "course",
            course.Id.ToString(CultureInfo.InvariantCulture), course.Title);
        var upcoming = await db.TrainingSessions.Where(s => s.CourseId == course.Id && s.StartUtc > now).Select(s => s.Id).ToListAsync(cancellationToken);
        TrainingSearchSource.CourseChanged(searchJournal, course.Id, upcoming);
        await impact.RecordAsync(new Impact.CourseChanged(course.Id, course.Title, course.LicensesGcp2), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Outcome.Success(course.Id);
    }

    private static string Slugify(string text) => NotSlug().Replace(text.Trim().ToLowerInvariant(), "-").Trim('-');

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex NotSlug();
}
