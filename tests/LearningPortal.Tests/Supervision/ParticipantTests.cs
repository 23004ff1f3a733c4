namespace LearningPortal.Tests.Supervision;

public class ParticipantTests(SupervisionSite site) : IClassFixture<SupervisionSite>
{
    private readonly SupervisionData data = new(site);

    [Fact]
    public async Task A_participant_reads_the_record_adds_a_reflection_and_acknowledges_it_once()
    {
        var (_, set) = await data.BriefingAsync();
        var supervisor = await data.SupervisorAsync();
        var participant = await data.PersonAsync();
        var id = await data.RecordAsync(supervisor, set, [participant, await data.PersonAsync()]);
        using var client = await data.SignedInAsync(participant);

        var empty = await client.SubmitFormAsync($"/supervision/records/{id}", new Dictionary<string, string> { ["Reflection"] = "" }, "form[action*='handler=Reflect']");
        var added = await client.SubmitFormAsync($"/supervision/records/{id}", new Dictionary<string, string> { ["Reflection"] = "Seeing the week, not the visit." }, "form[action*='handler=Reflect']");
        var acknowledged = await client.SubmitFormAsync($"/supervision/records/{id}", new Dictionary<string, string>(), "form[action*='handler=Acknowledge']");
        var page = await client.GetDocumentAsync($"/supervision/records/{id}");

        Assert.Contains("Enter your reflection", (await PortalClient.ParseAsync(empty)).QuerySelector(".govuk-error-summary")!.TextContent);
        Assert.Equal($"/supervision/records/{id}", added.Headers.Location!.ToString());
        Assert.Equal($"/supervision/records/{id}", acknowledged.Headers.Location!.ToString());
        Assert.Contains("Seeing the week, not the visit.", page.QuerySelector("main")!.TextContent);
        Assert.Null(page.QuerySelector("form[action*='handler=Acknowledge']"));
        var participantRow = await data.WithDbAsync(db => db.DiscussionParticipants.SingleAsync(p => p.RecordId == id && p.UserId == participant.Id));
        Assert.NotNull(participantRow.AcknowledgedUtc);
        Assert.Equal(participant.Id, (await data.WithDbAsync(db => db.ParticipantReflections.SingleAsync(r => r.RecordId == id))).AuthorId);
    }
}
