using LearningPortal.Core.Supervision;

namespace LearningPortal.Tests.Supervision;

public class RecordingTests(SupervisionSite site) : IClassFixture<SupervisionSite>
{
    private readonly SupervisionData data = new(site);

    [Fact]
    public async Task Supervisor_starts_a_record_saves_a_draft_and_finalises_it()
    {
        var (_, set) = await data.BriefingAsync();
        var supervisor = await data.SupervisorAsync();
        var first = await data.PersonAsync();
        var second = await data.PersonAsync();
        using var client = await data.SignedInAsync(supervisor);
        var yesterday = SupervisionData.Today().AddDays(-1);
        var due = SupervisionData.Today().AddDays(20);

        var started = await client.SubmitFormAsync("/supervision/recording/new", new Dictionary<string, string>
        {
            ["Input.Kind"] = "TeamMeeting",
            ["Input.HeldOn.Day"] = yesterday.Day.ToString(),
            ["Input.HeldOn.Month"] = yesterday.Month.ToString(),
            ["Input.HeldOn.Year"] = yesterday.Year.ToString(),
            ["Input.QuestionSetId"] = set.Id.ToString(),
            ["Input.Participants"] = $"{first.Email}\n{second.Email}",
        });
        var editPath = started.Headers.Location!.ToString();
        var id = int.Parse(editPath.Split('/')[3]);
        var draft = await client.SubmitFormAsync(editPath, new Dictionary<string, string>
        {
            ["Input.Questions[0].Chosen"] = "true",
            ["Input.Questions[0].Discussion"] = "How the team notices early signs.",
            ["Input.Learning"] = "Look at the whole week, not one visit.",
            ["Input.Actions[0].What"] = "Share the screening tool at the next team meeting",
            ["Input.Actions[0].OwnerId"] = first.Id,
            ["Input.Actions[0].Due.Day"] = due.Day.ToString(),
            ["Input.Actions[0].Due.Month"] = due.Month.ToString(),
            ["Input.Actions[0].Due.Year"] = due.Year.ToString(),
            ["Input.Escalation"] = "no",
            ["Intent"] = "draft",
        });
        var participantClient = await data.SignedInAsync(first);
        var whileDraft = await participantClient.GetAsync($"/supervision/records/{id}");
        var finalised = await client.SubmitFormAsync(editPath, new Dictionary<string, string> { ["Intent"] = "finalise" });

        Assert.Equal("/supervision", draft.Headers.Location!.ToString());
        Assert.Equal(HttpStatusCode.NotFound, whileDraft.StatusCode);
        Assert.Equal($"/supervision/records/{id}", finalised.Headers.Location!.ToString());
        var record = await data.WithDbAsync(db => db.DiscussionRecords.Include(r => r.Questions).Include(r => r.Actions).Include(r => r.Participants).AsSplitQuery().SingleAsync(r => r.Id == id));
        Assert.Equal(RecordState.Final, record.State);
        Assert.Equal(DiscussionKind.TeamMeeting, record.Kind);
        Assert.Equal(yesterday, record.HeldOn);
        Assert.Equal(set.Questions[0].Text, Assert.Single(record.Questions).Wording);
        Assert.Equal("How the team notices early signs.", record.Questions[0].Discussion);
        Assert.Equal(first.Id, Assert.Single(record.Actions).OwnerId);
        Assert.Equal(new[] { first.Id, second.Id }.Order(), record.Participants.Select(p => p.UserId!).Order());
        var page = await participantClient.GetDocumentAsync($"/supervision/records/{id}");
        Assert.Contains("Look at the whole week, not one visit.", page.QuerySelector("main")!.TextContent);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(editPath)).StatusCode);
    }

    [Fact]
    public async Task Starting_a_record_checks_every_answer_and_keeps_what_was_typed()
    {
        using var client = await data.SignedInAsync(await data.SupervisorAsync());
        var (_, set) = await data.BriefingAsync();
        var first = await data.PersonAsync();
        var second = await data.PersonAsync();

        var empty = await PortalClient.ParseAsync(await client.SubmitFormAsync("/supervision/recording/new", new Dictionary<string, string>()));
        var oneToOne = await PortalClient.ParseAsync(await client.SubmitFormAsync("/supervision/recording/new", new Dictionary<string, string>
        {
            ["Input.Kind"] = "OneToOne",
            ["Input.HeldOn.Day"] = "31",
            ["Input.HeldOn.Month"] = "2",
            ["Input.HeldOn.Year"] = "2026",
            ["Input.QuestionSetId"] = set.Id.ToString(),
            ["Input.Participants"] = $"{first.Email}\n{second.Email}",
        }));
        var unknown = await PortalClient.ParseAsync(await client.SubmitFormAsync("/supervision/recording/new", new Dictionary<string, string>
        {
            ["Input.Kind"] = "Group",
            ["Input.QuestionSetId"] = set.Id.ToString(),
            ["Input.Participants"] = "nobody-here@example.org",
        }));

        var emptyErrors = empty.QuerySelector(".govuk-error-summary")!.TextContent;
        Assert.Contains("Select what kind of discussion it was", emptyErrors);
        Assert.Contains("Enter the date of the discussion", emptyErrors);
        Assert.Contains("Select a briefing or question set", emptyErrors);
        Assert.Contains("Enter the email addresses of the people who took part", emptyErrors);
        var oneToOneErrors = oneToOne.QuerySelector(".govuk-error-summary")!.TextContent;
        Assert.Contains("Date of the discussion must be a real date", oneToOneErrors);
        Assert.Contains("Enter one email address for one-to-one supervision", oneToOneErrors);
        Assert.Contains(first.Email!, oneToOne.QuerySelector("textarea[name='Input.Participants']")!.TextContent);
        Assert.Contains("No account uses nobody-here@example.org", unknown.QuerySelector(".govuk-error-summary")!.TextContent);
        var team = await PortalClient.ParseAsync(await client.SubmitFormAsync("/supervision/recording/new", new Dictionary<string, string>
        {
            ["Input.Kind"] = "TeamMeeting",
            ["Input.QuestionSetId"] = set.Id.ToString(),
            ["Input.Participants"] = first.Email!,
        }));
        Assert.Contains("Enter at least two email addresses for group supervision or a team meeting", team.QuerySelector(".govuk-error-summary")!.TextContent);
    }

    [Fact]
    public async Task The_error_summary_lists_errors_in_the_order_of_the_fields_on_the_page()
    {
        await data.BriefingAsync();
        using var client = await data.SignedInAsync(await data.SupervisorAsync());

        var page = await PortalClient.ParseAsync(await client.SubmitFormAsync("/supervision/recording/new", new Dictionary<string, string>()));

        var links = page.QuerySelectorAll(".govuk-error-summary a").Select(a => a.GetAttribute("href")!).ToList();
        // The order of the form: kind, date, briefing, participants (the page model checks them in another order).
        Assert.Equal(["#Input-Kind", "#Input-HeldOn", "#Input-QuestionSetId", "#Input-Participants"], links);
        Assert.All(links, l => Assert.NotNull(page.GetElementById(l[1..])));
    }

    [Fact]
    public async Task Finalising_needs_a_question_and_a_complete_action()
    {
        var (_, set) = await data.BriefingAsync();
        var supervisor = await data.SupervisorAsync();
        var participant = await data.PersonAsync();
        var id = await data.RecordAsync(supervisor, set, [participant], finalise: false);
        using var client = await data.SignedInAsync(supervisor);

        var response = await client.SubmitFormAsync($"/supervision/recording/{id}/edit", new Dictionary<string, string>
        {
            ["Input.Questions[0].Chosen"] = "false",
            ["Input.Questions[1].Chosen"] = "false",
            ["Input.Actions[0].What"] = "Something without an owner",
            ["Input.Escalation"] = "yes",
            ["Intent"] = "finalise",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var errors = (await PortalClient.ParseAsync(response)).QuerySelector(".govuk-error-summary")!.TextContent;
        Assert.Contains("Select at least one question that was discussed", errors);
        Assert.Contains("Select who will do action 1", errors);
        Assert.Contains("Enter the due date of action 1", errors);
        Assert.Contains("Enter what needs escalating and to whom", errors);
        Assert.Equal(RecordState.Draft, await data.WithDbAsync(db => db.DiscussionRecords.Where(r => r.Id == id).Select(r => r.State).SingleAsync()));
    }

    [Fact]
    public async Task A_supervisor_corrects_a_drafts_kind_date_and_participants_until_it_is_final()
    {
        var (_, set) = await data.BriefingAsync();
        var supervisor = await data.SupervisorAsync();
        var stays = await data.PersonAsync();
        var mistaken = await data.PersonAsync();
        var joins = await data.PersonAsync();
        var id = await data.RecordAsync(supervisor, set, [stays, mistaken], finalise: false, kind: DiscussionKind.TeamMeeting);
        using var client = await data.SignedInAsync(supervisor);
        var path = $"/supervision/recording/{id}/set-up";
        var heldOn = SupervisionData.Today().AddDays(-3);

        var form = await client.GetDocumentAsync(path);
        var changed = await client.SubmitFormAsync(path, new Dictionary<string, string>
        {
            ["Input.Kind"] = "Group",
            ["Input.HeldOn.Day"] = heldOn.Day.ToString(),
            ["Input.HeldOn.Month"] = heldOn.Month.ToString(),
            ["Input.HeldOn.Year"] = heldOn.Year.ToString(),
            ["Input.Participants"] = $"{stays.Email}\n{joins.Email}",
        });

        Assert.Contains(mistaken.Email!, form.QuerySelector("textarea[name='Input.Participants']")!.TextContent);
        Assert.Equal($"/supervision/recording/{id}/edit", changed.Headers.Location!.ToString());
        var record = await data.WithDbAsync(db => db.DiscussionRecords.Include(r => r.Participants).SingleAsync(r => r.Id == id));
        Assert.Equal(DiscussionKind.Group, record.Kind);
        Assert.Equal(heldOn, record.HeldOn);
        Assert.Equal(new[] { stays.Id, joins.Id }.Order(), record.Participants.Select(p => p.UserId!).Order());
        Assert.Contains("Changed the kind, date or who took part", await data.WithDbAsync(db => db.RecordAuditEntries.Where(a => a.RecordId == id).Select(a => a.What).ToListAsync()));
        await client.SubmitFormAsync($"/supervision/recording/{id}/edit", new Dictionary<string, string> { ["Input.Questions[0].Chosen"] = "true", ["Input.Escalation"] = "no", ["Intent"] = "finalise" });
        using var left = await data.SignedInAsync(mistaken);
        using var joined = await data.SignedInAsync(joins);
        Assert.Equal(HttpStatusCode.NotFound, (await left.GetAsync($"/supervision/records/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await joined.GetAsync($"/supervision/records/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(path)).StatusCode);
    }

    [Fact]
    public async Task Leaving_out_someone_who_owns_an_action_is_refused_and_changes_nothing()
    {
        var (_, set) = await data.BriefingAsync();
        var supervisor = await data.SupervisorAsync();
        var owner = await data.PersonAsync();
        var other = await data.PersonAsync();
        var third = await data.PersonAsync();
        var id = await data.RecordAsync(supervisor, set, [owner, other], finalise: false, actions: [(owner, SupervisionData.Today().AddDays(5))]);
        using var client = await data.SignedInAsync(supervisor);
        using var outsider = await data.SignedInAsync(await data.SupervisorAsync());

        var refused = await client.SubmitFormAsync($"/supervision/recording/{id}/set-up", new Dictionary<string, string> { ["Input.Participants"] = $"{other.Email}\n{third.Email}" });

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = await PortalClient.ParseAsync(refused);
        Assert.Contains($"{owner.DisplayName} still owns an agreed action", page.QuerySelector(".govuk-error-summary")!.TextContent);
        Assert.Contains(third.Email!, page.QuerySelector("textarea[name='Input.Participants']")!.TextContent);
        var participants = await data.WithDbAsync(db => db.DiscussionParticipants.Where(p => p.RecordId == id).Select(p => p.UserId!).ToListAsync());
        Assert.Equal(new[] { owner.Id, other.Id }.Order(), participants.Order());
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/supervision/recording/{id}/set-up")).StatusCode);
    }
}
