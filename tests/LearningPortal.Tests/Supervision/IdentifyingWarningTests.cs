namespace LearningPortal.Tests.Supervision;

/// <summary>
/// Saving a record or a reflection that looks like it identifies a child or family shows the text back highlighted
/// and saves nothing; saving exactly the same text again goes through, changed text is checked again.
/// </summary>
public class IdentifyingWarningTests(SupervisionSite site) : IClassFixture<SupervisionSite>
{
    private const string Identifying = "Home visit, DOB 12/03/2019, family at SW1A 1AA.";
    private readonly SupervisionData data = new(site);

    [Fact]
    public async Task A_record_that_looks_identifying_is_shown_back_highlighted_and_saved_only_when_saved_again()
    {
        var (_, set) = await data.BriefingAsync();
        var supervisor = await data.SupervisorAsync();
        var id = await data.RecordAsync(supervisor, set, [await data.PersonAsync(), await data.PersonAsync()], finalise: false);
        using var client = await data.SignedInAsync(supervisor);
        var editPath = $"/supervision/recording/{id}/edit";

        var warned = await client.SubmitFormAsync(editPath, new Dictionary<string, string> { ["Input.WhatHappened"] = Identifying, ["Intent"] = "draft" });

        Assert.Equal(HttpStatusCode.OK, warned.StatusCode);
        var page = await PortalClient.ParseAsync(warned);
        var warning = page.QuerySelector("#identifying-warning")!;
        Assert.Equal(["12/03/2019", "DOB", "SW1A 1AA"], warning.QuerySelectorAll("mark").Select(m => m.FirstChild!.TextContent).Order());
        Assert.Equal("#Input-WhatHappened", warning.QuerySelector("a[href^='#']")!.GetAttribute("href"));
        Assert.Equal(Identifying, page.QuerySelector("#Input-WhatHappened")!.TextContent.Trim());
        Assert.Equal("A practitioner described a referral.", await WhatHappenedAsync(id));

        // Changed, still identifying: checked again, still not saved.
        var changed = await PortalClient.ParseAsync(await client.SubmitFormAsync(page, editPath, new Dictionary<string, string> { ["Input.WhatHappened"] = "Mum's number is 07700 900123.", ["Intent"] = "draft" }));
        Assert.Equal("07700 900123", changed.QuerySelector("#identifying-warning mark")!.FirstChild!.TextContent);
        Assert.Equal("A practitioner described a referral.", await WhatHappenedAsync(id));

        // The same text again: saved as it is.
        var saved = await client.SubmitFormAsync(changed, editPath, new Dictionary<string, string> { ["Intent"] = "draft" });
        Assert.Equal("/supervision", saved.Headers.Location!.ToString());
        Assert.Equal("Mum's number is 07700 900123.", await WhatHappenedAsync(id));
    }

    [Fact]
    public async Task A_reflection_that_looks_identifying_is_checked_before_it_is_added()
    {
        var (_, set) = await data.BriefingAsync();
        var participant = await data.PersonAsync();
        var id = await data.RecordAsync(await data.SupervisorAsync(), set, [participant, await data.PersonAsync()]);
        using var client = await data.SignedInAsync(participant);
        var path = $"/supervision/records/{id}";
        const string form = "form[action*='handler=Reflect']";

        var warned = await PortalClient.ParseAsync(await client.SubmitFormAsync(path, new Dictionary<string, string> { ["Reflection"] = "I emailed jo.smith@example.org about it." }, form));

        Assert.Equal("jo.smith@example.org", warned.QuerySelector("#identifying-warning mark")!.FirstChild!.TextContent);
        Assert.Equal(0, await data.WithDbAsync(db => db.ParticipantReflections.CountAsync(r => r.RecordId == id)));
        var added = await client.SubmitFormAsync(warned, path, new Dictionary<string, string>(), form);
        Assert.Equal(path, added.Headers.Location!.ToString());
        Assert.Equal("I emailed jo.smith@example.org about it.", (await data.WithDbAsync(db => db.ParticipantReflections.SingleAsync(r => r.RecordId == id))).Text);
    }

    private Task<string?> WhatHappenedAsync(int id) =>
        data.WithDbAsync(db => db.DiscussionRecords.Where(r => r.Id == id).Select(r => r.WhatHappened).SingleAsync());
}
