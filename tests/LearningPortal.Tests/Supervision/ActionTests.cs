using LearningPortal.Core.Email;
using LearningPortal.Core.Supervision;

namespace LearningPortal.Tests.Supervision;

public class ActionTests(SupervisionSite site) : IClassFixture<SupervisionSite>
{
    private readonly SupervisionData data = new(site);

    [Fact]
    public async Task My_actions_shows_overdue_due_soon_and_open_actions_and_the_owner_marks_one_done_with_a_note()
    {
        var (_, set) = await data.BriefingAsync();
        var supervisor = await data.SupervisorAsync();
        var owner = await data.PersonAsync();
        var today = SupervisionData.Today();
        var id = await data.RecordAsync(supervisor, set, [owner], heldOn: today.AddDays(-60),
            actions: [(owner, today.AddDays(-2)), (owner, today.AddDays(5)), (owner, today.AddDays(60))]);
        using var client = await data.SignedInAsync(owner);
        var actionIds = await data.WithDbAsync(db => db.AgreedActions.Where(a => a.RecordId == id).OrderBy(a => a.DueOn).Select(a => a.Id).ToListAsync());

        var page = await client.GetDocumentAsync("/supervision/actions");
        var headings = page.QuerySelectorAll("main h2").Select(h => h.TextContent.Trim()).ToList();
        var empty = await client.SubmitFormAsync($"/supervision/actions/{actionIds[0]}/done", new Dictionary<string, string> { ["Note"] = "" });
        var done = await client.SubmitFormAsync($"/supervision/actions/{actionIds[0]}/done", new Dictionary<string, string> { ["Note"] = "Chronology shared with the team" });
        using var supervisorClient = await data.SignedInAsync(supervisor);
        var supervisorHome = await supervisorClient.GetDocumentAsync("/supervision");

        Assert.Equal(["Overdue (1)", "Due soon (1)", "Open (1)"], headings);
        Assert.Contains("Enter what was done", (await PortalClient.ParseAsync(empty)).QuerySelector(".govuk-error-summary")!.TextContent);
        Assert.Equal("/supervision/actions", done.Headers.Location!.ToString());
        var action = await data.WithDbAsync(db => db.AgreedActions.SingleAsync(a => a.Id == actionIds[0]));
        Assert.Equal(ActionStatus.Done, action.Status);
        Assert.Equal("Chronology shared with the team", action.DoneNote);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/supervision/actions/{actionIds[0]}/done")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await supervisorClient.GetAsync($"/supervision/actions/{actionIds[1]}/done")).StatusCode);
        var home = supervisorHome.QuerySelector("main")!.TextContent;
        Assert.Contains("Open actions from your records", home);
        Assert.Contains("Follow-ups coming up", home);
        Assert.Contains(today.AddDays(30).ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB")), home);
        Assert.Contains("Marked an action done", await data.WithDbAsync(db => db.RecordAuditEntries.Where(a => a.RecordId == id).Select(a => a.What).ToListAsync()));
    }

    [Fact]
    public async Task The_owner_gets_one_reminder_email_before_the_due_date_however_often_the_job_runs()
    {
        var (_, set) = await data.BriefingAsync();
        var supervisor = await data.SupervisorAsync();
        var owner = await data.PersonAsync("owner");
        var later = await data.PersonAsync("later");
        var today = SupervisionData.Today();
        var id = await data.RecordAsync(supervisor, set, [owner, later], actions: [(owner, today.AddDays(2)), (later, today.AddDays(20))]);
        var jobs = site.Services.GetRequiredService<SupervisionJobs>();

        await Task.WhenAll(jobs.RunOnceAsync(), jobs.RunOnceAsync());
        await jobs.RunOnceAsync();

        var message = await site.Smtp.WaitForMessageToAsync(owner.Email!);
        Assert.StartsWith("Reminder: a supervision action is due on", message.Subject);
        Assert.Contains("/supervision/actions", message.TextBody);
        Assert.DoesNotContain("chronology", message.TextBody, StringComparison.OrdinalIgnoreCase);
        var queued = await data.WithDbAsync(db => db.OutboxMessages.Where(m => m.ToAddress == owner.Email || m.ToAddress == later.Email).Select(m => m.ToAddress).ToListAsync());
        Assert.Equal([owner.Email!], queued);
        await Task.Delay(500);
        Assert.Single(site.Smtp.Messages, m => m.To.Mailboxes.Any(a => a.Address == owner.Email));
        Assert.NotNull(await data.WithDbAsync(db => db.AgreedActions.Where(a => a.RecordId == id && a.OwnerId == owner.Id).Select(a => a.ReminderSentUtc).SingleAsync()));
    }

    [Fact]
    public async Task A_participant_exports_their_own_records_as_a_page_and_a_csv_file()
    {
        var (_, set) = await data.BriefingAsync();
        var participant = await data.PersonAsync();
        await data.RecordAsync(await data.SupervisorAsync(), set, [participant], discussion: "Mine: the child's lived experience.");
        await data.RecordAsync(await data.SupervisorAsync(), set, [await data.PersonAsync()], discussion: "Someone else's discussion.");
        using var client = await data.SignedInAsync(participant);

        var page = await client.GetDocumentAsync("/supervision/export");
        var csvResponse = await client.GetAsync("/supervision/export?handler=Csv");
        var csv = await csvResponse.Content.ReadAsStringAsync();

        Assert.Contains("Mine: the child's lived experience.", page.QuerySelector("main")!.TextContent);
        Assert.DoesNotContain("Someone else's discussion.", page.DocumentElement.OuterHtml);
        Assert.Equal("text/csv", csvResponse.Content.Headers.ContentType!.MediaType);
        Assert.Contains("Mine: the child's lived experience.", csv);
        Assert.Contains(set.Questions[0].Text, csv);
        Assert.DoesNotContain("Someone else's discussion.", csv);
    }
}
