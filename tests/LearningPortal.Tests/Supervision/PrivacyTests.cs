using LearningPortal.Core.Supervision;

namespace LearningPortal.Tests.Supervision;

/// <summary>A record is read only by its supervisor and participants: everyone else gets not found, by address and by identifier.</summary>
public class PrivacyTests(SupervisionSite site) : IClassFixture<SupervisionSite>
{
    private readonly SupervisionData data = new(site);

    public static TheoryData<string> Outsiders => new() { PortalRoles.Practitioner, PortalRoles.Supervisor, PortalRoles.Editor, PortalRoles.Administrator };

    [Theory]
    [MemberData(nameof(Outsiders))]
    public async Task Nobody_outside_the_record_can_open_it_by_address(string role)
    {
        var (_, set) = await data.BriefingAsync();
        var owner = await data.PersonAsync();
        var id = await data.RecordAsync(await data.SupervisorAsync(), set, [owner, await data.PersonAsync()], actions: [(owner, SupervisionData.Today().AddDays(10))]);
        var actionId = await data.WithDbAsync(db => db.AgreedActions.Where(a => a.RecordId == id).Select(a => a.Id).SingleAsync());
        using var outsider = await data.SignedInAsync(await data.PersonAsync("outsider", role));

        var read = await outsider.GetAsync($"/supervision/records/{id}");
        var done = await outsider.GetAsync($"/supervision/actions/{actionId}/done");
        var list = await outsider.GetDocumentAsync("/supervision");
        var mine = await outsider.GetDocumentAsync("/supervision/actions");
        var export = await outsider.GetAsync("/supervision/export?handler=Csv");

        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, done.StatusCode);
        Assert.DoesNotContain($"/supervision/records/{id}\"", list.DocumentElement.OuterHtml);
        Assert.DoesNotContain("Complete a chronology", mine.DocumentElement.OuterHtml);
        Assert.DoesNotContain("chronologies", await export.Content.ReadAsStringAsync());
        if (role == PortalRoles.Supervisor)
        {
            Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/supervision/recording/{id}/edit")).StatusCode);
        }
    }

    [Theory]
    [MemberData(nameof(Outsiders))]
    public async Task Nobody_outside_the_record_can_reflect_on_or_acknowledge_it(string role)
    {
        var (_, set) = await data.BriefingAsync();
        var participant = await data.PersonAsync();
        var id = await data.RecordAsync(await data.SupervisorAsync(), set, [participant]);
        using var outsider = await data.SignedInAsync(await data.PersonAsync("outsider", role));
        using var insider = await data.SignedInAsync(participant);
        var page = await insider.GetDocumentAsync($"/supervision/records/{id}");

        // The outsider replays a participant's form (with their own anti-forgery token from a page they can open).
        var token = (await outsider.GetDocumentAsync("/supervision/actions")).QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value");
        var tokenFromOwnForm = token ?? await OwnTokenAsync(outsider);
        using var reflect = new HttpRequestMessage(HttpMethod.Post, $"/supervision/records/{id}?handler=Reflect")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["Reflection"] = "Not mine to add", ["__RequestVerificationToken"] = tokenFromOwnForm }),
        };
        using var acknowledge = new HttpRequestMessage(HttpMethod.Post, $"/supervision/records/{id}?handler=Acknowledge")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = tokenFromOwnForm }),
        };

        Assert.NotNull(page.QuerySelector("form[action*='handler=Reflect']"));
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.SendAsync(reflect)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.SendAsync(acknowledge)).StatusCode);
        Assert.Equal(0, await data.WithDbAsync(db => db.ParticipantReflections.CountAsync(r => r.RecordId == id)));
    }

    [Fact]
    public async Task The_record_service_finds_nothing_for_anyone_outside_the_record_by_identifier()
    {
        var (_, set) = await data.BriefingAsync();
        var supervisor = await data.SupervisorAsync();
        var participant = await data.PersonAsync();
        var id = await data.RecordAsync(supervisor, set, [participant]);
        var draftId = await data.RecordAsync(supervisor, set, [participant], finalise: false);
        var outsiders = new List<PortalUser>();
        foreach (var role in new[] { PortalRoles.Practitioner, PortalRoles.Supervisor, PortalRoles.Editor, PortalRoles.Administrator })
        {
            outsiders.Add(await data.PersonAsync("outsider", role));
        }

        await site.WithScopeAsync(async sp =>
        {
            var records = sp.GetRequiredService<DiscussionRecords>();
            foreach (var outsider in outsiders)
            {
                Assert.Null(await records.OpenAsync(id, outsider.Id));
                Assert.Null(await records.OpenDraftAsync(id, outsider.Id));
                Assert.Empty(await records.ListAsync(outsider.Id));
                Assert.Equal(Refusal.NotFound, (await records.AddReflectionAsync(id, outsider.Id, "x")).Refusal);
                Assert.Equal(Refusal.NotFound, (await records.AcknowledgeAsync(id, outsider.Id)).Refusal);
            }

            Assert.NotNull(await records.OpenAsync(id, supervisor.Id));
            Assert.NotNull(await records.OpenAsync(id, participant.Id));
            Assert.Null(await records.OpenAsync(draftId, participant.Id));
            Assert.NotNull(await records.OpenAsync(draftId, supervisor.Id));
            return true;
        });
    }

    private static async Task<string> OwnTokenAsync(Infrastructure.PortalClient client) =>
        (await client.GetDocumentAsync("/account/change-details")).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
}
