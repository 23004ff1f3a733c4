using System.Net.Http.Headers;
using LearningPortal.Core.ActionPlans;
using LearningPortal.Core.Content;

namespace LearningPortal.Tests.ActionPlans;

public class ActionPlanTests(ActionPlanSite site) : IClassFixture<ActionPlanSite>
{
    private static readonly Guid Objective1 = Guid.Parse("3f0c1a52-7d1e-4a8b-9c21-1b6e2a0d4f01");

    [Fact]
    public async Task Starter_content_gives_the_strategy_objectives_with_measures_and_the_two_plans_with_their_owners_and_dates()
    {
        var objectives = await site.DbAsync(db => db.Objectives.Include(o => o.Measures).OrderBy(o => o.Number).ToListAsync());
        var plans = await site.DbAsync(db => db.ActionPlans.Include(p => p.Actions).OrderBy(p => p.Id).ToListAsync());
        var groups = await site.DbAsync(db => db.PartnershipGroups.ToDictionaryAsync(g => g.Id, g => g.Name));
        var csc = await site.DbAsync(db => db.Agencies.Where(a => a.Name == "Children's Social Care").Select(a => a.Id).SingleAsync());

        Assert.Equal(5, objectives.Count);
        Assert.Equal(Objective1, objectives[0].Id);
        Assert.All(objectives, o => Assert.NotEmpty(o.Measures));
        Assert.Contains("Fewer re-referrals for neglect after a single assessment", objectives[2].Measures.Select(m => m.Text));
        var report = plans.Single(p => p.Title.StartsWith("Neglect audit 2020", StringComparison.Ordinal));
        Assert.Equal([1, 2, 3, 4, 5], report.Actions.OrderBy(a => a.Number).Select(a => a.Number));
        var third = report.Actions.Single(a => a.Number == 3);
        Assert.Equal(csc, third.OwnerAgencyId);
        Assert.Equal(new DateOnly(2020, 12, 31), third.DueOn);
        Assert.Equal("Neglect subgroup", groups[report.Actions.Single(a => a.Number == 1).OwnerGroupId!.Value]);
        Assert.Equal("Executive", groups[report.Actions.Single(a => a.Number == 5).OwnerGroupId!.Value]);
        var audit2025 = plans.Single(p => p.Title.StartsWith("Multi-agency neglect audit 2025", StringComparison.Ordinal));
        Assert.Equal(8, audit2025.Actions.Count);
        Assert.True(audit2025.IsPublic);
        Assert.All(audit2025.Actions, a => Assert.Equal("Neglect subgroup", groups[a.OwnerGroupId!.Value]));
        Assert.All(audit2025.Actions, a => Assert.False(string.IsNullOrEmpty(a.RecommendationText)));
        Assert.All(audit2025.Actions, a => Assert.False(a.RecommendationWithdrawn));
    }

    [Fact]
    public async Task The_public_briefing_page_shows_counts_and_public_summaries_never_leads_and_a_change_refreshes_the_cached_page()
    {
        var (editor, _) = await site.SignedInAsync("editor", PortalRoles.Editor);
        var lead = await site.CreateUserAsync(TestUsers.UniqueEmail("lead"));
        var actionId = await site.DbAsync(db => db.PlanActions.Where(a => a.Plan.Title.StartsWith("Multi-agency neglect audit 2025")).OrderBy(a => a.Number).Select(a => a.Id).FirstAsync());
        using var anonymous = site.CreatePortalClient();
        var before = await anonymous.GetDocumentAsync("/learning/neglect-multi-agency-audit-2025");
        var version = await site.DbAsync(db => db.PlanActions.Where(a => a.Id == actionId).Select(a => a.Version).SingleAsync());
        var change = await site.WithAsync(async sp =>
        {
            var planning = sp.GetRequiredService<ActionPlanning>();
            var detail = await sp.GetRequiredService<ActionQueries>().FindAsync(actionId, editor.Id, true);
            return await planning.ChangeActionAsync(actionId, new ActionInput(detail!.What, "A public line that is new", detail.RecommendationId, null, detail.OwnerGroupId, lead.Id, detail.DueOn, PlanActionStatus.AtRisk), version, ActionPlanSite.Editor(editor));
        });
        var after = await anonymous.GetDocumentAsync("/learning/neglect-multi-agency-audit-2025");

        var section = before.GetElementById("what-the-partnership-is-doing");
        Assert.NotNull(section);
        Assert.Equal(Refusal.None, change.Refusal);
        var text = after.QuerySelector("main")!.TextContent;
        Assert.Contains("A public line that is new", text);
        Assert.DoesNotContain(lead.DisplayName, text);
        Assert.DoesNotContain("A public line that is new", before.QuerySelector("main")!.TextContent);
    }

    [Fact]
    public async Task An_editor_turns_recommendations_into_actions_confirming_a_past_date_and_a_new_lead_is_emailed()
    {
        var (editor, client) = await site.SignedInAsync("editor", PortalRoles.Editor);
        var lead = await site.CreateUserAsync(TestUsers.UniqueEmail("lead"));
        var slug = Build.Slug("plan-briefing");
        var v1 = await site.CreateAsync(Build.Briefing(change: f => f.Recommendations =
        [
            new RecommendationField { Text = "Improve referrals" },
            new RecommendationField { Text = "Use the screening tool" },
        ]), slug);
        await site.PublishAsync(v1.DocumentId, 1);

        var created = await client.SubmitFormAsync("/manage/actions/plans/new", new Dictionary<string, string>
        {
            ["Input.Title"] = "Referrals plan",
            ["Input.DocumentId"] = v1.DocumentId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.IsPublic"] = "no",
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var planPath = created.Headers.Location!.OriginalString;
        var group = await site.DbAsync(db => db.PartnershipGroups.Where(g => g.Name == "Neglect subgroup").Select(g => g.Id).SingleAsync());
        var past = ActionPlanSite.Today().AddDays(-10);
        var fields = new Dictionary<string, string>
        {
            ["Owner"] = $"group:{group}",
            ["DueOn.Day"] = past.Day.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["DueOn.Month"] = past.Month.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["DueOn.Year"] = past.Year.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        var empty = await PortalClient.ParseAsync(await client.SubmitFormAsync(planPath + "/from-recommendations", new Dictionary<string, string>()));
        var warned = await PortalClient.ParseAsync(await client.SubmitFormAsync(planPath + "/from-recommendations", fields));
        var countAfterWarning = await site.DbAsync(db => db.PlanActions.CountAsync(a => a.Plan.DocumentId == v1.DocumentId));
        var confirmed = await client.SubmitFormAsync(warned, planPath + "/from-recommendations", fields);
        var actions = await site.DbAsync(db => db.PlanActions.Where(a => a.Plan.DocumentId == v1.DocumentId).OrderBy(a => a.Number).ToListAsync());
        var changePath = $"/manage/actions/{actions[0].Id}/change";
        var changed = await client.SubmitFormAsync(changePath, new Dictionary<string, string> { ["Input.LeadUserId"] = lead.Id, ["Input.Status"] = "OnTrack" });
        var mail = await site.Smtp.WaitForMessageToAsync(lead.Email!);
        var list = await client.GetDocumentAsync($"/manage/actions?briefing={v1.DocumentId}&status=Overdue");

        Assert.Contains("Select the agency or partnership group that owns the action", empty.QuerySelector(".govuk-error-summary")!.TextContent);
        Assert.Contains("is in the past", warned.GetElementById("confirm-past-due")!.TextContent);
        Assert.Equal(0, countAfterWarning);
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.Equal(["Improve referrals", "Use the screening tool"], actions.Select(a => a.What));
        Assert.All(actions, a => Assert.True(a.NeedsLead));
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Contains("You are now the lead", mail.TextBody);
        Assert.Contains("Improve referrals", mail.TextBody);
        Assert.Contains("2 actions", list.GetElementById("result-count")!.TextContent);
        Assert.Contains("Overdue", list.QuerySelector("main table")!.TextContent);
        var history = await site.DbAsync(db => db.ActionHistory.Where(h => h.ActionId == actions[0].Id).Select(h => h.What).ToListAsync());
        Assert.Contains(history, h => h.Contains("made lead", StringComparison.Ordinal));
        Assert.Contains("action.changed", await site.DbAsync(db => db.AuditEntries.Where(e => e.SubjectType == "action" && e.SubjectId == actions[0].Id.ToString()).Select(e => e.Action).ToListAsync()));
    }

    [Fact]
    public async Task A_lead_closes_an_action_only_with_a_note_and_evidence_the_file_is_private_and_reopening_is_logged()
    {
        var (editor, editorClient) = await site.SignedInAsync("editor", PortalRoles.Editor);
        var (lead, leadClient) = await site.SignedInAsync("lead");
        var (_, strangerClient) = await site.SignedInAsync("stranger");
        var (_, actionId) = await site.PlanWithActionAsync(editor, lead, ActionPlanSite.Today().AddDays(30));
        var updatePath = $"/actions/{actionId}/update";

        var mine = await leadClient.GetDocumentAsync("/actions");
        var noText = await PortalClient.ParseAsync(await leadClient.SubmitFormAsync(updatePath, new Dictionary<string, string> { ["Status"] = "OnTrack", ["Text"] = "" }));
        var noEvidence = await PortalClient.ParseAsync(await leadClient.SubmitFormAsync(updatePath, new Dictionary<string, string> { ["Status"] = "Done", ["Text"] = "Relaunched" }));
        var wrongType = await PostWithFileAsync(leadClient, updatePath, "Done", "Relaunched", "notes.html", "<html><script>alert(1)</script></html>"u8.ToArray());
        var done = await PostWithFileAsync(leadClient, updatePath, "Done", "Relaunched at the March meeting", "minutes.pdf", "%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF"u8.ToArray());
        var key = await site.DbAsync(db => db.ActionEvidenceFiles.Where(f => f.ActionId == actionId).Select(f => f.Key).SingleAsync());
        var byLead = await leadClient.GetAsync($"/actions/{actionId}/evidence/{key}");
        var byEditor = await editorClient.GetAsync($"/actions/{actionId}/evidence/{key}");
        var byStranger = await strangerClient.GetAsync($"/actions/{actionId}/evidence/{key}");
        var strangerPage = await strangerClient.GetAsync($"/actions/{actionId}");
        var anonymous = await site.CreatePortalClient().GetAsync($"/actions/{actionId}/evidence/{key}");
        var reopened = await editorClient.SubmitFormAsync(updatePath, new Dictionary<string, string> { ["Status"] = "AtRisk", ["Text"] = "The relaunch missed two agencies" });

        Assert.Contains("Relaunch the screening tool with every agency", mine.QuerySelector("main")!.TextContent);
        Assert.Contains("Enter what has happened", noText.QuerySelector(".govuk-error-summary")!.TextContent);
        Assert.Contains("Give evidence that the action is done", noEvidence.QuerySelector(".govuk-error-summary")!.TextContent);
        Assert.Contains("notes.html must be a PDF", (await PortalClient.ParseAsync(wrongType)).QuerySelector(".govuk-error-summary")!.TextContent);
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        Assert.Equal(HttpStatusCode.OK, byLead.StatusCode);
        Assert.Equal("application/pdf", byLead.Content.Headers.ContentType!.MediaType);
        Assert.Contains("no-store", byLead.Headers.CacheControl!.ToString());
        Assert.Equal(HttpStatusCode.OK, byEditor.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, byStranger.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, strangerPage.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, reopened.StatusCode);
        var action = await site.DbAsync(db => db.PlanActions.SingleAsync(a => a.Id == actionId));
        Assert.Equal(PlanActionStatus.AtRisk, action.Status);
        var history = await site.DbAsync(db => db.ActionHistory.Where(h => h.ActionId == actionId).OrderBy(h => h.Id).Select(h => h.What).ToListAsync());
        Assert.Contains(history, h => h.StartsWith("Marked done with a closing note and evidence", StringComparison.Ordinal));
        Assert.Contains(history, h => h.StartsWith("Reopened as at risk", StringComparison.Ordinal));
        Assert.Contains("action.reopened", await site.DbAsync(db => db.AuditEntries.Where(e => e.SubjectId == actionId.ToString() && e.SubjectType == "action").Select(e => e.Action).ToListAsync()));
    }

    [Fact]
    public async Task Two_people_updating_the_same_action_at_once_get_a_conflict_and_nothing_is_lost()
    {
        var (editor, editorClient) = await site.SignedInAsync("editor", PortalRoles.Editor);
        var (lead, leadClient) = await site.SignedInAsync("lead");
        var (_, actionId) = await site.PlanWithActionAsync(editor, lead, ActionPlanSite.Today().AddDays(30));
        var path = $"/actions/{actionId}/update";
        var leadForm = await leadClient.GetDocumentAsync(path);
        var editorForm = await editorClient.GetDocumentAsync(path);

        var first = await leadClient.SubmitFormAsync(leadForm, path, new Dictionary<string, string> { ["Status"] = "OnTrack", ["Text"] = "The lead's update" });
        var second = await editorClient.SubmitFormAsync(editorForm, path, new Dictionary<string, string> { ["Status"] = "AtRisk", ["Text"] = "The editor's update" });
        var secondPage = await PortalClient.ParseAsync(second);
        var again = await editorClient.SubmitFormAsync(secondPage, path, new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Contains("changed this action", secondPage.GetElementById("conflict")!.TextContent);
        Assert.Equal("The editor's update", secondPage.QuerySelector("textarea[name=Text]")!.TextContent.Trim());
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        var updates = await site.DbAsync(db => db.ActionUpdates.Where(u => u.ActionId == actionId).OrderBy(u => u.Id).Select(u => u.Text).ToListAsync());
        Assert.Equal(["The lead's update", "The editor's update"], updates);
    }

    [Fact]
    public async Task A_recommendation_removed_by_a_later_published_version_leaves_its_action_marked_withdrawn()
    {
        var (editor, client) = await site.SignedInAsync("editor", PortalRoles.Editor);
        var slug = Build.Slug("withdrawn");
        var v1 = await site.CreateAsync(Build.Briefing(change: f => f.Recommendations =
        [
            new RecommendationField { Text = "Keep this one" },
            new RecommendationField { Text = "Drop this one" },
        ]), slug);
        await site.PublishAsync(v1.DocumentId, 1);
        var (planId, _) = await site.PlanWithActionAsync(editor, null, ActionPlanSite.Today().AddDays(30), v1.DocumentId);
        var group = await site.DbAsync(db => db.PartnershipGroups.Where(g => g.Name == "Neglect subgroup").Select(g => g.Id).SingleAsync());
        var made = await site.WithAsync(sp => sp.GetRequiredService<ActionPlanning>().ActionsFromRecommendationsAsync(planId, null, group,
            ActionPlanSite.Today().AddDays(60), false, ActionPlanSite.Editor(editor)));
        var recommendations = await site.WithAsync(sp => sp.GetRequiredService<ActionPlanning>().RecommendationsAsync(v1.DocumentId));

        await site.SaveDraftAsync(v1.DocumentId, 1, Build.Briefing(change: f => f.Recommendations = [new RecommendationField { Id = recommendations[0].Id, Text = "Keep this one, reworded" }]), slug);
        await site.PublishAsync(v1.DocumentId, 2);
        var actions = await site.DbAsync(db => db.PlanActions.Where(a => a.PlanId == planId && a.RecommendationId != null).OrderBy(a => a.Number).ToListAsync());
        var page = await client.GetDocumentAsync($"/manage/actions/{actions[1].Id}");

        Assert.Equal(2, made.Value);
        Assert.False(actions[0].RecommendationWithdrawn);
        Assert.Equal("Keep this one, reworded", actions[0].RecommendationText);
        Assert.True(actions[1].RecommendationWithdrawn);
        Assert.Contains("Recommendation withdrawn", page.QuerySelector("main")!.TextContent);
        Assert.Contains("Drop this one", page.QuerySelector("main")!.TextContent);
    }

    [Fact]
    public async Task Reminders_go_once_before_the_due_date_and_when_overdue_and_a_disabled_leads_actions_go_back_to_the_editors()
    {
        var (editor, editorClient) = await site.SignedInAsync("editor", PortalRoles.Editor);
        var soonLead = await site.CreateUserAsync(TestUsers.UniqueEmail("soon"));
        var lateLead = await site.CreateUserAsync(TestUsers.UniqueEmail("late"));
        var leaver = await site.CreateUserAsync(TestUsers.UniqueEmail("leaver"));
        var today = ActionPlanSite.Today();
        await site.PlanWithActionAsync(editor, soonLead, today.AddDays(3));
        await site.PlanWithActionAsync(editor, lateLead, today.AddDays(-1));
        var (_, leaverAction) = await site.PlanWithActionAsync(editor, leaver, today.AddDays(40));
        await site.DbAsync(db => db.Users.Where(u => u.Id == leaver.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.IsDisabled, true)));
        // A lead whose account is deleted (as /account/delete does): the action loses its lead and goes back too.
        var deleted = await site.CreateUserAsync(TestUsers.UniqueEmail("deleted"));
        var (_, deletedAction) = await site.PlanWithActionAsync(editor, deleted, today.AddDays(50));
        await site.WithAsync(async sp =>
        {
            var users = sp.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<PortalUser>>();
            return (await users.DeleteAsync((await users.FindByIdAsync(deleted.Id))!)).Succeeded;
        });
        var jobs = site.Services.GetRequiredService<ActionPlanJobs>();

        await Task.WhenAll(jobs.RunOnceAsync(), jobs.RunOnceAsync());
        await jobs.RunOnceAsync();
        await site.Smtp.WaitForMessageAsync(m => m.To.ToString().Contains(editor.Email!, StringComparison.OrdinalIgnoreCase) && (m.Subject ?? "").StartsWith("An action needs a lead", StringComparison.Ordinal));
        await site.Smtp.WaitForMessageAsync(m => m.To.ToString().Contains(lateLead.Email!, StringComparison.OrdinalIgnoreCase) && (m.Subject ?? "").StartsWith("Overdue", StringComparison.Ordinal));
        await site.Smtp.WaitForMessageAsync(m => m.To.ToString().Contains(soonLead.Email!, StringComparison.OrdinalIgnoreCase) && (m.Subject ?? "").StartsWith("Reminder", StringComparison.Ordinal));
        await Task.Delay(500);

        int Count(string email, string subject) => site.Smtp.Messages.Count(m => m.To.ToString().Contains(email, StringComparison.OrdinalIgnoreCase) && (m.Subject ?? "").StartsWith(subject, StringComparison.Ordinal));
        Assert.Equal(1, Count(soonLead.Email!, "Reminder"));
        Assert.Equal(1, Count(lateLead.Email!, "Overdue"));
        Assert.Equal(2, Count(editor.Email!, "An action needs a lead"));
        Assert.Equal(0, Count(leaver.Email!, "Reminder"));
        var returned = await site.DbAsync(db => db.PlanActions.SingleAsync(a => a.Id == leaverAction));
        Assert.True(returned.NeedsLead);
        Assert.Null(returned.LeadUserId);
        var orphan = await site.DbAsync(db => db.PlanActions.SingleAsync(a => a.Id == deletedAction));
        Assert.True(orphan.NeedsLead);
        Assert.Null(orphan.LeadUserId);
        Assert.Contains(await site.DbAsync(db => db.ActionHistory.Where(h => h.ActionId == deletedAction).Select(h => h.What).ToListAsync()),
            h => h.StartsWith("Lead account deleted", StringComparison.Ordinal));
        var list = await editorClient.GetDocumentAsync($"/manage/actions/{deletedAction}");
        Assert.Contains("Needs a lead", list.QuerySelector("main")!.TextContent, StringComparison.OrdinalIgnoreCase);
        // One summary per plan the editor owns (four here), however many runs: wait for the outbox to send the fourth,
        // then a moment more for any duplicate to show.
        for (var i = 0; i < 100 && Count(editor.Email!, "Weekly summary") < 4; i++)
        {
            await Task.Delay(100);
        }

        await Task.Delay(500);
        Assert.Equal(4, Count(editor.Email!, "Weekly summary"));
        var summary = site.Smtp.Messages.First(m => m.To.ToString().Contains(editor.Email!, StringComparison.OrdinalIgnoreCase) && (m.Subject ?? "").StartsWith("Weekly summary", StringComparison.Ordinal));
        Assert.Contains("/manage/actions/report/plans/", summary.TextBody);
    }

    [Fact]
    public void A_strategy_edit_keeps_objective_identities_by_title_then_position_and_attaches_numbered_measures()
    {
        var a = Guid.NewGuid();
        var b = Guid.NewGuid();
        var strategy = new StrategyFields { Objectives = [new StrategyObjective { Title = "Recognise neglect sooner" }, new StrategyObjective { Title = "Improve assessment" }, new StrategyObjective { Title = "Brand new" }] };

        Web.Pages.Manage.Content.StrategyObjectiveKeys.Apply(strategy, $"{a} Improve assessment\n{b} Recognise neglect early", ["1, 2: Fewer re-referrals", "A measure for no objective", "3: More early help"]);

        Assert.Equal(b, strategy.Objectives[0].Id);
        Assert.Equal(a, strategy.Objectives[1].Id);
        Assert.Equal(Guid.Empty, strategy.Objectives[2].Id);
        Assert.Equal(["Fewer re-referrals"], strategy.Objectives[0].Measures);
        Assert.Equal(["Fewer re-referrals"], strategy.Objectives[1].Measures);
        Assert.Equal(["More early help"], strategy.Objectives[2].Measures);
        Assert.Equal(["Fewer re-referrals", "A measure for no objective", "More early help"], strategy.MeasuresOfSuccess);
    }

    [Fact]
    public async Task A_plans_report_page_shows_its_counts_overdue_actions_with_their_latest_update_and_changes_and_its_csv_is_streamed()
    {
        var (editor, client) = await site.SignedInAsync("editor", PortalRoles.Editor);
        var (lead, leadClient) = await site.SignedInAsync("lead");
        var (planId, actionId) = await site.PlanWithActionAsync(editor, lead, ActionPlanSite.Today().AddDays(-3));
        var agency = await site.DbAsync(db => db.Agencies.OrderBy(a => a.SortOrder).Select(a => a.Id).FirstAsync());
        var added = await site.WithAsync(sp => sp.GetRequiredService<ActionPlanning>().AddActionAsync(planId,
            new ActionInput("Audit the use of the toolkit", "Audit the toolkit", null, agency, null, null, ActionPlanSite.Today().AddDays(40)), false, ActionPlanSite.Editor(editor)));
        Assert.True(added.Succeeded, added.ToString());
        await leadClient.SubmitFormAsync($"/actions/{actionId}/update", new Dictionary<string, string> { ["Status"] = "AtRisk", ["Text"] = "Waiting for the agencies' dates" });

        var page = await client.GetDocumentAsync($"/manage/actions/report/plans/{planId}");
        var csv = await client.GetAsync($"/manage/actions/report.csv?Period.Plan={planId}");
        var missing = await client.GetAsync("/manage/actions/report/plans/999999");
        var oldLink = await client.GetAsync($"/manage/actions/report?Period.Plan={planId}");
        var bad = await client.GetDocumentAsync($"/manage/actions/report/plans/{planId}?Period.Since.Day=31&Period.Since.Month=2&Period.Since.Year=2026");

        var counts = page.QuerySelectorAll("#counts .govuk-summary-list__row").ToDictionary(r => r.QuerySelector("dt")!.TextContent.Trim(), r => r.QuerySelector("dd")!.TextContent.Trim());
        Assert.Equal("2", counts["Actions"]);
        Assert.Equal("1", counts["Overdue"]);
        Assert.Equal("1", counts["Not started"]);
        Assert.Equal("0", counts["At risk"]);
        var overdue = page.GetElementById("overdue")!.NextElementSibling!.TextContent;
        Assert.Contains("Relaunch the screening tool with every agency", overdue);
        Assert.Contains("Waiting for the agencies' dates", overdue);
        Assert.DoesNotContain("Audit the use of the toolkit", overdue);
        Assert.Contains("Progress update added", page.GetElementById("changes")!.ParentElement!.TextContent);
        Assert.Contains("Audit the use of the toolkit", page.GetElementById("actions")!.NextElementSibling!.TextContent);
        Assert.Contains($"Period.Plan={planId}", page.QuerySelector("a[href^='/manage/actions/report.csv']")!.GetAttribute("href"));

        // Streamed: written as the rows are read, so the response has no length up front (a built file would).
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        Assert.False(csv.Content.Headers.NonValidated.Contains("Content-Length"));
        var lines = (await csv.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Trim().Split('\n').Select(l => l.TrimEnd('\r')).ToArray();
        Assert.Equal("Row,Plan,Number,What will be done,Owner,Lead,Due,Status,Latest update on,Latest update,Changes in the period", lines[0]);
        Assert.Equal(3, lines.Length);
        var overdueLine = lines.Single(l => l.Contains("Relaunch the screening tool", StringComparison.Ordinal)).Split(',');
        Assert.Equal("Overdue", overdueLine[7]);
        Assert.Equal("Waiting for the agencies' dates", overdueLine[9]);
        Assert.True(int.Parse(overdueLine[10], System.Globalization.CultureInfo.InvariantCulture) >= 2, "created and updated in the period");
        Assert.Contains("Needs a lead", lines.Single(l => l.Contains("Audit the use of the toolkit", StringComparison.Ordinal)));

        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, oldLink.StatusCode);
        Assert.StartsWith($"/manage/actions/report/plans/{planId}?Period.Since.Day=", oldLink.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Contains("Changes since must be a real date", bad.QuerySelector(".govuk-error-summary")!.TextContent);
    }

    [Fact]
    public async Task The_report_summary_gives_each_plan_one_line_with_its_counts_and_changes_since_the_date_and_totals()
    {
        var (editor, client) = await site.SignedInAsync("editor", PortalRoles.Editor);
        var (lead, leadClient) = await site.SignedInAsync("lead");
        var (planId, actionId) = await site.PlanWithActionAsync(editor, lead, ActionPlanSite.Today().AddDays(-3));
        var (otherPlanId, otherActionId) = await site.PlanWithActionAsync(editor, null, ActionPlanSite.Today().AddDays(30));
        await site.DbAsync(db => db.PlanActions.Where(a => a.Id == otherActionId).ExecuteUpdateAsync(s => s.SetProperty(a => a.Status, PlanActionStatus.OnTrack)));
        await leadClient.SubmitFormAsync($"/actions/{actionId}/update", new Dictionary<string, string> { ["Status"] = "AtRisk", ["Text"] = "Waiting for the agencies' dates" });
        var tomorrow = ActionPlanSite.Today().AddDays(1);

        var page = await client.GetDocumentAsync("/manage/actions/report");
        var later = await client.GetDocumentAsync($"/manage/actions/report?Period.Since.Day={tomorrow.Day}&Period.Since.Month={tomorrow.Month}&Period.Since.Year={tomorrow.Year}&Period.Until.Day={tomorrow.Day}&Period.Until.Month={tomorrow.Month}&Period.Until.Year={tomorrow.Year}");
        var csv = await (await client.GetAsync("/manage/actions/report.csv")).Content.ReadAsStringAsync();

        // Columns: plan, actions, not started, on track, at risk, overdue, done, changes.
        int[] Cells(AngleSharp.Dom.IElement row) => row.QuerySelectorAll("td").Select(c => int.Parse(c.TextContent.Trim(), System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        var row = page.QuerySelector($"#plan-summary tr[data-plan='{planId}']")!;
        var other = page.QuerySelector($"#plan-summary tr[data-plan='{otherPlanId}']")!;
        Assert.Equal([1, 0, 0, 0, 1, 0], Cells(row)[..6]);
        Assert.True(Cells(row)[6] >= 2, "the action was added and updated in the period");
        Assert.Equal([1, 0, 1, 0, 0, 0], Cells(other)[..6]);
        Assert.StartsWith($"/manage/actions/report/plans/{planId}?Period.Since.Day=", row.QuerySelector("a")!.GetAttribute("href"), StringComparison.Ordinal);
        var rows = page.QuerySelectorAll("#plan-summary tbody tr[data-plan]").Select(Cells).ToList();
        Assert.Equal(Enumerable.Range(0, 7).Select(i => rows.Sum(r => r[i])), Cells(page.GetElementById("plan-totals")!));
        Assert.Equal(rows.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), page.QuerySelector("#totals dd")!.TextContent.Trim());
        Assert.Equal(0, Cells(later.QuerySelector($"#plan-summary tr[data-plan='{planId}']")!)[6]);
        Assert.Null(page.GetElementById("overdue"));
        Assert.Contains("Waiting for the agencies' dates", csv);
        Assert.Contains(await site.DbAsync(db => db.ActionPlans.Where(p => p.Id == otherPlanId).Select(p => p.Title).SingleAsync()), csv);
    }

    [Fact]
    public async Task The_list_filters_by_objective_owner_status_and_due_date_and_pages_with_the_filters_kept()
    {
        var (editor, client) = await site.SignedInAsync("editor", PortalRoles.Editor);
        var objectives = await site.DbAsync(db => db.Objectives.OrderBy(o => o.Number).Select(o => o.Id).Take(2).ToListAsync());
        var agency = await site.DbAsync(db => db.Agencies.OrderBy(a => a.SortOrder).Select(a => a.Id).FirstAsync());
        var group = await site.DbAsync(db => db.PartnershipGroups.Where(g => g.Name == "Neglect subgroup").Select(g => g.Id).SingleAsync());
        // A window of due dates no other test uses, so the counts below are this test's own.
        var from = new DateOnly(2080 + Random.Shared.Next(0, 15), 1, 1).AddDays(Random.Shared.Next(0, 300));
        var to = from.AddDays(40);
        var planning = (Func<IServiceProvider, ActionPlanning>)(sp => sp.GetRequiredService<ActionPlanning>());
        var first = (await site.WithAsync(sp => planning(sp).CreatePlanAsync(new PlanInput("Objective one plan " + Guid.NewGuid().ToString("N")[..6], null, objectives[0], false, [editor.Id]), ActionPlanSite.Editor(editor)))).Value;
        var second = (await site.WithAsync(sp => planning(sp).CreatePlanAsync(new PlanInput("Objective two plan " + Guid.NewGuid().ToString("N")[..6], null, objectives[1], false, [editor.Id]), ActionPlanSite.Editor(editor)))).Value;
        // 27 actions of the first plan, owned by the agency, due within the window; 3 of the second, owned by the group.
        for (var i = 0; i < 27; i++)
        {
            var due = from.AddDays(i);
            await site.WithAsync(sp => planning(sp).AddActionAsync(first, new ActionInput($"Agency action {i:00}", "Summary", null, agency, null, null, due), false, ActionPlanSite.Editor(editor)));
        }

        for (var i = 0; i < 3; i++)
        {
            var due = from.AddDays(30 + i);
            await site.WithAsync(sp => planning(sp).AddActionAsync(second, new ActionInput($"Group action {i}", "Summary", null, null, group, null, due), false, ActionPlanSite.Editor(editor)));
        }

        var atRisk = await site.DbAsync(db => db.PlanActions.Where(a => a.PlanId == first).OrderBy(a => a.DueOn).Select(a => a.Id).FirstAsync());
        await site.DbAsync(db => db.PlanActions.Where(a => a.Id == atRisk).ExecuteUpdateAsync(s => s.SetProperty(a => a.Status, PlanActionStatus.AtRisk)));
        string Window(DateOnly f, DateOnly t) => $"DueFrom.Day={f.Day}&DueFrom.Month={f.Month}&DueFrom.Year={f.Year}&DueTo.Day={t.Day}&DueTo.Month={t.Month}&DueTo.Year={t.Year}";
        async Task<(string Count, string[] Rows, AngleSharp.Html.Dom.IHtmlDocument Page)> ListAsync(string query)
        {
            var page = await client.GetDocumentAsync("/manage/actions?" + query);
            return (page.GetElementById("result-count")!.TextContent, page.QuerySelectorAll("main table tbody tr").Select(r => r.TextContent).ToArray(), page);
        }

        var window = await ListAsync(Window(from, to));
        var pageTwo = await ListAsync(Window(from, to) + "&page=2");
        var byObjective = await ListAsync(Window(from, to) + $"&objective={objectives[1]}");
        var byAgency = await ListAsync(Window(from, to) + $"&owner=agency:{agency}");
        var byGroup = await ListAsync(Window(from, to) + $"&owner=group:{group}");
        var byStatus = await ListAsync(Window(from, to) + "&status=AtRisk");
        var narrower = await ListAsync(Window(from.AddDays(5), from.AddDays(9)));
        var byObjectiveAndOwner = await ListAsync(Window(from, to) + $"&objective={objectives[0]}&owner=group:{group}");
        var backwards = await ListAsync(Window(to, from));

        Assert.Equal("30 actions, page 1 of 2, soonest due first", window.Count.Trim());
        Assert.Equal(25, window.Rows.Length);
        Assert.Contains("Agency action 00", window.Rows[0]);
        Assert.Contains("At risk", window.Rows[0]);
        Assert.Contains("30 actions, page 2 of 2", pageTwo.Count);
        Assert.Equal(5, pageTwo.Rows.Length);
        Assert.Contains("Group action 2", pageTwo.Rows[^1]);
        // The pagination keeps the filters.
        var next = window.Page.QuerySelector(".govuk-pagination__next a")!.GetAttribute("href")!;
        Assert.Contains($"DueFrom.Year={from.Year}", next);
        Assert.Contains("page=2", next);
        Assert.Contains("3 actions", byObjective.Count);
        Assert.All(byObjective.Rows, r => Assert.Contains("Group action", r));
        Assert.Contains("27 actions", byAgency.Count);
        Assert.Contains("3 actions", byGroup.Count);
        Assert.Contains("1 action", byStatus.Count);
        Assert.Contains("Agency action 00", byStatus.Rows.Single());
        Assert.Contains("5 actions", narrower.Count);
        Assert.Equal(["Agency action 05", "Agency action 06", "Agency action 07", "Agency action 08", "Agency action 09"], narrower.Rows.Select(r => System.Text.RegularExpressions.Regex.Match(r, @"Agency action \d\d").Value));
        Assert.Contains("0 actions", byObjectiveAndOwner.Count);
        Assert.Contains("Due to must be the same as or after due from", backwards.Page.QuerySelector(".govuk-error-summary")!.TextContent);
    }

    [Fact]
    public async Task An_editor_links_a_briefing_a_course_and_a_standing_question_set_to_an_objective_and_unlinks_one()
    {
        var (editor, client) = await site.SignedInAsync("editor", PortalRoles.Editor);
        var objective = await site.DbAsync(db => db.Objectives.OrderBy(o => o.Number).Skip(4).Select(o => new { o.Id, o.Title }).FirstAsync());
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var courseId = await site.DbAsync(async db =>
        {
            var course = new Core.Training.Course { Title = "Neglect for managers " + suffix, Slug = "neglect-for-managers-" + suffix, Summary = "s", CreatedUtc = DateTime.UtcNow, UpdatedUtc = DateTime.UtcNow };
            db.Courses.Add(course);
            await db.SaveChangesAsync();
            return course.Id;
        });
        var setId = await site.DbAsync(async db =>
        {
            var set = new Core.Supervision.QuestionSet { Source = Core.Supervision.QuestionSetSource.Standing, Title = "Neglect supervision prompts " + suffix, UpdatedUtc = DateTime.UtcNow };
            db.QuestionSets.Add(set);
            await db.SaveChangesAsync();
            return set.Id;
        });
        var slug = Build.Slug("objective-briefing");
        var briefing = await site.CreateAsync(Build.Briefing(), slug);
        await site.PublishAsync(briefing.DocumentId, 1);
        var (planId, actionId) = await site.PlanWithActionAsync(editor, null, ActionPlanSite.Today().AddDays(30), briefing.DocumentId);
        var path = $"/manage/actions/objectives/{objective.Id}";

        var list = await client.GetDocumentAsync("/manage/actions/objectives");
        var before = await client.GetDocumentAsync($"/manage/actions?objective={objective.Id}&plan={planId}");
        var empty = await PortalClient.ParseAsync(await client.SubmitFormAsync(path, new Dictionary<string, string> { ["Item"] = "" }, "main form:not([action*=Unlink])"));
        var forged = await PortalClient.ParseAsync(await client.SubmitFormAsync(path, new Dictionary<string, string> { ["Item"] = "Plan:" + planId }, "main form:not([action*=Unlink])"));
        var linkedBriefing = await client.SubmitFormAsync(path, new Dictionary<string, string> { ["Item"] = $"Briefing:{briefing.DocumentId}" }, "main form:not([action*=Unlink])");
        var linkedCourse = await client.SubmitFormAsync(path, new Dictionary<string, string> { ["Item"] = $"Course:{courseId}" }, "main form:not([action*=Unlink])");
        var linkedSet = await client.SubmitFormAsync(path, new Dictionary<string, string> { ["Item"] = $"QuestionSet:{setId}" }, "main form:not([action*=Unlink])");
        var page = await client.GetDocumentAsync(path);
        var after = await client.GetDocumentAsync($"/manage/actions?objective={objective.Id}&plan={planId}");
        var courseLink = await site.DbAsync(db => db.ObjectiveLinks.Where(l => l.ObjectiveId == objective.Id && l.Kind == ObjectiveLinkKind.Course && l.TargetId == courseId).Select(l => l.Id).SingleAsync());
        var unlinkForm = page.QuerySelectorAll("main form[action*=Unlink]").Single(f => f.QuerySelector($"input[name=LinkId][value='{courseLink}']") is not null);
        var unlinked = await client.SubmitFormAsync(page, path + "?handler=Unlink", new Dictionary<string, string> { ["LinkId"] = courseLink.ToString(System.Globalization.CultureInfo.InvariantCulture) }, "main form[action*=Unlink]");
        var final = await client.GetDocumentAsync(path);

        Assert.Contains(objective.Title, list.QuerySelector("main table")!.TextContent);
        Assert.Contains("0 actions", before.GetElementById("result-count")!.TextContent);
        Assert.Contains("Select a briefing, course or question set to link", empty.QuerySelector(".govuk-error-summary")!.TextContent);
        Assert.Contains("Select a briefing, course or question set to link", forged.QuerySelector(".govuk-error-summary")!.TextContent);
        Assert.All(new[] { linkedBriefing, linkedCourse, linkedSet }, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        var linked = page.GetElementById("linked")!.NextElementSibling!.TextContent;
        Assert.Contains("Neglect for managers " + suffix, linked);
        Assert.Contains("Neglect supervision prompts " + suffix, linked);
        Assert.Contains(briefing.Title, linked);
        Assert.Equal($"/learning/{slug}", page.QuerySelector($"main dl a[href='/learning/{slug}']")!.GetAttribute("href"));
        // Linked things are no longer offered; the plan filter now finds the briefing's plan under the objective.
        Assert.DoesNotContain(page.QuerySelectorAll("select[name=Item] option"), o => o.GetAttribute("value") == $"Course:{courseId}");
        Assert.Contains("1 action", after.GetElementById("result-count")!.TextContent);
        Assert.NotNull(unlinkForm);
        Assert.Equal(HttpStatusCode.Redirect, unlinked.StatusCode);
        Assert.DoesNotContain("Neglect for managers " + suffix, final.GetElementById("linked")!.NextElementSibling!.TextContent);
        Assert.Contains(final.QuerySelectorAll("select[name=Item] option"), o => o.GetAttribute("value") == $"Course:{courseId}");
        var audit = await site.DbAsync(db => db.AuditEntries.Where(e => e.SubjectType == "objective" && e.SubjectId == objective.Id.ToString()).Select(e => e.Action).ToListAsync());
        Assert.Equal(3, audit.Count(a => a == "objective.linked"));
        Assert.Equal(1, audit.Count(a => a == "objective.unlinked"));
        _ = actionId;
    }

    private static async Task<HttpResponseMessage> PostWithFileAsync(PortalClient client, string path, string status, string text, string fileName, byte[] content)
    {
        var page = await client.GetDocumentAsync(path);
        var form = page.QuerySelector("main form")!;
        using var body = new MultipartFormDataContent();
        foreach (var input in form.QuerySelectorAll("input[type=hidden]"))
        {
            body.Add(new StringContent(input.GetAttribute("value") ?? ""), input.GetAttribute("name")!);
        }

        body.Add(new StringContent(status), "Status");
        body.Add(new StringContent(text), "Text");
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        body.Add(file, "Files", fileName);
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = body };
        return await client.SendAsync(request);
    }
}
