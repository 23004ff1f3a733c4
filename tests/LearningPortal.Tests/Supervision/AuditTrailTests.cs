using LearningPortal.Core.Supervision;

namespace LearningPortal.Tests.Supervision;

public class AuditTrailTests(SupervisionSite site) : IClassFixture<SupervisionSite>
{
    private readonly SupervisionData data = new(site);

    [Fact]
    public async Task Every_read_and_change_is_written_to_the_record_audit_trail_and_shown_to_the_people_in_it()
    {
        var (_, set) = await data.BriefingAsync();
        var supervisor = await data.SupervisorAsync();
        var participant = await data.PersonAsync();
        var id = await data.RecordAsync(supervisor, set, [participant]);
        using var participantClient = await data.SignedInAsync(participant);
        using var supervisorClient = await data.SignedInAsync(supervisor);

        await participantClient.GetDocumentAsync($"/supervision/records/{id}");
        await participantClient.SubmitFormAsync($"/supervision/records/{id}", new Dictionary<string, string> { ["Reflection"] = "I will use chronologies." }, "form[action*='handler=Reflect']");
        var page = await supervisorClient.GetDocumentAsync($"/supervision/records/{id}");

        var trail = await data.WithDbAsync(db => db.RecordAuditEntries.Where(a => a.RecordId == id).OrderBy(a => a.Id).ToListAsync());
        Assert.Equal(
            [(supervisor.Id, RecordAuditKind.Change, "Started the record"), (supervisor.Id, RecordAuditKind.Change, "Finalised the record"),
             (participant.Id, RecordAuditKind.Read, "Read the record"), (participant.Id, RecordAuditKind.Read, "Read the record"),
             (participant.Id, RecordAuditKind.Change, "Added a reflection"), (supervisor.Id, RecordAuditKind.Read, "Read the record")],
            trail.Select(a => (a.UserId!, a.Kind, a.What)));
        var history = page.QuerySelectorAll("table")[^1].TextContent;
        Assert.Contains(participant.DisplayName, history);
        Assert.Contains("Added a reflection", history);
        Assert.Contains("Finalised the record", history);
    }

    [Fact]
    public async Task Lists_that_show_an_actions_wording_audit_a_read_of_its_record_and_lists_of_titles_do_not()
    {
        var (_, set) = await data.BriefingAsync();
        var supervisor = await data.SupervisorAsync();
        var owner = await data.PersonAsync();
        var bystander = await data.PersonAsync();
        var id = await data.RecordAsync(supervisor, set, [owner, bystander], actions: [(owner, SupervisionData.Today().AddDays(10))]);
        using var ownerClient = await data.SignedInAsync(owner);
        using var supervisorClient = await data.SignedInAsync(supervisor);
        using var bystanderClient = await data.SignedInAsync(bystander);
        var actionId = await data.WithDbAsync(db => db.AgreedActions.Where(a => a.RecordId == id).Select(a => a.Id).SingleAsync());

        await ownerClient.GetDocumentAsync("/supervision/actions");
        await ownerClient.GetDocumentAsync($"/supervision/actions/{actionId}/done");
        await supervisorClient.GetDocumentAsync("/supervision");
        await bystanderClient.GetDocumentAsync("/supervision");
        await bystanderClient.GetDocumentAsync("/supervision/actions");

        var reads = await data.WithDbAsync(db => db.RecordAuditEntries.Where(a => a.RecordId == id && a.Kind == RecordAuditKind.Read).OrderBy(a => a.Id).ToListAsync());
        Assert.Equal(
            [(owner.Id, "Saw its actions in My actions"), (owner.Id, "Opened an action to mark it done"), (supervisor.Id, "Saw its actions on the supervision home page")],
            reads.Select(a => (a.UserId!, a.What)));
    }
}
