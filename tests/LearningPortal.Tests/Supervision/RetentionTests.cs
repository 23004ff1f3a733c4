using LearningPortal.Core.Supervision;

namespace LearningPortal.Tests.Supervision;

public class RetentionTests(SupervisionSite site) : IClassFixture<SupervisionSite>
{
    private readonly SupervisionData data = new(site);

    [Fact]
    public async Task The_retention_job_deletes_records_older_than_the_configured_period_with_everything_in_them()
    {
        var (_, set) = await data.BriefingAsync();
        var supervisor = await data.SupervisorAsync();
        var participant = await data.PersonAsync();
        var today = SupervisionData.Today();
        var expired = await data.RecordAsync(supervisor, set, [participant], heldOn: today.AddMonths(-SupervisionSite.RetentionMonths).AddDays(-1),
            actions: [(participant, today.AddDays(40))]);
        var kept = await data.RecordAsync(supervisor, set, [participant], heldOn: today.AddMonths(-SupervisionSite.RetentionMonths).AddDays(1));

        var run = await site.Services.GetRequiredService<SupervisionJobs>().RunOnceAsync();

        Assert.True(run.RecordsDeleted >= 1);
        var remaining = await data.WithDbAsync(async db => (
            Records: await db.DiscussionRecords.Where(r => r.Id == expired || r.Id == kept).Select(r => r.Id).ToListAsync(),
            Children: await db.AgreedActions.CountAsync(a => a.RecordId == expired) + await db.RecordAuditEntries.CountAsync(a => a.RecordId == expired)
                + await db.DiscussionParticipants.CountAsync(p => p.RecordId == expired) + await db.DiscussedQuestions.CountAsync(q => q.RecordId == expired)));
        Assert.Equal([kept], remaining.Records);
        Assert.Equal(0, remaining.Children);
    }

    [Fact]
    public async Task When_an_account_is_deleted_shared_records_stay_and_show_a_former_user()
    {
        var (_, set) = await data.BriefingAsync();
        var supervisor = await data.SupervisorAsync();
        var leaver = await data.PersonAsync("leaver");
        var stayer = await data.PersonAsync("stayer");
        var id = await data.RecordAsync(supervisor, set, [leaver, stayer], actions: [(leaver, SupervisionData.Today().AddDays(10))]);
        using (var leaverClient = await data.SignedInAsync(leaver))
        {
            await leaverClient.SubmitFormAsync($"/supervision/records/{id}", new Dictionary<string, string> { ["Reflection"] = "A leaver's reflection." }, "form[action*='handler=Reflect']");
        }

        await DeleteAccountAsync(leaver);
        await DeleteAccountAsync(supervisor);
        await site.Services.GetRequiredService<SupervisionJobs>().RunOnceAsync();
        using var client = await data.SignedInAsync(stayer);
        var page = await client.GetDocumentAsync($"/supervision/records/{id}");

        var text = page.QuerySelector("main")!.TextContent;
        Assert.Contains(DiscussionRecords.FormerUser, text);
        Assert.Contains(stayer.DisplayName, text);
        Assert.DoesNotContain(leaver.DisplayName, text);
        Assert.DoesNotContain(supervisor.DisplayName, text);
        Assert.Contains("A leaver's reflection.", text);
        var participants = await data.WithDbAsync(db => db.DiscussionParticipants.Where(p => p.RecordId == id).Select(p => p.UserId).ToListAsync());
        Assert.Equal(2, participants.Count);
        Assert.Contains(null, participants);
    }

    [Fact]
    public async Task A_record_nobody_can_read_any_more_is_deleted()
    {
        var (_, set) = await data.BriefingAsync();
        var supervisor = await data.SupervisorAsync();
        var participant = await data.PersonAsync();
        var id = await data.RecordAsync(supervisor, set, [participant]);

        await DeleteAccountAsync(participant);
        await DeleteAccountAsync(supervisor);
        await site.Services.GetRequiredService<SupervisionJobs>().RunOnceAsync();

        Assert.False(await data.WithDbAsync(db => db.DiscussionRecords.AnyAsync(r => r.Id == id)));
    }

    private Task<bool> DeleteAccountAsync(PortalUser user) =>
        site.WithScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<PortalUser>>();
            var result = await users.DeleteAsync((await users.FindByIdAsync(user.Id))!);
            Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Description)));
            return true;
        });
}
