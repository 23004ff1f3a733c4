using LearningPortal.Core.Supervision;
using Microsoft.EntityFrameworkCore;

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
}
