using AngleSharp.Dom;
using LearningPortal.Core.ActionPlans;
using LearningPortal.Core.Impact;
using LearningPortal.Core.Supervision;
using LearningPortal.Tests.Manage;
using LearningPortal.Tests.Supervision;

namespace LearningPortal.Tests.Impact;

/// <summary>
/// The Reflection and Actions sections of /manage/impact/briefings/{slug}: finalised discussions (seeded as Supervision
/// and Impact's feed would leave them) counted by kind and month with 1, 2 and 3 contributors in every agency filter,
/// the second cell hidden against subtraction, actions agreed and done, confidence averages shown only when enough
/// people answered, the plan's actions by standing, the CSV per table, and nobody named.
/// </summary>
public class ImpactSectionsTests(SupervisionSite site) : IClassFixture<SupervisionSite>
{
    private const string March = "from=2025-03&to=2025-03";
    private readonly SupervisionData data = new(site);

    [Fact]
    public async Task Reflection_counts_discussions_by_kind_with_one_two_and_three_per_agency_and_hides_averages_of_too_few()
    {
        var (briefing, _) = await data.BriefingAsync("Reflection " + Guid.NewGuid().ToString("N")[..6]);
        var (a, b, c) = await AgenciesAsync();
        var people = await PeopleAsync(6);
        var march = new DateOnly(2025, 3, 10);
        await site.WithDbAsync(async db =>
        {
            // a: one one-to-one (confidence 2 to 4, its action done); b: two group discussions (1 to 3 and 3 to 4, actions open);
            // c: three team meetings (2 to 3 each, actions done).
            await AddDiscussionAsync(db, briefing.DocumentId, DiscussionKind.OneToOne, march, a, people[0], (2, 4), done: true);
            await AddDiscussionAsync(db, briefing.DocumentId, DiscussionKind.Group, march, b, people[1], (1, 3), done: false);
            await AddDiscussionAsync(db, briefing.DocumentId, DiscussionKind.Group, march, b, people[2], (3, 4), done: false);
            for (var i = 3; i < 6; i++)
            {
                await AddDiscussionAsync(db, briefing.DocumentId, DiscussionKind.TeamMeeting, march, c, people[i], (2, 3), done: true);
            }

            await db.SaveChangesAsync();
        });

        using var client = await EditorAsync();
        var all = await client.GetDocumentAsync($"/manage/impact/briefings/{briefing.Slug}?{March}");
        Assert.Equal(["fewer than 3", "fewer than 3", "3", "6"], Cells(all, "#discussion-table"));
        Assert.Equal(["6", "6"], Cells(all, "#discussion-month-table"));
        Assert.Equal(["6", "4", "6", "2.0", "3.3", "+1.3"], Cells(all, "#reflection-table"));

        // One agency at a time: 1 and 2 discussions are hidden, 3 are shown; too few answers hide the averages.
        var onlyA = await client.GetDocumentAsync($"/manage/impact/briefings/{briefing.Slug}?{March}&agency={a}");
        Assert.Equal(["fewer than 3", "0", "0", "fewer than 3"], Cells(onlyA, "#discussion-table"));
        Assert.Equal(["fewer than 3", "fewer than 3", "fewer than 3", ImpactSectionsNotShown, ImpactSectionsNotShown, ImpactSectionsNotShown], Cells(onlyA, "#reflection-table"));
        var onlyB = await client.GetDocumentAsync($"/manage/impact/briefings/{briefing.Slug}?{March}&agency={b}");
        Assert.Equal(["0", "fewer than 3", "0", "fewer than 3"], Cells(onlyB, "#discussion-table"));
        Assert.Equal(["fewer than 3", "0", "fewer than 3", ImpactSectionsNotShown, ImpactSectionsNotShown, ImpactSectionsNotShown], Cells(onlyB, "#reflection-table"));
        var onlyC = await client.GetDocumentAsync($"/manage/impact/briefings/{briefing.Slug}?{March}&agency={c}");
        Assert.Equal(["0", "0", "3", "3"], Cells(onlyC, "#discussion-table"));
        Assert.Equal(["3", "3", "3", "2.0", "3.0", "+1.0"], Cells(onlyC, "#reflection-table"));

        // The CSV of each table says the same.
        var kinds = await (await client.GetAsync($"/manage/impact/briefings/{briefing.Slug}?handler=Csv&table=kind&{March}&agency={b}")).Content.ReadAsStringAsync();
        Assert.Contains("Group supervision,fewer than 3", kinds);
        Assert.Contains("All kinds,fewer than 3", kinds);
        var reflection = await (await client.GetAsync($"/manage/impact/briefings/{briefing.Slug}?handler=Csv&table=reflection&{March}")).Content.ReadAsStringAsync();
        Assert.Contains("Average change in confidence,'+1.3", reflection);

        // Nobody who took part is named anywhere.
        foreach (var text in new[] { all.DocumentElement.OuterHtml, onlyA.DocumentElement.OuterHtml, kinds, reflection })
        {
            Assert.All(people, p => Assert.DoesNotContain(p.Email!, text));
            Assert.All(people, p => Assert.DoesNotContain(p.DisplayName, text));
        }
    }

    [Fact]
    public async Task Discussions_by_month_hide_a_second_month_when_one_hidden_month_could_be_subtracted_from_the_total()
    {
        var (briefing, _) = await data.BriefingAsync("Reflection months " + Guid.NewGuid().ToString("N")[..6]);
        var (_, _, c) = await AgenciesAsync();
        var people = await PeopleAsync(5);
        await site.WithDbAsync(async db =>
        {
            await AddDiscussionAsync(db, briefing.DocumentId, DiscussionKind.Group, new DateOnly(2025, 2, 3), c, people[0], null, done: false);
            for (var i = 1; i < 5; i++)
            {
                await AddDiscussionAsync(db, briefing.DocumentId, DiscussionKind.Group, new DateOnly(2025, 3, 3 + i), c, people[i], null, done: false);
            }

            await db.SaveChangesAsync();
        });

        using var client = await EditorAsync();
        var page = await client.GetDocumentAsync($"/manage/impact/briefings/{briefing.Slug}?from=2025-02&to=2025-04");
        Assert.Equal(["fewer than 3", "fewer than 3", "0", "5"], Cells(page, "#discussion-month-table"));
        Assert.Equal(["0", "5", "0", "5"], Cells(page, "#discussion-table"));
        var csv = await (await client.GetAsync($"/manage/impact/briefings/{briefing.Slug}?handler=Csv&table=discussion-month&from=2025-02&to=2025-04")).Content.ReadAsStringAsync();
        Assert.Contains("March 2025,fewer than 3", csv);
        Assert.Contains("All months,5", csv);
    }

    [Fact]
    public async Task Actions_show_the_plans_standing_and_what_is_overdue_for_the_briefing_and_one_owning_agency()
    {
        var (briefing, _) = await data.BriefingAsync("Actions impact " + Guid.NewGuid().ToString("N")[..6]);
        var (a, b, _) = await AgenciesAsync();
        var today = SupervisionData.Today();
        await site.WithDbAsync(async db =>
        {
            var plan = new ActionPlan { Title = "Plan for " + briefing.Title, DocumentId = briefing.DocumentId, CreatedUtc = DateTime.UtcNow };
            db.ActionPlans.Add(plan);
            plan.Actions.Add(Action(1, "Audit neglect referrals", a, today.AddDays(-5), PlanActionStatus.OnTrack));
            plan.Actions.Add(Action(2, "Train the front door", a, today.AddDays(10), PlanActionStatus.Done));
            plan.Actions.Add(Action(3, "Refresh the screening tool", b, today.AddDays(10), PlanActionStatus.AtRisk));
            await db.SaveChangesAsync();
        });

        using var client = await EditorAsync();
        var page = await client.GetDocumentAsync($"/manage/impact/briefings/{briefing.Slug}");
        Assert.Equal(["0", "0", "1", "1", "1", "3"], Cells(page, "#actions-table"));
        Assert.Contains("Audit neglect referrals", page.QuerySelector("#overdue-actions")!.TextContent);
        var onlyB = await client.GetDocumentAsync($"/manage/impact/briefings/{briefing.Slug}?agency={b}");
        Assert.Equal(["0", "0", "1", "0", "0", "1"], Cells(onlyB, "#actions-table"));
        Assert.Null(onlyB.QuerySelector("#overdue-actions"));
        var csv = await (await client.GetAsync($"/manage/impact/briefings/{briefing.Slug}?handler=Csv&table=actions")).Content.ReadAsStringAsync();
        Assert.Contains("Overdue,1", csv);
        Assert.Contains("All actions,3", csv);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await client.GetAsync($"/manage/impact/briefings/{briefing.Slug}?handler=Csv&table=nonsense")).StatusCode);
    }

    [Fact]
    public async Task An_objectives_page_gathers_its_linked_briefings_and_the_impact_list_sums_them_in_one_line()
    {
        var (first, _) = await data.BriefingAsync("Objective first " + Guid.NewGuid().ToString("N")[..6]);
        var (second, _) = await data.BriefingAsync("Objective second " + Guid.NewGuid().ToString("N")[..6]);
        var (unlinked, _) = await data.BriefingAsync("Objective unlinked " + Guid.NewGuid().ToString("N")[..6]);
        var (a, _, c) = await AgenciesAsync();
        var people = await PeopleAsync(4);
        var objective = Guid.NewGuid();
        var march = new DateOnly(2025, 3, 12);
        await site.WithDbAsync(async db =>
        {
            db.Objectives.Add(new Objective { Id = objective, Title = "Objective impact " + objective.ToString("N")[..6], Number = 42, StrategyDocumentId = 0 });
            db.ObjectiveLinks.Add(new ObjectiveLink { ObjectiveId = objective, Kind = ObjectiveLinkKind.Briefing, TargetId = first.DocumentId });
            db.ObjectiveLinks.Add(new ObjectiveLink { ObjectiveId = objective, Kind = ObjectiveLinkKind.Briefing, TargetId = second.DocumentId });
            // Readers: 1 of the first and 1 of the second (each alone hidden; 2 together still hidden), 5 of the unlinked one.
            ImpactTestData.AddRead(db, new BriefingRead { DocumentId = first.DocumentId, AgencyId = a, Day = march });
            ImpactTestData.AddRead(db, new BriefingRead { DocumentId = second.DocumentId, AgencyId = a, Day = march });
            for (var i = 0; i < 5; i++)
            {
                ImpactTestData.AddRead(db, new BriefingRead { DocumentId = unlinked.DocumentId, AgencyId = a, Day = march.AddDays(i) });
            }

            db.OutcomeFigures.Add(new OutcomeFigure { ObjectiveId = objective, Measure = "Re-referrals within 12 months", QuarterStart = new DateOnly(2025, 1, 1), Value = 31, Source = "Performance report", Version = 1 });
            await db.SaveChangesAsync();
            // Discussions: 2 of the first briefing and 1 of the second (3 in all, shown); 1 of the unlinked one (not counted).
            await AddDiscussionAsync(db, first.DocumentId, DiscussionKind.Group, march, c, people[0], null, done: false);
            await AddDiscussionAsync(db, first.DocumentId, DiscussionKind.Group, march, c, people[1], null, done: false);
            await AddDiscussionAsync(db, second.DocumentId, DiscussionKind.OneToOne, march, c, people[2], null, done: true);
            await AddDiscussionAsync(db, unlinked.DocumentId, DiscussionKind.OneToOne, march, c, people[3], null, done: true);
            await db.SaveChangesAsync();
        });

        using var client = await EditorAsync();
        var list = await client.GetDocumentAsync($"/manage/impact?{March}");
        var line = list.QuerySelector($"li[data-objective='{objective}'] .objective-summary")!.TextContent;
        Assert.StartsWith("2 linked briefings, 3 supervision discussions, 0 actions (0 overdue), latest outcome: Re-referrals within 12 months 31 (January to March 2025)", line);

        var page = await client.GetDocumentAsync($"/manage/impact/objectives/{objective}?{March}");
        Assert.Equal(2, page.QuerySelectorAll("#briefings-table tbody tr").Length);
        Assert.Null(page.QuerySelector($"#briefings-table tr[data-slug='{unlinked.Slug}']"));
        Assert.Equal(["fewer than 3", "fewer than 3", "0", "3"], Cells(page, "#discussion-table"));
        Assert.Contains("31", page.QuerySelector("table[data-measure='Re-referrals within 12 months']")!.TextContent);
        var outcomes = await (await client.GetAsync($"/manage/impact/objectives/{objective}?handler=Csv&table=outcomes&{March}")).Content.ReadAsStringAsync();
        Assert.Contains("Re-referrals within 12 months,January to March 2025,31,Performance report", outcomes);

        // One agency with no one in these discussions: nothing to show, and zero is shown as zero.
        var onlyA = await client.GetDocumentAsync($"/manage/impact/objectives/{objective}?{March}&agency={a}");
        Assert.Equal(["0", "0", "0", "0"], Cells(onlyA, "#discussion-table"));
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await client.GetAsync($"/manage/impact/objectives/{Guid.NewGuid()}")).StatusCode);
    }

    private const string ImpactSectionsNotShown = "not shown (too few answers)";

    private static PlanAction Action(int number, string what, int agency, DateOnly due, PlanActionStatus status) => new()
    {
        Number = number, What = what, PublicSummary = what, OwnerAgencyId = agency, DueOn = due, Status = status,
        CreatedUtc = DateTime.UtcNow, UpdatedUtc = DateTime.UtcNow, NeedsLead = true,
    };

    /// <summary>A finalised record with one participant and one agreed action, and Impact's copies of it, as finalising leaves them.</summary>
    internal static async Task AddDiscussionAsync(PortalDbContext db, int documentId, DiscussionKind kind, DateOnly heldOn, int agency, PortalUser person, (int Before, int After)? confidence, bool done)
    {
        var record = new DiscussionRecord
        {
            Kind = kind, HeldOn = heldOn, SupervisorId = null, SupervisorAgencyId = agency, QuestionSetTitle = "Impact seeded set",
            State = RecordState.Final, CreatedUtc = DateTime.UtcNow, UpdatedUtc = DateTime.UtcNow, FinalisedUtc = DateTime.UtcNow,
            WhatHappened = "Private words of the discussion",
        };
        record.Participants.Add(new DiscussionParticipant { UserId = person.Id, AgencyId = agency, ConfidenceBefore = confidence?.Before, ConfidenceAfter = confidence?.After });
        record.Actions.Add(new AgreedAction { What = "Seeded action", OwnerId = person.Id, DueOn = heldOn.AddDays(30), Status = done ? ActionStatus.Done : ActionStatus.Open });
        db.DiscussionRecords.Add(record);
        await db.SaveChangesAsync();
        db.LearningDiscussions.Add(new LearningDiscussion
        {
            RecordId = record.Id, UserId = person.Id, AgencyId = agency, Kind = ImpactEventsFrom.KindName(kind), HeldOn = heldOn, Title = "Impact seeded set",
            DocumentId = documentId, ConfidenceBefore = confidence?.Before, ConfidenceAfter = confidence?.After,
        });
    }

    private static string[] Cells(IDocument page, string table) =>
        [.. page.QuerySelectorAll($"{table} tbody td").Select(td => td.TextContent.Trim())];

    private async Task<List<PortalUser>> PeopleAsync(int count)
    {
        var people = new List<PortalUser>();
        for (var i = 0; i < count; i++)
        {
            people.Add(await data.PersonAsync("reflecting"));
        }

        return people;
    }

    private async Task<(int A, int B, int C)> AgenciesAsync()
    {
        var agencies = await site.CreateAgenciesAsync("Sections agency", 32, 950);
        return (agencies[0].Id, agencies[1].Id, agencies[2].Id);
    }

    private Task<PortalClient> EditorAsync() => site.SignedInClientAsync("sections-editor", PortalRoles.Editor);
}
