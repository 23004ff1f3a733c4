using System.Globalization;
using System.Runtime.CompilerServices;
using LearningPortal.Core.Content.Rendering;
using LearningPortal.Core.Data;
using LearningPortal.Core.Search;
using LearningPortal.Core.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LearningPortal.Core.Training;

/// <summary>
/// What search indexes from the training module: every published course and each of its upcoming sessions
/// that is not cancelled. Both are one kind, "training", so the type filter shows a single "Training"; the
/// item ids say which ("course-4", "session-17"). A session carries its start time as its expiry, so that
/// searches stop showing it once it has started (see <see cref="SearchDocument.ExpiresUtc"/>).
/// </summary>
public sealed class TrainingSearchSource(IServiceScopeFactory scopes, TimeProvider clock) : ISearchSource
{
    public const string Kind = "training";

    private const string CoursePrefix = "course-";
    private const string SessionPrefix = "session-";

    public IReadOnlyCollection<SearchKind> Kinds { get; } = [new(Kind, "Training")];

    public static string CourseId(int id) => CoursePrefix + id.ToString(CultureInfo.InvariantCulture);

    public static string SessionId(int id) => SessionPrefix + id.ToString(CultureInfo.InvariantCulture);

    /// <summary>Journals a change to a session (put on, changed, cancelled); the caller's save commits it.</summary>
    public static void SessionChanged(SearchJournal journal, int sessionId) => journal.Record(Kind, SessionId(sessionId), SearchOperation.Upsert);

    /// <summary>Journals a change to a course and to its upcoming sessions, whose titles carry the course's.</summary>
    public static void CourseChanged(SearchJournal journal, int courseId, IEnumerable<int> upcomingSessionIds)
    {
        journal.Record(Kind, CourseId(courseId), SearchOperation.Upsert);
        foreach (var sessionId in upcomingSessionIds)
        {
            SessionChanged(journal, sessionId);
        }
    }

    public async IAsyncEnumerable<SearchDocument> GetAllAsync(bool includeDrafts, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var now = clock.GetUtcNow().UtcDateTime;
        var courses = await db.Courses.AsNoTracking().Where(c => c.IsPublished).OrderBy(c => c.Id).ToListAsync(cancellationToken);
        var sessions = await db.TrainingSessions.AsNoTracking()
            .Where(s => s.Course.IsPublished && !s.IsCancelled && s.StartUtc > now)
            .OrderBy(s => s.StartUtc).ToListAsync(cancellationToken);
        var byId = courses.ToDictionary(c => c.Id);
        foreach (var course in courses)
        {
            yield return ForCourse(course);
        }

        foreach (var session in sessions)
        {
            yield return ForSession(session, byId[session.CourseId]);
        }
    }

    public async Task<IReadOnlyCollection<SearchDocument>> GetAsync(string kind, string id, bool includeDrafts, CancellationToken cancellationToken)
    {
        if (kind != Kind)
        {
            return [];
        }

        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        if (TryNumber(id, CoursePrefix) is { } courseId)
        {
            var course = await db.Courses.AsNoTracking().FirstOrDefaultAsync(c => c.Id == courseId && c.IsPublished, cancellationToken);
            return course is null ? [] : [ForCourse(course)];
        }

        if (TryNumber(id, SessionPrefix) is { } sessionId)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var session = await db.TrainingSessions.AsNoTracking().Include(s => s.Course)
                .FirstOrDefaultAsync(s => s.Id == sessionId && s.Course.IsPublished && !s.IsCancelled && s.StartUtc > now, cancellationToken);
            return session is null ? [] : [ForSession(session, session.Course)];
        }

        return [];
    }

    private static SearchDocument ForCourse(Course course) => new()
    {
        Kind = Kind,
        Id = CourseId(course.Id),
        Url = $"/training/{course.Slug}",
        Title = course.Title,
        Summary = course.Summary,
        // Descriptions and materials are Markdown: search shows snippets of the words, not the markup.
        Body = string.Join("\n", GovUkMarkdown.ToPlainText(course.Description), "Who it is for: " + course.Audience, "Length: " + course.Length, GovUkMarkdown.ToPlainText(course.Materials)),
        Format = "Course",
        UpdatedUtc = course.UpdatedUtc,
    };

    private static SearchDocument ForSession(TrainingSession session, Course course) => new()
    {
        Kind = Kind,
        Id = SessionId(session.Id),
        Url = $"/training/{course.Slug}#session-{session.Id.ToString(CultureInfo.InvariantCulture)}",
        Title = $"{course.Title}: {SessionTimes.Describe(session)}",
        Summary = $"{course.Summary} {(session.Format == SessionFormat.Online ? "Online" : session.Venue)}, with {session.Trainer}.",
        Body = string.Join("\n", session.Where, session.Trainer, course.Audience),
        Format = "Session",
        Date = DateOnly.FromDateTime(UkTime.FromUtc(session.StartUtc)),
        UpdatedUtc = session.CreatedUtc,

        // Filtered at query time on every instance rather than removed by a scheduled sweep: no job to claim,
        // no journal entry per session, and exact to the second. A started session is also not supplied by
        // this source, so it leaves the index itself at the next change to it or the next rebuild.
        ExpiresUtc = session.StartUtc,
    };

    private static int? TryNumber(string id, string prefix) =>
        id.StartsWith(prefix, StringComparison.Ordinal) && int.TryParse(id.AsSpan(prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;
}
