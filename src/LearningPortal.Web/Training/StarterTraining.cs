using LearningPortal.Core.Auditing;
using LearningPortal.Core.Search;
using LearningPortal.Core.Time;
using LearningPortal.Core.Training;
using LearningPortal.Search;
using LearningPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace LearningPortal.Web.Training;

/// <summary>
/// The partnership's standing courses from content/training/courses.yml: imported on first start and by the
/// import command (a course whose address is taken is left alone), and, when Training:DemoSessions is on
/// (Development), example sessions dated from today on a database that has none.
/// </summary>
public class StarterTraining(
    PortalDbContext db,
    SearchJournal searchJournal,
    AuditLog audit,
    UserManager<PortalUser> users,
    PortalPaths paths,
    TimeProvider clock,
    IOptions<TrainingOptions> options,
    ILogger<StarterTraining> logger)
{
    /// <summary>On start: imports the starter courses that are missing, then (if configured) the demo sessions.</summary>
    public async Task ImportOnStartAsync(CancellationToken cancellationToken = default)
    {
        await ImportCoursesAsync(Path.Combine(paths.Content, "training"), cancellationToken);
        if (options.Value.DemoSessions)
        {
            await CreateDemoSessionsAsync(cancellationToken);
        }
    }

    /// <summary>Imports the courses of a folder's courses.yml whose web address is not taken yet; returns how many.</summary>
    public async Task<int> ImportCoursesAsync(string folder, CancellationToken cancellationToken = default)
    {
        var file = Path.Combine(folder, "courses.yml");
        if (!File.Exists(file))
        {
            return 0;
        }

        var deserializer = new DeserializerBuilder().WithNamingConvention(CamelCaseNamingConvention.Instance).IgnoreUnmatchedProperties().Build();
        var starter = deserializer.Deserialize<StarterFile>(await File.ReadAllTextAsync(file, cancellationToken)) ?? new StarterFile();
        var existing = await db.Courses.ToDictionaryAsync(c => c.Slug, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var added = new List<(Course Course, string? Prerequisite)>();
        foreach (var c in starter.Courses.Where(c => !string.IsNullOrWhiteSpace(c.Slug) && !string.IsNullOrWhiteSpace(c.Title)))
        {
            var slug = c.Slug.Trim().ToLowerInvariant();
            if (existing.ContainsKey(slug))
            {
                continue;
            }

            var course = new Course
            {
                Slug = slug,
                Title = c.Title.Trim(),
                Summary = c.Summary.Trim(),
                Description = c.Description.Trim(),
                Audience = c.Audience.Trim(),
                Level = Enum.TryParse<CourseLevel>(c.Level, ignoreCase: true, out var level) ? level : CourseLevel.Introductory,
                Length = c.Length.Trim(),
                Materials = c.Materials.Trim(),
                LicensesGcp2 = c.LicensesGcp2,
                IsPublished = true,
                CreatedUtc = now,
                UpdatedUtc = now,
            };
            existing[slug] = course;
            added.Add((course, c.Prerequisite?.Trim().ToLowerInvariant()));
            db.Courses.Add(course);
        }

        if (added.Count == 0)
        {
            return 0;
        }

        foreach (var (course, prerequisite) in added)
        {
            if (prerequisite is not null && existing.TryGetValue(prerequisite, out var first) && first != course)
            {
                course.PrerequisiteCourse = first;
            }
            else if (prerequisite is not null)
            {
                logger.LogWarning("Starter course {Slug} names a prerequisite {Prerequisite} that is not a course; imported without it.", course.Slug, prerequisite);
            }
        }

        // Ids come from the first save; the search journal and audit rows go in the same transaction.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        foreach (var (course, _) in added)
        {
            searchJournal.Record(TrainingSearchSource.Kind, TrainingSearchSource.CourseId(course.Id), SearchOperation.Upsert);
            audit.Record(null, "Starter content", "training.course.created", "course", course.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), course.Title);
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("Imported {Count} starter training courses.", added.Count);
        return added.Count;
    }

    /// <summary>
    /// REVIEW: development shortcut. Example sessions of the starter courses from today, on a database with no
    /// session at all: in person and online, one nearly full (places held by demo attendees who cannot sign in)
    /// and one needing the line manager's approval, so GCP2 can be booked a minute after starting the site.
    /// </summary>
    public async Task<int> CreateDemoSessionsAsync(CancellationToken cancellationToken = default)
    {
        if (await db.TrainingSessions.AnyAsync(cancellationToken))
        {
            return 0;
        }

        var courses = await db.Courses.Where(c => c.Slug == Gcp2 || c.Slug == Neglect || c.Slug == ScreeningTool).ToDictionaryAsync(c => c.Slug, cancellationToken);
        var agency = await db.Agencies.OrderBy(a => a.SortOrder).FirstOrDefaultAsync(cancellationToken);
        if (!courses.TryGetValue(Gcp2, out var gcp2) || agency is null)
        {
            return 0;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var today = UkTime.Today(now);
        var sessions = new List<TrainingSession>
        {
            Session(gcp2, Weekday(today.AddDays(7)), new(9, 30), new(16, 0), SessionFormat.InPerson, 16, now),
            Session(gcp2, Weekday(today.AddDays(14)), new(9, 30), new(16, 0), SessionFormat.Online, 12, now),
            Session(gcp2, Weekday(today.AddDays(28)), new(9, 30), new(16, 0), SessionFormat.InPerson, 16, now, needsApproval: true),
        };
        if (courses.TryGetValue(Neglect, out var neglect))
        {
            sessions.Add(Session(neglect, Weekday(today.AddDays(10)), new(9, 30), new(12, 30), SessionFormat.Online, 30, now));
            sessions.Add(Session(neglect, Weekday(today.AddDays(21)), new(13, 30), new(16, 30), SessionFormat.InPerson, 20, now));
        }

        if (courses.TryGetValue(ScreeningTool, out var screening))
        {
            sessions.Add(Session(screening, Weekday(today.AddDays(5)), new(10, 0), new(12, 0), SessionFormat.Online, 40, now));
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.TrainingSessions.AddRange(sessions);

        // The online GCP2 session is nearly full: all but one place held by demo attendees.
        var nearlyFull = sessions[1];
        for (var i = 1; i < nearlyFull.Capacity; i++)
        {
            var attendee = await DemoAttendeeAsync(i, agency);
            nearlyFull.Bookings.Add(new Booking
            {
                UserId = attendee.Id,
                Status = BookingStatus.Confirmed,
                QueueNumber = i,
                AttendeeName = attendee.DisplayName,
                AttendeeEmail = attendee.Email!,
                AgencyId = agency.Id,
                JobRole = attendee.JobRole,
                RequestedUtc = now,
                PlaceGivenUtc = now,
                ConfirmedUtc = now,
                CalendarUid = Guid.NewGuid(),
            });
        }

        nearlyFull.PlacesTaken = nearlyFull.Capacity - 1;
        nearlyFull.NextQueueNumber = nearlyFull.Capacity;
        await db.SaveChangesAsync(cancellationToken);

        // Impact's copies of the demo bookings, in the same transaction, as a booking made on the site has them.
        await ImpactCopy.SessionAsync(db, nearlyFull, cancellationToken);
        foreach (var session in sessions)
        {
            searchJournal.Record(TrainingSearchSource.Kind, TrainingSearchSource.SessionId(session.Id), SearchOperation.Upsert);
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("Created {Count} demo training sessions (Training:DemoSessions).", sessions.Count);
        return sessions.Count;
    }

    private const string Gcp2 = "gcp2-practitioner-training";
    private const string Neglect = "understanding-neglect";
    private const string ScreeningTool = "using-the-neglect-screening-tool";

    private static TrainingSession Session(Course course, DateOnly day, TimeOnly start, TimeOnly end, SessionFormat format, int capacity, DateTime now, bool needsApproval = false)
    {
        var startUtc = UkTime.ToUtc(day.ToDateTime(start));
        return new TrainingSession
        {
            Course = course,
            StartUtc = startUtc,
            EndUtc = UkTime.ToUtc(day.ToDateTime(end)),
            Format = format,
            Venue = format == SessionFormat.InPerson ? "Partnership training centre, Room 1" : null,
            JoiningLink = format == SessionFormat.Online ? "https://meet.example.org/partnership-training" : null,
            Capacity = capacity,
            BookingOpensUtc = now,
            BookingClosesUtc = UkTime.StartOfDayUtc(day).AddSeconds(-1),
            Trainer = course.LicensesGcp2 ? "Partnership GCP2 trainer" : "Partnership training team",
            RequiresManagerApproval = needsApproval,
            CreatedUtc = now,
        };
    }

    /// <summary>Sessions fall on weekdays.</summary>
    private static DateOnly Weekday(DateOnly day) => day.DayOfWeek switch
    {
        DayOfWeek.Saturday => day.AddDays(2),
        DayOfWeek.Sunday => day.AddDays(1),
        _ => day,
    };

    /// <summary>A demo attendee: an account with no password, so nobody can sign in as it.</summary>
    private async Task<PortalUser> DemoAttendeeAsync(int number, Agency agency)
    {
        var email = $"attendee{number}@demo.learningportal.local";
        if (await users.FindByEmailAsync(email) is { } found)
        {
            return found;
        }

        var user = new PortalUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = $"Demo attendee {number}",
            JobRole = "Practitioner",
            AgencyId = agency.Id,
            CreatedUtc = clock.GetUtcNow().UtcDateTime,
        };
        var result = await users.CreateAsync(user);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("Could not create a demo attendee: " + string.Join("; ", result.Errors.Select(e => e.Description)));
        }

        await users.AddToRoleAsync(user, PortalRoles.Practitioner);
        return user;
    }

    private sealed class StarterFile
    {
        public List<StarterCourse> Courses { get; set; } = [];
    }

    private sealed class StarterCourse
    {
        public string Slug { get; set; } = "";

        public string Title { get; set; } = "";

        public string Summary { get; set; } = "";

        public string Description { get; set; } = "";

        public string Audience { get; set; } = "";

        public string Level { get; set; } = "";

        public string Length { get; set; } = "";

        public string Materials { get; set; } = "";

        public string? Prerequisite { get; set; }

        public bool LicensesGcp2 { get; set; }
    }
}
