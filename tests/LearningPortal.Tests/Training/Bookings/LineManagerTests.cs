namespace LearningPortal.Tests.Training.Bookings;

/// <summary>Line-manager approval needs someone else: the approver is never the booker, now or by an old address.</summary>
public class LineManagerTests(TrainingSite site) : IClassFixture<TrainingSite>
{
    private readonly TrainingData data = new(site);

    [Fact]
    public async Task Booking_that_names_yourself_as_line_manager_is_refused_and_nothing_is_held()
    {
        var session = await data.SessionAsync(change: s => s.RequiresManagerApproval = true);
        var person = await data.PersonAsync();

        var result = await data.BookAsync(session, person, managerEmail: person.Email!.ToUpperInvariant());

        Assert.True(result.RefusedBecause(TrainingRefusal.LineManagerIsSelf), result.ToString());
        Assert.Equal(0, (await data.ReloadAsync(session)).PlacesTaken);
        Assert.DoesNotContain(await data.EmailsToAsync(person.Email!), m => m.Subject.Contains("approve", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Booking_that_names_an_old_address_of_your_own_as_line_manager_is_refused()
    {
        var session = await data.SessionAsync(change: s => s.RequiresManagerApproval = true);
        var person = await data.PersonAsync();
        const string oldAddress = "Old.Me@Example.org";
        await site.WithScopeAsync(async sp =>
        {
            sp.GetRequiredService<LineManagers>().RememberPreviousAddress(person.Id, oldAddress);
            return await sp.GetRequiredService<PortalDbContext>().SaveChangesAsync();
        });

        var result = await data.BookAsync(session, person, managerEmail: " old.me@example.org ");

        Assert.True(result.RefusedBecause(TrainingRefusal.LineManagerIsSelf), result.ToString());
    }

    [Fact]
    public async Task Booking_with_a_line_manager_saves_them_to_the_profile_with_an_audit_entry()
    {
        var session = await data.SessionAsync(change: s => s.RequiresManagerApproval = true);
        var person = await data.PersonAsync();

        var result = await data.BookAsync(session, person, managerEmail: "morgan.manager@example.org");

        Assert.Equal(BookingOutcome.AwaitingApproval, result.Value!.Outcome);
        var (user, audit) = await site.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<PortalDbContext>();
            return (await db.Users.AsNoTracking().SingleAsync(u => u.Id == person.Id),
                await db.AuditEntries.AsNoTracking().Where(a => a.SubjectId == person.Id && a.Action == "account.line-manager.changed").ToListAsync());
        });
        Assert.Equal("morgan.manager@example.org", user.LineManagerEmail);
        Assert.Equal("Morgan Manager", user.LineManagerName);
        Assert.Single(audit);
    }

    [Fact]
    public async Task The_booker_signed_in_cannot_decide_on_their_own_approval()
    {
        var session = await data.SessionAsync(change: s => s.RequiresManagerApproval = true);
        var person = await data.PersonAsync();
        await data.BookAsync(session, person, managerEmail: "a.manager@example.org");
        var token = TrainingData.ApprovalToken((await data.EmailsToAsync("a.manager@example.org")).Single());

        var result = await data.WithAsync<ManagerApproval, Outcome<int>>(a => a.DecideAsync(token, approve: true, null, deciderUserId: person.Id));

        Assert.True(result.RefusedBecause(TrainingRefusal.LineManagerIsSelf), result.ToString());
        Assert.Equal(BookingStatus.PendingApproval, (await data.BookingAsync(session, person)).Status);
    }

    [Fact]
    public async Task Line_manager_page_refuses_your_own_address_and_fills_in_the_profile()
    {
        var email = TestUsers.UniqueEmail("self-approver");
        var user = await site.CreateUserAsync(email);
        using var client = site.CreatePortalClient();
        await client.SignInAsync(email);

        var own = await PortalClient.ParseAsync(await client.SubmitFormAsync("/account/change-line-manager",
            new Dictionary<string, string> { ["Input.Name"] = "Me Myself", ["Input.Email"] = email }));
        Assert.Contains("not your own", own.QuerySelector(".govuk-error-summary")!.TextContent);

        await client.SubmitFormAsync("/account/change-line-manager",
            new Dictionary<string, string> { ["Input.Name"] = "Pat Lead", ["Input.Email"] = "pat.lead@example.org" });
        var account = await client.GetDocumentAsync("/account");
        Assert.Contains("Pat Lead (pat.lead@example.org)", account.QuerySelector("main")!.TextContent);

        var session = await data.SessionAsync(change: s => s.RequiresManagerApproval = true);
        await client.SubmitFormAsync($"/training/book/{session.Id}/your-details", new Dictionary<string, string>());
        var managerPage = await client.GetDocumentAsync($"/training/book/{session.Id}/line-manager");
        Assert.Equal("pat.lead@example.org", ((AngleSharp.Html.Dom.IHtmlInputElement)managerPage.QuerySelector("#Input-Email")!).Value);

        var refused = await PortalClient.ParseAsync(await client.SubmitFormAsync($"/training/book/{session.Id}/line-manager",
            new Dictionary<string, string> { ["Input.Name"] = "Me", ["Input.Email"] = email }));
        Assert.Contains("not your own", refused.QuerySelector(".govuk-error-summary")!.TextContent);
        var audited = await site.WithScopeAsync(sp => sp.GetRequiredService<PortalDbContext>().AuditEntries
            .CountAsync(a => a.SubjectId == user.Id && a.Action == "account.line-manager.changed"));
        Assert.Equal(1, audited);
    }
}
