using LearningPortal.Core.Email;

namespace LearningPortal.Tests.Training;

/// <summary>Builds courses, sessions and people for training tests, straight into the site's database.</summary>
public sealed partial class TrainingData(PortalFactory site)
{
    public PortalFactory Site => site;

    public async Task<Course> CourseAsync(Action<Course>? change = null)
    {
        var id = Guid.NewGuid().ToString("N")[..8];
        var course = new Course
        {
            Title = $"Understanding Neglect {id}",
            Slug = $"understanding-neglect-{id}",
            Summary = "How to recognise neglect and what to do.",
            Description = "Neglect is the most common reason for a child protection plan.\n\n- Recognise neglect\n- Use the screening tool",
            Audience = "Practitioners in every agency",
            Level = CourseLevel.Introductory,
            Length = "Half day (3 hours)",
            Materials = "Read the [neglect strategy](https://example.org/strategy) first.",
            CreatedUtc = DateTime.UtcNow,
            UpdatedUtc = DateTime.UtcNow,
        };
        change?.Invoke(course);
        await site.WithDbAsync(async db =>
        {
            db.Courses.Add(course);
            await db.SaveChangesAsync();
        });
        return course;
    }

    /// <summary>A session two weeks ahead, 9:30am to 12:30pm, open for booking now, closing the day before.</summary>
    public async Task<TrainingSession> SessionAsync(Course? course = null, Action<TrainingSession>? change = null)
    {
        course ??= await CourseAsync();
        var start = DateTime.UtcNow.Date.AddDays(14).AddHours(9.5);
        var session = new TrainingSession
        {
            CourseId = course.Id,
            StartUtc = start,
            EndUtc = start.AddHours(3),
            Format = SessionFormat.InPerson,
            Venue = "Riverside Civic Centre, Room 2",
            Capacity = 10,
            BookingOpensUtc = DateTime.UtcNow.AddDays(-7),
            BookingClosesUtc = start.AddDays(-1),
            Trainer = "Sam Trainer",
            CreatedUtc = DateTime.UtcNow,
        };
        change?.Invoke(session);
        await site.WithDbAsync(async db =>
        {
            db.TrainingSessions.Add(session);
            await db.SaveChangesAsync();
        });
        session.Course = course;
        return session;
    }

    /// <summary>People without passwords (quick to make; they cannot sign in), all in the given or first agency.</summary>
    public async Task<List<PortalUser>> PeopleAsync(int count, int? agencyId = null, string prefix = "person")
    {
        var people = new List<PortalUser>();
        await site.WithDbAsync(async db =>
        {
            var agency = agencyId ?? await db.Agencies.OrderBy(a => a.SortOrder).Select(a => a.Id).FirstAsync();
            for (var i = 0; i < count; i++)
            {
                var email = TestUsers.UniqueEmail($"{prefix}{i}");
                var user = new PortalUser
                {
                    UserName = email,
                    NormalizedUserName = email.ToUpperInvariant(),
                    Email = email,
                    NormalizedEmail = email.ToUpperInvariant(),
                    EmailConfirmed = true,
                    SecurityStamp = Guid.NewGuid().ToString("N"),
                    DisplayName = $"Person {i} {email[..12]}",
                    JobRole = "Health visitor",
                    AgencyId = agency,
                    CreatedUtc = DateTime.UtcNow,
                };
                db.Users.Add(user);
                people.Add(user);
            }

            await db.SaveChangesAsync();
        });
        return people;
    }

    public async Task<PortalUser> PersonAsync(int? agencyId = null, string prefix = "person") => (await PeopleAsync(1, agencyId, prefix))[0];

    public Task<List<int>> AgencyIdsAsync() =>
        Site.WithScopeAsync(sp => sp.GetRequiredService<PortalDbContext>().Agencies.OrderBy(a => a.SortOrder).Select(a => a.Id).ToListAsync());

    public static BookingRequest RequestFor(TrainingSession session, PortalUser person, string? managerEmail = null) =>
        new(session.Id, person.Id, person.DisplayName, person.AgencyId, person.JobRole, "Step-free access", null,
            managerEmail is null ? null : "Morgan Manager", managerEmail);

    public Task<Outcome<BookedPlace>> BookAsync(TrainingSession session, PortalUser person, string? managerEmail = null) =>
        Site.WithScopeAsync(sp => sp.GetRequiredService<BookingService>().BookAsync(RequestFor(session, person, managerEmail)));

    public Task<T> WithAsync<TService, T>(Func<TService, Task<T>> work)
        where TService : notnull =>
        Site.WithScopeAsync(sp => work(sp.GetRequiredService<TService>()));

    public Task<Booking> BookingAsync(int bookingId) =>
        Site.WithScopeAsync(sp => sp.GetRequiredService<PortalDbContext>().Bookings.AsNoTracking()
            .Include(b => b.Attendance).SingleAsync(b => b.Id == bookingId));

    public Task<Booking> BookingAsync(TrainingSession session, PortalUser person) =>
        Site.WithScopeAsync(sp => sp.GetRequiredService<PortalDbContext>().Bookings.AsNoTracking()
            .Include(b => b.Attendance).SingleAsync(b => b.SessionId == session.Id && b.UserId == person.Id));

    public Task<TrainingSession> ReloadAsync(TrainingSession session) =>
        Site.WithScopeAsync(sp => sp.GetRequiredService<PortalDbContext>().TrainingSessions.AsNoTracking()
            .Include(s => s.Course).SingleAsync(s => s.Id == session.Id));

    /// <summary>The outbox messages queued to an address, oldest first.</summary>
    public Task<List<OutboxMessage>> EmailsToAsync(string address) =>
        Site.WithScopeAsync(sp => sp.GetRequiredService<PortalDbContext>().OutboxMessages.AsNoTracking()
            .Where(m => m.ToAddress == address).OrderBy(m => m.Id).ToListAsync());

    /// <summary>Moves a session (and its booking window) so it started <paramref name="ago"/> ago, for register tests.</summary>
    public Task MoveIntoPastAsync(TrainingSession session, TimeSpan ago) =>
        Site.WithDbAsync(db =>
        {
            var start = DateTime.UtcNow - ago;
            return db.TrainingSessions.Where(s => s.Id == session.Id).ExecuteUpdateAsync(s => s
                .SetProperty(x => x.StartUtc, start)
                .SetProperty(x => x.EndUtc, start + (session.EndUtc - session.StartUtc))
                .SetProperty(x => x.BookingOpensUtc, start.AddDays(-30))
                .SetProperty(x => x.BookingClosesUtc, start.AddDays(-1)));
        });

    /// <summary>The token in an approval email's link.</summary>
    public static string ApprovalToken(OutboxMessage email) =>
        ApprovalLink().Match(email.TextBody) is { Success: true } m ? m.Groups[1].Value : throw new InvalidOperationException("No approval link in: " + email.TextBody);

    [GeneratedRegex(@"/training/approval/([A-Za-z0-9_\-]+)")]
    private static partial Regex ApprovalLink();

    public static Actor Staff { get; } = new(null, "Test editor");
}
