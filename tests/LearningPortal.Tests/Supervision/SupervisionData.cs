using LearningPortal.Core.Content;
using LearningPortal.Core.Supervision;

namespace LearningPortal.Tests.Supervision;

/// <summary>Builders for supervision tests: published briefings, people, records made through the Core services.</summary>
public sealed class SupervisionData(SupervisionSite site)
{
    /// <summary>Publishes a briefing with two questions; returns it and its question set.</summary>
    public async Task<(DocumentVersion Version, QuestionSet Set)> BriefingAsync(string? title = null, Action<LearningBriefingFields>? change = null)
    {
        var version = await site.PublishNewAsync(Build.Briefing(title ?? "Briefing " + Guid.NewGuid().ToString("N")[..8], change));
        var set = await site.WithScopeAsync(sp => sp.GetRequiredService<PortalDbContext>().QuestionSets.AsNoTracking()
            .Include(s => s.Questions).SingleAsync(s => s.DocumentId == version.DocumentId));
        set.Questions.Sort((a, b) => a.Position.CompareTo(b.Position));
        return (version, set);
    }

    public Task<PortalUser> PersonAsync(string prefix = "person", params string[] roles) =>
        site.CreateUserAsync(TestUsers.UniqueEmail(prefix), TestUsers.Password, roles);

    public Task<PortalUser> SupervisorAsync() => PersonAsync("supervisor", PortalRoles.Supervisor);

    /// <summary>A client signed in with password and authenticator code, as supervision pages require.</summary>
    public async Task<PortalClient> SignedInAsync(PortalUser user)
    {
        var client = site.CreatePortalClient();
        await client.SignInWithTwoFactorAsync(user.Email!);
        return client;
    }

    /// <summary>Makes a record through the services: every question of the set discussed, one action per given owner.</summary>
    public async Task<int> RecordAsync(
        PortalUser supervisor,
        QuestionSet set,
        IReadOnlyList<PortalUser> participants,
        bool finalise = true,
        DiscussionKind kind = DiscussionKind.Group,
        DateOnly? heldOn = null,
        IReadOnlyList<(PortalUser Owner, DateOnly Due)>? actions = null,
        string discussion = "We talked about chronologies.",
        (int Before, int After)? confidence = null)
    {
        return await site.WithScopeAsync(async sp =>
        {
            var records = sp.GetRequiredService<DiscussionRecords>();
            var id = await records.StartAsync(supervisor.Id, new NewDiscussion(kind, heldOn ?? Today().AddDays(-1), set.Id, participants.Select(p => p.Id).ToList()));
            Assert.NotNull(id);
            var details = new DiscussionDetails(
                set.Questions.Where(q => q.IsCurrent).Select(q => new QuestionNote(q.QuestionId, discussion)).ToList(),
                "A practitioner described a referral.", "It was hard to see the child's day.", "Chronologies help.", "Use the screening tool.",
                (actions ?? []).Select(a => new ActionDraft("Complete a chronology for the case review", a.Owner.Id, a.Due)).ToList(),
                false, null, Today().AddDays(30),
                confidence is { } c ? participants.Select(p => new ParticipantConfidence(p.Id, c.Before, c.After)).ToList() : []);
            Assert.True((await records.SaveAsync(id!.Value, supervisor.Id, details, finalise)).Succeeded);
            return id.Value;
        });
    }

    public Task<T> WithDbAsync<T>(Func<PortalDbContext, Task<T>> work) =>
        site.WithScopeAsync(sp => work(sp.GetRequiredService<PortalDbContext>()));

    public static DateOnly Today() => DateOnly.FromDateTime(Core.Time.UkTime.FromUtc(DateTime.UtcNow));
}
