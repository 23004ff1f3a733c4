using System.Globalization;
using System.Net.Http.Headers;
using LearningPortal.Core.ActionPlans;

namespace LearningPortal.Tests.ActionPlans;

/// <summary>
/// Assurance requests through the real pages: Editors ask agencies, Agency leads answer for their own agency only, Editors
/// see who answered and remind the rest once; partnership groups are managed like agencies; recommendations become
/// actions all or nothing.
/// </summary>
public class AssuranceTests(ActionPlanSite site) : IClassFixture<ActionPlanSite>
{
    private static readonly byte[] Pdf = "%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF"u8.ToArray();

    [Fact]
    public async Task An_editor_asks_two_agencies_their_leads_answer_for_their_own_agency_only_and_the_editor_reminds_the_rest_once()
    {
        var (editor, editorClient) = await site.SignedInAsync("editor", PortalRoles.Editor);
        var agencies = await AgenciesAsync(3);
        var (leadA, clientA) = await LeadAsync("lead-a", agencies[0]);
        var (leadB, clientB) = await LeadAsync("lead-b", agencies[1]);
        var (leadC, clientC) = await LeadAsync("lead-c", agencies[2]);
        var (_, practitioner) = await site.SignedInAsync("practitioner");
        var question = "Assure us that single-agency chronologies are recorded and used with the toolkit " + Guid.NewGuid().ToString("N")[..6];
        var due = ActionPlanSite.Today().AddDays(21);

        var empty = await PortalClient.ParseAsync(await PostNewRequestAsync(editorClient, "", "", [], null));
        var created = await PostNewRequestAsync(editorClient, question, "some", [agencies[0], agencies[1]], due);
        var path = created.Headers.Location!.OriginalString;
        var id = int.Parse(path.Split('/')[^1], CultureInfo.InvariantCulture);
        var told = await site.Smtp.WaitForMessageToAsync(leadA.Email!);
        await site.Smtp.WaitForMessageToAsync(leadB.Email!);

        var listA = await clientA.GetDocumentAsync("/assurance");
        var listC = await clientC.GetDocumentAsync("/assurance");
        var otherAgency = await clientC.GetAsync($"/assurance/{id}");
        var otherAgencyPost = await site.WithAsync(sp => sp.GetRequiredService<AssuranceRequests>().SaveAnswerAsync(id,
            new AssuranceAnswerInput(AssuranceRating.Assured, "Not ours to answer", null, null, [], true), 0, new AgencyLeadActor(leadC.Id, leadC.DisplayName, agencies[2])));
        var draft = await clientA.SubmitFormAsync($"/assurance/{id}", new Dictionary<string, string> { ["Intent"] = "draft", ["Narrative"] = "Half written" });
        var editorSeesDraft = await editorClient.GetDocumentAsync(path);
        var noRating = await PortalClient.ParseAsync(await clientA.SubmitFormAsync($"/assurance/{id}", new Dictionary<string, string> { ["Intent"] = "send", ["Narrative"] = "" }));
        var wrongType = await PortalClient.ParseAsync(await PostAnswerAsync(clientA, id, "PartlyAssured", "Chronologies are kept in two of three teams", "notes.html", "<html><script>alert(1)</script></html>"u8.ToArray()));
        var sent = await PostAnswerAsync(clientA, id, "PartlyAssured", "Chronologies are kept in two of three teams", "audit.pdf", Pdf);
        var key = await site.DbAsync(db => db.AssuranceEvidenceFiles.Where(f => f.RequestId == id).Select(f => f.Key).SingleAsync());
        var returns = await editorClient.GetDocumentAsync(path);
        var fileByEditor = await editorClient.GetAsync($"/assurance/{id}/evidence/{key}");
        var fileByLead = await clientA.GetAsync($"/assurance/{id}/evidence/{key}");
        var fileByOtherLead = await clientB.GetAsync($"/assurance/{id}/evidence/{key}");
        var fileByPractitioner = await practitioner.GetAsync($"/assurance/{id}/evidence/{key}");
        var fileByAnonymous = await site.CreatePortalClient().GetAsync($"/assurance/{id}/evidence/{key}");

        var staleReminderForm = await editorClient.GetDocumentAsync(path);
        var reminded = await editorClient.SubmitFormAsync(staleReminderForm, path + "?handler=Remind", new Dictionary<string, string>(), "form[action*=Remind]");
        var remindedAgain = await PortalClient.ParseAsync(await editorClient.SubmitFormAsync(staleReminderForm, path + "?handler=Remind", new Dictionary<string, string>(), "form[action*=Remind]"));
        var reminder = await site.Smtp.WaitForMessageAsync(m => m.To.ToString().Contains(leadB.Email!, StringComparison.OrdinalIgnoreCase) && (m.Subject ?? "").StartsWith("Reminder", StringComparison.Ordinal));
        await Task.Delay(300);

        Assert.Contains("Enter the question the agencies are asked", empty.QuerySelector(".govuk-error-summary")!.TextContent);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Contains(question, told.TextBody);
        Assert.Contains($"/assurance/{id}", told.TextBody);
        Assert.DoesNotContain(site.Smtp.Messages, m => m.To.ToString().Contains(leadC.Email!, StringComparison.OrdinalIgnoreCase));
        Assert.Contains(question, listA.QuerySelector("main")!.TextContent);
        Assert.DoesNotContain(question, listC.QuerySelector("main")!.TextContent);
        Assert.Equal(HttpStatusCode.NotFound, otherAgency.StatusCode);
        Assert.Equal(Refusal.NotFound, otherAgencyPost.Refusal);
        Assert.Equal(HttpStatusCode.Redirect, draft.StatusCode);
        Assert.DoesNotContain("Half written", editorSeesDraft.QuerySelector("main")!.TextContent);
        Assert.Contains("Draft started", editorSeesDraft.GetElementById("returns")!.TextContent);
        var summary = noRating.QuerySelector(".govuk-error-summary")!.TextContent;
        Assert.True(summary.IndexOf("Select how assured", StringComparison.Ordinal) < summary.IndexOf("Enter your agency's narrative", StringComparison.Ordinal), summary);
        Assert.Contains("notes.html must be a PDF", wrongType.QuerySelector(".govuk-error-summary")!.TextContent);
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        Assert.Contains("Partly assured", returns.GetElementById("returns")!.TextContent);
        Assert.Contains("Chronologies are kept in two of three teams", returns.QuerySelector("main")!.TextContent);
        Assert.Contains("1 of 2", returns.QuerySelector("main dl")!.TextContent);
        Assert.Equal(HttpStatusCode.OK, fileByEditor.StatusCode);
        Assert.Equal("application/pdf", fileByEditor.Content.Headers.ContentType!.MediaType);
        Assert.Contains("no-store", fileByEditor.Headers.CacheControl!.ToString());
        Assert.Equal(HttpStatusCode.OK, fileByLead.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, fileByOtherLead.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, fileByPractitioner.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, fileByAnonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, reminded.StatusCode);
        Assert.Contains(question, reminder.TextBody);
        Assert.Contains("A reminder has already been sent", remindedAgain.GetElementById("conflict")!.TextContent);
        Assert.Single(site.Smtp.Messages, m => m.To.ToString().Contains(leadB.Email!, StringComparison.OrdinalIgnoreCase) && (m.Subject ?? "").StartsWith("Reminder", StringComparison.Ordinal));
        Assert.DoesNotContain(site.Smtp.Messages, m => m.To.ToString().Contains(leadA.Email!, StringComparison.OrdinalIgnoreCase) && (m.Subject ?? "").StartsWith("Reminder", StringComparison.Ordinal));
        var audit = await site.DbAsync(db => db.AuditEntries.Where(e => e.SubjectType == "assurance" && e.SubjectId == id.ToString(CultureInfo.InvariantCulture)).Select(e => e.Action).ToListAsync());
        Assert.Equal(["assurance.answered", "assurance.draft", "assurance.reminded", "assurance.requested"], audit.Distinct().Order(StringComparer.Ordinal));
        _ = editor;
    }

    [Fact]
    public async Task Answers_change_until_the_request_closes_the_history_is_kept_and_the_report_shows_returns_by_agency()
    {
        var (editor, editorClient) = await site.SignedInAsync("editor", PortalRoles.Editor);
        var agencies = await AgenciesAsync(2);
        var (_, clientA) = await LeadAsync("lead-a", agencies[0]);
        var (_, actionId) = await site.PlanWithActionAsync(editor, null, ActionPlanSite.Today().AddDays(30));
        var planId = await site.DbAsync(db => db.PlanActions.Where(a => a.Id == actionId).Select(a => a.PlanId).SingleAsync());
        var past = ActionPlanSite.Today().AddDays(-2);
        var question = "Assure us that the escalation policy is used " + Guid.NewGuid().ToString("N")[..6];

        var warned = await PortalClient.ParseAsync(await PostNewRequestAsync(editorClient, question, "some", [agencies[0], agencies[1]], past, actionId));
        var countAfterWarning = await site.DbAsync(db => db.AssuranceRequests.CountAsync(r => r.Question == question));
        var confirmed = await PostNewRequestAsync(editorClient, question, "some", [agencies[0], agencies[1]], past, actionId, warned.QuerySelector("input[name='Input.ConfirmedDueOn']")!.GetAttribute("value"));
        var path = confirmed.Headers.Location!.OriginalString;
        var id = int.Parse(path.Split('/')[^1], CultureInfo.InvariantCulture);
        var first = await clientA.SubmitFormAsync($"/assurance/{id}", new Dictionary<string, string> { ["Intent"] = "send", ["Rating"] = "NotAssured", ["Narrative"] = "Not yet in place" });
        var second = await clientA.SubmitFormAsync($"/assurance/{id}", new Dictionary<string, string> { ["Intent"] = "send", ["Rating"] = "Assured", ["Narrative"] = "In place since the relaunch", ["Links"] = "https://example.org/audit" });
        var badLink = await PortalClient.ParseAsync(await clientA.SubmitFormAsync($"/assurance/{id}", new Dictionary<string, string> { ["Intent"] = "send", ["Rating"] = "Assured", ["Narrative"] = "x", ["Links"] = "javascript:alert(1)" }));
        var report = await editorClient.GetDocumentAsync($"/manage/actions/report/plans/{planId}");
        var summary = await editorClient.GetDocumentAsync("/manage/actions/report");
        var csv = await (await editorClient.GetAsync($"/manage/actions/report.csv?Period.Plan={planId}")).Content.ReadAsStringAsync();
        var formBeforeClose = await clientA.GetDocumentAsync($"/assurance/{id}");
        var closed = await editorClient.SubmitFormAsync(path, new Dictionary<string, string>(), "form[action*=Close]");
        var afterClose = await PortalClient.ParseAsync(await clientA.SubmitFormAsync(formBeforeClose, $"/assurance/{id}", new Dictionary<string, string> { ["Intent"] = "send", ["Rating"] = "Assured", ["Narrative"] = "After closing" }));
        var editorPage = await editorClient.GetDocumentAsync(path);
        var leadPage = await clientA.GetDocumentAsync($"/assurance/{id}");

        Assert.Contains("is in the past", warned.GetElementById("confirm-past-due")!.TextContent);
        Assert.Equal(0, countAfterWarning);
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        Assert.Contains("Enter each link on its own line", badLink.QuerySelector(".govuk-error-summary")!.TextContent);
        var returns = report.GetElementById("assurance-returns")!.TextContent;
        Assert.Contains(question, returns);
        Assert.Contains("Assured", returns);
        Assert.Contains("Not answered (late)", returns);
        // The summary counts the returns: per request (asked, assured, partly, not assured, not answered) and per agency.
        var requestRow = summary.QuerySelectorAll("#assurance-requests tbody tr").Single(r => r.TextContent.Contains(question, StringComparison.Ordinal));
        Assert.Equal(["2", "1", "0", "0", "1"], requestRow.QuerySelectorAll("td.govuk-table__cell--numeric").Select(c => c.TextContent.Trim()));
        var agencyNames = await site.DbAsync(db => db.Agencies.Where(a => a.Id == agencies[0] || a.Id == agencies[1]).Select(a => a.Name).ToListAsync());
        var byAgency = summary.QuerySelectorAll("#assurance-by-agency tbody tr").Select(r => r.QuerySelector("th")!.TextContent.Trim()).ToList();
        Assert.All(agencyNames, name => Assert.Contains(name, byAgency));
        Assert.Null(summary.GetElementById("assurance-returns"));
        Assert.Contains("Assurance return", csv);
        Assert.Contains("In place since the relaunch", csv);
        Assert.Equal(HttpStatusCode.Redirect, closed.StatusCode);
        Assert.Contains("This request has been closed", afterClose.QuerySelector(".govuk-error-summary")!.TextContent);
        Assert.Null(leadPage.QuerySelector("main form"));
        Assert.Contains("Closed on", editorPage.QuerySelector("main")!.TextContent);
        Assert.Contains("Not yet in place", editorPage.QuerySelector("main details")!.TextContent);
        Assert.Equal(2, leadPage.QuerySelectorAll("#history li").Length);
        var revisions = await site.DbAsync(db => db.AssuranceAnswerRevisions.Where(r => db.AssuranceAnswers.Any(a => a.Id == r.AnswerId && a.RequestId == id)).OrderBy(r => r.Id).Select(r => r.Rating).ToListAsync());
        Assert.Equal([AssuranceRating.NotAssured, AssuranceRating.Assured], revisions);
    }

    [Fact]
    public async Task Two_leads_of_one_agency_saving_at_once_get_a_conflict_and_keep_what_they_typed()
    {
        var (_, editorClient) = await site.SignedInAsync("editor", PortalRoles.Editor);
        var agencies = await AgenciesAsync(1);
        var (_, first) = await LeadAsync("lead-1", agencies[0]);
        var (_, second) = await LeadAsync("lead-2", agencies[0]);
        var created = await PostNewRequestAsync(editorClient, "Assure us of supervision " + Guid.NewGuid().ToString("N")[..6], "some", [agencies[0]], ActionPlanSite.Today().AddDays(10));
        var id = int.Parse(created.Headers.Location!.OriginalString.Split('/')[^1], CultureInfo.InvariantCulture);
        var formA = await first.GetDocumentAsync($"/assurance/{id}");
        var formB = await second.GetDocumentAsync($"/assurance/{id}");

        var a = await first.SubmitFormAsync(formA, $"/assurance/{id}", new Dictionary<string, string> { ["Intent"] = "send", ["Rating"] = "Assured", ["Narrative"] = "The first lead's answer" });
        var b = await PortalClient.ParseAsync(await second.SubmitFormAsync(formB, $"/assurance/{id}", new Dictionary<string, string> { ["Intent"] = "send", ["Rating"] = "NotAssured", ["Narrative"] = "The second lead's answer" }));
        var again = await second.SubmitFormAsync(b, $"/assurance/{id}", new Dictionary<string, string> { ["Intent"] = "send" });

        Assert.Equal(HttpStatusCode.Redirect, a.StatusCode);
        Assert.Contains("Your changes have not been saved", b.GetElementById("conflict")!.TextContent);
        Assert.Equal("The second lead's answer", b.QuerySelector("textarea[name=Narrative]")!.TextContent.Trim());
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        var history = await site.DbAsync(db => db.AssuranceAnswerRevisions.Where(r => db.AssuranceAnswers.Any(x => x.Id == r.AnswerId && x.RequestId == id)).OrderBy(r => r.Id).Select(r => r.Narrative).ToListAsync());
        Assert.Equal(["The first lead's answer", "The second lead's answer"], history);
    }

    [Fact]
    public async Task Partnership_groups_are_added_renamed_and_retired_and_a_retired_group_is_not_offered_for_new_actions()
    {
        var (editor, client) = await site.SignedInAsync("editor", PortalRoles.Editor);
        var name = "Safeguarding in education group " + Guid.NewGuid().ToString("N")[..6];

        var added = await client.SubmitFormAsync("/manage/actions/groups/add", new Dictionary<string, string> { ["Name"] = name });
        var duplicate = await PortalClient.ParseAsync(await client.SubmitFormAsync("/manage/actions/groups/add", new Dictionary<string, string> { ["Name"] = name.ToUpperInvariant() }));
        var id = await site.DbAsync(db => db.PartnershipGroups.Where(g => g.Name == name).Select(g => g.Id).SingleAsync());
        var renamed = await client.SubmitFormAsync($"/manage/actions/groups/{id}/rename", new Dictionary<string, string> { ["Name"] = name + " (renamed)" });
        var retired = await client.SubmitFormAsync($"/manage/actions/groups/{id}/retire", new Dictionary<string, string>());
        var (planId, _) = await site.PlanWithActionAsync(editor, null, ActionPlanSite.Today().AddDays(30));
        var addAction = await client.GetDocumentAsync($"/manage/actions/plans/{planId}/add-action");
        var list = await client.GetDocumentAsync("/manage/actions/groups");
        var unknown = await client.GetAsync($"/manage/actions/groups/{id}/delete");

        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.Contains("There is already a group called", duplicate.QuerySelector(".govuk-error-summary")!.TextContent);
        Assert.Equal(HttpStatusCode.Redirect, renamed.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, retired.StatusCode);
        Assert.DoesNotContain(name, addAction.QuerySelector("main form")!.TextContent);
        Assert.Contains("Neglect subgroup", addAction.QuerySelector("main form")!.TextContent);
        Assert.Contains(name + " (renamed)", list.QuerySelector("main")!.TextContent);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        var audit = await site.DbAsync(db => db.AuditEntries.Where(e => e.SubjectType == "partnership-group" && e.SubjectId == id.ToString(CultureInfo.InvariantCulture)).Select(e => e.Action).ToListAsync());
        Assert.Equal(["group.added", "group.renamed", "group.retired"], audit.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Turning_recommendations_into_actions_is_all_or_nothing_when_the_database_fails_half_way()
    {
        var editor = await site.CreateUserAsync(TestUsers.UniqueEmail("editor"), TestUsers.Password, PortalRoles.Editor);
        var slug = Build.Slug("atomic");
        var marker = "Fails on insert " + Guid.NewGuid().ToString("N")[..8];
        var v1 = await site.CreateAsync(Build.Briefing(change: f => f.Recommendations =
        [
            new RecommendationField { Text = "The first is saved" },
            new RecommendationField { Text = marker },
            new RecommendationField { Text = "The third is never reached" },
        ]), slug);
        await site.PublishAsync(v1.DocumentId, 1);
        var planId = (await site.WithAsync(sp => sp.GetRequiredService<ActionPlanning>().CreatePlanAsync(
            new PlanInput("Atomic plan", v1.DocumentId, null, false, [editor.Id]), ActionPlanSite.Editor(editor)))).Value;
        var group = await site.DbAsync(db => db.PartnershipGroups.Where(g => g.Name == "Neglect subgroup").Select(g => g.Id).SingleAsync());
        // A real failure in the database on the second insert: a trigger refuses the row.
        await site.DbAsync(db => db.Database.ExecuteSqlRawAsync(db.IsPostgres
            ? $"""
               CREATE FUNCTION refuse_marked_action() RETURNS trigger AS $$ BEGIN IF NEW."What" = '{marker}' THEN RAISE EXCEPTION 'refused'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql;
               CREATE TRIGGER refuse_marked_action BEFORE INSERT ON "PlanActions" FOR EACH ROW EXECUTE FUNCTION refuse_marked_action();
               """
            : $"""CREATE TRIGGER refuse_marked_action BEFORE INSERT ON "PlanActions" WHEN NEW."What" = '{marker}' BEGIN SELECT RAISE(ABORT, 'refused'); END;"""));
        var auditBefore = await site.DbAsync(db => db.AuditEntries.CountAsync(e => e.Action == "action.created"));

        Exception? failure;
        try
        {
            failure = await Record.ExceptionAsync(() => site.WithAsync(sp => sp.GetRequiredService<ActionPlanning>().ActionsFromRecommendationsAsync(planId, null, group,
                ActionPlanSite.Today().AddDays(60), false, ActionPlanSite.Editor(editor))));
        }
        finally
        {
            await site.DbAsync(db => db.Database.ExecuteSqlRawAsync(db.IsPostgres
                ? "DROP TRIGGER refuse_marked_action ON \"PlanActions\"; DROP FUNCTION refuse_marked_action();"
                : "DROP TRIGGER refuse_marked_action;"));
        }

        var actions = await site.DbAsync(db => db.PlanActions.CountAsync(a => a.PlanId == planId));
        var auditAfter = await site.DbAsync(db => db.AuditEntries.CountAsync(e => e.Action == "action.created"));
        var retried = await site.WithAsync(sp => sp.GetRequiredService<ActionPlanning>().ActionsFromRecommendationsAsync(planId, null, group,
            ActionPlanSite.Today().AddDays(60), false, ActionPlanSite.Editor(editor)));

        Assert.NotNull(failure);
        Assert.Equal(0, actions);
        Assert.Equal(auditBefore, auditAfter);
        Assert.Equal(3, retried.Value);
        Assert.Equal([1, 2, 3], await site.DbAsync(db => db.PlanActions.Where(a => a.PlanId == planId).OrderBy(a => a.Number).Select(a => a.Number).ToListAsync()));
    }

    [Fact]
    public async Task The_2020_audit_reports_starter_actions_answer_its_five_recommendations_by_id()
    {
        string[] ids = ["6e048c45-44dc-4bb7-85a7-6534af2c78a9", "3d706533-4be6-4dd0-86a1-7a05147a727e", "26a1f963-5509-4f95-b0c0-baba1b7aad72", "2544b022-925f-4eb7-b9a4-d38f9c8be7b8", "1a9710c4-51a8-4544-bd65-80b92e37350a"];

        var actions = await site.DbAsync(db => db.PlanActions.Where(a => a.Plan.Title.StartsWith("Neglect audit 2020")).OrderBy(a => a.Number).ToListAsync());

        Assert.Equal(ids.Select(Guid.Parse), actions.Select(a => a.RecommendationId!.Value));
        Assert.All(actions, a => Assert.False(a.RecommendationWithdrawn));
        Assert.All(actions, a => Assert.False(string.IsNullOrEmpty(a.RecommendationText)));
    }

    [Fact]
    public async Task Update_and_answer_narratives_that_look_identifying_are_shown_back_and_saved_only_when_saved_again()
    {
        const string Identifying = "Visited the family at SW1A 1AA; the child (DOB 12/03/2019) was seen.";
        var (editor, editorClient) = await site.SignedInAsync("editor", PortalRoles.Editor);
        var (lead, leadClient) = await site.SignedInAsync("lead");
        var (_, actionId) = await site.PlanWithActionAsync(editor, lead, ActionPlanSite.Today().AddDays(30));
        var updatePath = $"/actions/{actionId}/update";
        var agencies = await AgenciesAsync(1);
        var (_, agencyClient) = await LeadAsync("lead-id", agencies[0]);
        var everyAgency = await PostNewRequestAsync(editorClient, "Assure us that home visits are recorded " + Guid.NewGuid().ToString("N")[..6], "all", [], ActionPlanSite.Today().AddDays(14));
        var requestId = int.Parse(everyAgency.Headers.Location!.OriginalString.Split('/')[^1], CultureInfo.InvariantCulture);
        var asked = await site.DbAsync(db => db.AssuranceRequestAgencies.CountAsync(r => r.RequestId == requestId));
        var activeAgencies = await site.DbAsync(db => db.Agencies.CountAsync(a => a.IsActive));

        var warned = await PortalClient.ParseAsync(await leadClient.SubmitFormAsync(updatePath, new Dictionary<string, string> { ["Status"] = "OnTrack", ["Text"] = Identifying }));
        var updatesAfterWarning = await site.DbAsync(db => db.ActionUpdates.CountAsync(u => u.ActionId == actionId));
        var saved = await leadClient.SubmitFormAsync(warned, updatePath, new Dictionary<string, string>());
        var answerWarned = await PortalClient.ParseAsync(await agencyClient.SubmitFormAsync($"/assurance/{requestId}", new Dictionary<string, string> { ["Intent"] = "send", ["Rating"] = "Assured", ["Narrative"] = Identifying }));
        var answersAfterWarning = await site.DbAsync(db => db.AssuranceAnswers.CountAsync(a => a.RequestId == requestId));
        var answered = await agencyClient.SubmitFormAsync(answerWarned, $"/assurance/{requestId}", new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.Redirect, everyAgency.StatusCode);
        Assert.Equal(activeAgencies, asked);
        Assert.Equal(["12/03/2019", "DOB", "SW1A 1AA"], warned.QuerySelectorAll("#identifying-warning mark").Select(m => m.FirstChild!.TextContent).Order(StringComparer.Ordinal));
        Assert.Equal(Identifying, warned.QuerySelector("textarea[name=Text]")!.TextContent.Trim());
        Assert.Equal(0, updatesAfterWarning);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(Identifying, await site.DbAsync(db => db.ActionUpdates.Where(u => u.ActionId == actionId).Select(u => u.Text).SingleAsync()));
        Assert.NotNull(answerWarned.QuerySelector("#identifying-warning"));
        Assert.Equal(Identifying, answerWarned.QuerySelector("textarea[name=Narrative]")!.TextContent.Trim());
        Assert.Equal(0, answersAfterWarning);
        Assert.Equal(HttpStatusCode.Redirect, answered.StatusCode);
        Assert.Equal(Identifying, await site.DbAsync(db => db.AssuranceAnswers.Where(a => a.RequestId == requestId).Select(a => a.Narrative).SingleAsync()));
    }

    private async Task<List<int>> AgenciesAsync(int count) =>
        await site.DbAsync(db => db.Agencies.Where(a => a.IsActive).OrderBy(a => a.SortOrder).ThenBy(a => a.Id).Select(a => a.Id).Take(count).ToListAsync());

    /// <summary>An Agency lead of the given agency, signed in with two factors.</summary>
    private async Task<(PortalUser User, PortalClient Client)> LeadAsync(string prefix, int agencyId)
    {
        var user = await site.CreateUserAsync(TestUsers.UniqueEmail(prefix), TestUsers.Password, PortalRoles.AgencyLead);
        await site.DbAsync(db => db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.AgencyId, agencyId)));
        var client = site.CreatePortalClient();
        await client.SignInAsync(user.Email!);
        return (user, client);
    }

    /// <summary>Posts the new-request form with several agencies ticked (a form field that repeats).</summary>
    private static async Task<HttpResponseMessage> PostNewRequestAsync(PortalClient client, string question, string who, IReadOnlyList<int> agencies, DateOnly? due, int? actionId = null, string? confirmed = null)
    {
        var page = await client.GetDocumentAsync("/manage/actions/assurance/new");
        var fields = new List<KeyValuePair<string, string>>
        {
            new("__RequestVerificationToken", Token(page)),
            new("Input.Question", question),
            new("Input.Who", who),
            new("Input.DueOn.Day", due?.Day.ToString(CultureInfo.InvariantCulture) ?? ""),
            new("Input.DueOn.Month", due?.Month.ToString(CultureInfo.InvariantCulture) ?? ""),
            new("Input.DueOn.Year", due?.Year.ToString(CultureInfo.InvariantCulture) ?? ""),
            new("Input.ActionId", actionId?.ToString(CultureInfo.InvariantCulture) ?? ""),
            new("Input.ConfirmedDueOn", confirmed ?? ""),
        };
        fields.AddRange(agencies.Select(a => new KeyValuePair<string, string>("Input.AgencyIds", a.ToString(CultureInfo.InvariantCulture))));
        using var request = new HttpRequestMessage(HttpMethod.Post, "/manage/actions/assurance/new") { Content = new FormUrlEncodedContent(fields) };
        return await client.SendAsync(request);
    }

    private static async Task<HttpResponseMessage> PostAnswerAsync(PortalClient client, int id, string rating, string narrative, string fileName, byte[] content)
    {
        var path = $"/assurance/{id}";
        var page = await client.GetDocumentAsync(path);
        using var body = new MultipartFormDataContent();
        foreach (var input in page.QuerySelector("main form")!.QuerySelectorAll("input[type=hidden]"))
        {
            body.Add(new StringContent(input.GetAttribute("value") ?? ""), input.GetAttribute("name")!);
        }

        body.Add(new StringContent("send"), "Intent");
        body.Add(new StringContent(rating), "Rating");
        body.Add(new StringContent(narrative), "Narrative");
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        body.Add(file, "Files", fileName);
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = body };
        return await client.SendAsync(request);
    }

    private static string Token(IHtmlDocument page) =>
        page.QuerySelector("main form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
}
