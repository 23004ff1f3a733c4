using LearningPortal.Core.Time;

namespace LearningPortal.Tests.Training;

/// <summary>A site started as Development starts: Training:DemoSessions on.</summary>
public sealed class DemoSessionsSite : PortalFactory
{
    protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?> { ["Training:DemoSessions"] = "true" };
}

/// <summary>Without the setting (Production and the test host): the standing courses, and no invented sessions.</summary>
public class StarterCoursesTests(PortalFactory site) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task A_fresh_start_imports_the_standing_courses_but_no_sessions()
    {
        var courses = await site.WithScopeAsync(sp => sp.GetRequiredService<PortalDbContext>().Courses.AsNoTracking().Include(c => c.Sessions).Include(c => c.PrerequisiteCourse).ToListAsync());

        var gcp2 = courses.Single(c => c.Slug == "gcp2-practitioner-training");
        var neglect = courses.Single(c => c.Slug == "understanding-neglect");
        Assert.Equal("Graded Care Profile 2 (GCP2) practitioner training", gcp2.Title);
        Assert.True(gcp2.LicensesGcp2);
        Assert.Null(gcp2.PrerequisiteCourse); // bookable by anyone on the first day
        Assert.Equal("Understanding neglect", neglect.Title);
        Assert.False(neglect.LicensesGcp2);
        Assert.All(courses.Where(c => c.Slug is "gcp2-practitioner-training" or "understanding-neglect" or "using-the-neglect-screening-tool"), c => Assert.Empty(c.Sessions));

        using var client = site.CreatePortalClient();
        var page = await client.GetDocumentAsync("/training");
        Assert.Contains("Graded Care Profile 2 (GCP2) practitioner training", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("There are no courses", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Importing_again_leaves_existing_courses_alone()
    {
        var imported = await site.WithScopeAsync(async sp =>
        {
            var paths = sp.GetRequiredService<LearningPortal.Web.Infrastructure.PortalPaths>();
            return await sp.GetRequiredService<LearningPortal.Web.Training.StarterTraining>().ImportCoursesAsync(Path.Combine(paths.Content, "training"));
        });

        Assert.Equal(0, imported);
        Assert.Equal(1, await site.WithScopeAsync(sp => sp.GetRequiredService<PortalDbContext>().Courses.CountAsync(c => c.Slug == "gcp2-practitioner-training")));
    }
}

public class DemoSessionsTests(DemoSessionsSite site) : IClassFixture<DemoSessionsSite>
{
    [Fact]
    public async Task Development_makes_upcoming_sessions_from_today_in_person_online_nearly_full_and_needing_approval()
    {
        var sessions = await site.WithScopeAsync(sp => sp.GetRequiredService<PortalDbContext>().TrainingSessions.AsNoTracking().Include(s => s.Course).ToListAsync());
        var now = DateTime.UtcNow;
        var gcp2 = sessions.Where(s => s.Course.Slug == "gcp2-practitioner-training").ToList();

        Assert.NotEmpty(gcp2);
        Assert.All(sessions, s => Assert.True(s.StartUtc > now && s.StartUtc < now.AddDays(40), $"{s.Course.Title} on {UkTime.Format(s.StartUtc)}"));
        Assert.All(sessions, s => Assert.True(s.BookingOpensUtc <= now && s.BookingClosesUtc < s.StartUtc));
        Assert.Contains(sessions, s => s.Format == SessionFormat.InPerson);
        Assert.Contains(sessions, s => s.Format == SessionFormat.Online);
        Assert.Contains(gcp2, s => s.RequiresManagerApproval);
        Assert.Contains(gcp2, s => s.PlacesLeft == 1 && !s.RequiresManagerApproval);
        Assert.Contains(gcp2, s => s.PlacesLeft > 1 && !s.RequiresManagerApproval);
        Assert.Contains(sessions, s => s.Course.Slug == "understanding-neglect");
    }

    [Fact]
    public async Task The_demo_bookings_are_in_Impacts_figures_from_the_start()
    {
        // Without copies the nearly full session would show no GCP2 places booked on the impact pages until rebuild-impact.
        var (bookings, copies) = await site.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<PortalDbContext>();
            var booked = await db.Bookings.AsNoTracking().Select(b => new { b.Id, b.SessionId, b.AgencyId, HoldsPlace = b.Status == BookingStatus.Confirmed }).OrderBy(b => b.Id).ToListAsync();
            var copied = await db.ImpactBookings.AsNoTracking().Select(c => new { Id = c.BookingId, c.SessionId, c.AgencyId, c.HoldsPlace }).OrderBy(c => c.Id).ToListAsync();
            return (booked, copied);
        });

        Assert.NotEmpty(bookings);
        Assert.Equal(bookings, copies);
    }

    [Fact]
    public async Task A_new_user_can_book_gcp2_straight_away()
    {
        var session = await site.WithScopeAsync(sp => sp.GetRequiredService<PortalDbContext>().TrainingSessions.AsNoTracking().Include(s => s.Course)
            .Where(s => s.Course.Slug == "gcp2-practitioner-training" && !s.RequiresManagerApproval && s.Capacity - s.PlacesTaken > 1).OrderBy(s => s.StartUtc).FirstAsync());
        using var client = await site.SignedInClientAsync("new-starter");

        var course = await client.GetDocumentAsync("/training/gcp2-practitioner-training");
        Assert.NotNull(course.QuerySelector("a[href='/training/gcp2-practitioner-training/book']"));
        await client.SubmitFormAsync("/training/gcp2-practitioner-training/book", new Dictionary<string, string> { ["SessionId"] = session.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        await client.SubmitFormAsync($"/training/book/{session.Id}/your-details", new Dictionary<string, string> { ["Input.JobRole"] = "Health visitor" });
        await client.SubmitFormAsync($"/training/book/{session.Id}/needs", new Dictionary<string, string>());
        var booked = await client.SubmitFormAsync($"/training/book/{session.Id}/check", new Dictionary<string, string>());

        Assert.Equal($"/training/book/{session.Id}/confirmation", booked.Headers.Location?.ToString());
    }
}
