using System.Text;
using LearningPortal.Core.Impact;
using LearningPortal.Tests.Account;
using LearningPortal.Tests.Supervision;

namespace LearningPortal.Tests.Impact;

/// <summary>
/// /account/learning and "I have read this and reflected": one list from reflections, the register, supervision and
/// learning added by hand; the person's alone; gone with the account. Uses the supervision site (briefings can be
/// published, records made) and the training builders.
/// </summary>
public class LearningRecordTests(SupervisionSite site) : IClassFixture<SupervisionSite>
{
    private readonly TrainingData training = new(site);
    private readonly SupervisionData supervision = new(site);

    [Fact]
    public async Task Read_and_reflected_puts_the_briefing_on_the_record_and_its_note_is_seen_by_nobody_else()
    {
        var (version, _) = await supervision.BriefingAsync("Reflected briefing " + Guid.NewGuid().ToString("N")[..6]);
        var note = "Private note " + Guid.NewGuid().ToString("N");
        var reader = await site.CreateUserAsync(TestUsers.UniqueEmail("reader"));
        using var client = site.CreatePortalClient();
        await client.SignInAsync(reader.Email!);
        var path = $"/learning/{version.Slug}";

        var briefing = await client.GetDocumentAsync(path);
        var response = await client.SubmitFormAsync(briefing, path, new Dictionary<string, string> { ["Note"] = note }, "form[action$='/reflect']");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(path + "#learning-record", response.Headers.Location!.OriginalString);
        Assert.Contains("You added this briefing to your learning record", (await client.GetDocumentAsync(path)).Body!.TextContent);
        var record = await client.GetDocumentAsync("/account/learning");
        Assert.Contains(version.Title, record.Body!.TextContent);
        Assert.Contains(note, (await client.GetDocumentAsync("/account/learning/cpd-log")).Body!.TextContent);
        Assert.Contains(note, await (await client.GetAsync("/account/learning?handler=Csv")).Content.ReadAsStringAsync());

        // Nobody else: another practitioner and an administrator see their own (empty) record, not the reader's.
        var other = await site.CreateUserAsync(TestUsers.UniqueEmail("other"));
        var admin = await site.CreateUserAsync(TestUsers.UniqueEmail("admin"), TestUsers.Password, PortalRoles.Administrator);
        foreach (var someone in new[] { other, admin })
        {
            using var theirs = site.CreatePortalClient();
            await theirs.SignInAsync(someone.Email!);
            foreach (var page in new[] { "/account/learning", "/account/learning/cpd-log", "/account/learning?handler=Csv", path, path + "/reflect" })
            {
                var text = await (await theirs.GetAsync(page)).Content.ReadAsStringAsync();
                Assert.DoesNotContain(note, text);
            }

            Assert.DoesNotContain(version.Title, (await theirs.GetDocumentAsync("/account/learning")).Body!.TextContent);
        }

        using var adminClient = site.CreatePortalClient();
        await adminClient.SignInAsync(admin.Email!);
        Assert.DoesNotContain(note, await (await adminClient.GetAsync($"/manage/users/{reader.Id}")).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Changing_the_note_keeps_one_mark_and_removing_takes_it_off_the_record()
    {
        var (version, _) = await supervision.BriefingAsync();
        var reader = await site.CreateUserAsync(TestUsers.UniqueEmail("reader"));
        using var client = site.CreatePortalClient();
        await client.SignInAsync(reader.Email!);
        var reflect = $"/learning/{version.Slug}/reflect";

        await client.SubmitFormAsync(reflect, new Dictionary<string, string> { ["Note"] = "First thought" });
        await client.SubmitFormAsync(reflect, new Dictionary<string, string> { ["Note"] = "Second thought" });
        var tooLong = await AccountTestData.ExpectPageAsync(await client.SubmitFormAsync(reflect, new Dictionary<string, string> { ["Note"] = new string('x', 4001) }));

        Assert.Equal(["Your note must be 4,000 characters or fewer"], tooLong.ErrorSummary());
        var marks = await supervision.WithDbAsync(db => db.BriefingReflections.AsNoTracking().Where(r => r.UserId == reader.Id).ToListAsync());
        Assert.Equal("Second thought", Assert.Single(marks).Note);

        await client.SubmitFormAsync(reflect, new Dictionary<string, string>(), "form[action*='handler=Remove']");

        Assert.False(await supervision.WithDbAsync(db => db.BriefingReflections.AnyAsync(r => r.UserId == reader.Id)));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/learning/no-such-briefing/reflect")).StatusCode);
    }

    [Fact]
    public async Task Adding_learning_checks_every_answer_and_the_csv_has_the_cpd_and_revalidation_columns()
    {
        var person = await site.CreateUserAsync(TestUsers.UniqueEmail("learner"));
        using var client = site.CreatePortalClient();
        await client.SignInAsync(person.Email!);

        var empty = await AccountTestData.ExpectPageAsync(await client.SubmitFormAsync("/account/learning/add", new Dictionary<string, string>()));
        Assert.Equal(
            ["Enter a title for the learning", "Enter the date of the learning", "Enter the number of hours",
             "Select yes if you learned with other people", "Enter what you learned", "Enter how it changes your practice",
             "Select yes if you discussed it with a peer"],
            empty.ErrorSummary());

        var added = await client.SubmitFormAsync("/account/learning/add", new Dictionary<string, string>
        {
            ["Input.Title"] = "=Neglect conference",
            ["Input.On.Day"] = "12",
            ["Input.On.Month"] = "3",
            ["Input.On.Year"] = "2026",
            ["Input.Hours"] = "2.6",
            ["Input.Participatory"] = "true",
            ["Input.WhatILearned"] = "How chronologies show drift",
            ["Input.HowItChangesMyPractice"] = "I will start a chronology, at the first visit",
            ["Input.CodeTheme"] = nameof(NmcCodeTheme.PreserveSafety),
            ["Input.DiscussedWithPeer"] = "true",
        });

        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var csvResponse = await client.GetAsync("/account/learning?handler=Csv&year=2026");
        Assert.Equal("text/csv; charset=utf-8", csvResponse.Content.Headers.ContentType!.ToString());
        var lines = Encoding.UTF8.GetString(await csvResponse.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("Date,Type of learning,Title,Hours,Participatory hours,What I learned,Reflection: how it changes my practice,Reflective account,NMC Code theme,Discussed with a peer,Evidence", lines[0]);
        Assert.Equal("2026-03-12,Added by me,'=Neglect conference,2.5,2.5,How chronologies show drift,\"I will start a chronology, at the first visit\",Yes,Preserve safety,Yes,", Assert.Single(lines.Skip(1)));
        var id = await supervision.WithDbAsync(db => db.LearningActivities.Where(a => a.UserId == person.Id).Select(a => a.Id).SingleAsync());

        // Someone else's entry is not found, to look at, change or delete.
        var other = await site.CreateUserAsync(TestUsers.UniqueEmail("other"));
        using var otherClient = site.CreatePortalClient();
        await otherClient.SignInAsync(other.Email!);
        Assert.Equal(HttpStatusCode.NotFound, (await otherClient.GetAsync($"/account/learning/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherClient.GetAsync($"/account/learning/{id}/delete")).StatusCode);

        var deleted = await client.SubmitFormAsync($"/account/learning/{id}/delete", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.False(await supervision.WithDbAsync(db => db.LearningActivities.AnyAsync(a => a.Id == id)));
    }

    [Fact]
    public async Task Attendance_on_the_register_lists_the_course_with_its_certificate_and_the_rebuild_restores_it()
    {
        var person = await site.CreateUserAsync(TestUsers.UniqueEmail("attendee"));
        var session = await training.SessionAsync();
        var booked = await training.BookAsync(session, person);
        await training.MoveIntoPastAsync(session, TimeSpan.FromHours(4));

        var marked = await training.WithAsync<SessionRegister, Outcome<int>>(r =>
            r.RecordAsync(session.Id, [new AttendanceMark(booked.Value!.BookingId, AttendanceOutcome.Attended)], TrainingData.Staff));

        Assert.True(marked.Succeeded, marked.Message);
        using var client = site.CreatePortalClient();
        await client.SignInAsync(person.Email!);
        var page = await client.GetDocumentAsync("/account/learning");
        Assert.Contains(session.Course.Title, page.Body!.TextContent);
        Assert.NotNull(page.QuerySelector($"a[href='/training/my/{booked.Value!.BookingId}/certificate']"));

        // After a restore the read model may be missing: the rebuild makes it again from Training's tables.
        await supervision.WithDbAsync(db => db.LearningAttendances.Where(a => a.UserId == person.Id).ExecuteDeleteAsync());
        var rebuilt = await site.WithScopeAsync(sp => sp.GetRequiredService<ImpactRebuild>().RunAsync());
        Assert.True(rebuilt.Attendances >= 1);
        var row = await supervision.WithDbAsync(db => db.LearningAttendances.AsNoTracking().SingleAsync(a => a.UserId == person.Id));
        Assert.Equal((booked.Value!.BookingId, AttendanceResult.Attended, true), (row.BookingId, row.Result, row.HasCertificate));
    }

    [Fact]
    public async Task A_finalised_supervision_record_lists_its_title_and_opening_it_needs_two_factor_sign_in()
    {
        var (version, set) = await supervision.BriefingAsync();
        var supervisor = await supervision.SupervisorAsync();
        var practitioner = await site.CreateUserWithoutSecondFactorAsync(TestUsers.UniqueEmail("practitioner"));
        var recordId = await supervision.RecordAsync(supervisor, set, [practitioner], discussion: "Secret words of the discussion");
        var draftId = await supervision.RecordAsync(supervisor, set, [practitioner], finalise: false);

        using var client = site.CreatePortalClient();
        await client.SignInAsync(practitioner.Email!);
        var page = await client.GetDocumentAsync("/account/learning");
        var html = page.DocumentElement.OuterHtml;

        Assert.Contains(set.Title, page.Body!.TextContent);
        Assert.NotNull(page.QuerySelector($"a[href='/supervision/records/{recordId}']"));
        Assert.Null(page.QuerySelector($"a[href='/supervision/records/{draftId}']"));
        Assert.DoesNotContain("Secret words of the discussion", html);
        var open = await client.GetAsync($"/supervision/records/{recordId}");
        Assert.Equal(HttpStatusCode.Redirect, open.StatusCode);
        Assert.StartsWith("/account/two-factor", open.Headers.Location!.OriginalString);

        // The supervisor's record lists it too (as the one who led it); the rebuild finds the same people.
        Assert.True(await supervision.WithDbAsync(db => db.LearningDiscussions.AnyAsync(d => d.RecordId == recordId && d.UserId == supervisor.Id && d.AsSupervisor)));
        await supervision.WithDbAsync(db => db.LearningDiscussions.Where(d => d.RecordId == recordId).ExecuteDeleteAsync());
        await site.WithScopeAsync(sp => sp.GetRequiredService<ImpactRebuild>().RunAsync());
        Assert.Equal(2, await supervision.WithDbAsync(db => db.LearningDiscussions.CountAsync(d => d.RecordId == recordId)));
    }

    [Fact]
    public async Task A_finalised_discussion_carries_its_briefing_and_confidence_and_the_rebuild_fills_them_again()
    {
        var (version, set) = await supervision.BriefingAsync();
        var supervisor = await supervision.SupervisorAsync();
        var practitioner = await supervision.PersonAsync("confident");
        var recordId = await supervision.RecordAsync(supervisor, set, [practitioner], confidence: (2, 4));

        async Task AssertCopiesAsync()
        {
            var copies = await supervision.WithDbAsync(db => db.LearningDiscussions.AsNoTracking().Where(d => d.RecordId == recordId).ToListAsync());
            Assert.Equal(2, copies.Count);
            Assert.All(copies, c => Assert.Equal(version.DocumentId, c.DocumentId));
            var mine = Assert.Single(copies, c => !c.AsSupervisor);
            Assert.Equal((2, 4), (mine.ConfidenceBefore, mine.ConfidenceAfter));
            var supervisors = Assert.Single(copies, c => c.AsSupervisor);
            Assert.Null(supervisors.ConfidenceBefore);
        }

        await AssertCopiesAsync();

        // Copies made before discussions carried their briefing have none: the rebuild fills it from the question set.
        await supervision.WithDbAsync(db => db.LearningDiscussions.Where(d => d.RecordId == recordId).ExecuteUpdateAsync(u => u.SetProperty(d => d.DocumentId, (int?)null)));
        await site.WithScopeAsync(sp => sp.GetRequiredService<ImpactRebuild>().RunAsync());
        await AssertCopiesAsync();
    }

    [Fact]
    public async Task Deleting_the_account_deletes_reflections_and_learning_and_leaves_reads_belonging_to_nobody()
    {
        var (version, set) = await supervision.BriefingAsync();
        var person = await site.CreateUserAsync(TestUsers.UniqueEmail("leaver"));
        var supervisor = await supervision.SupervisorAsync();
        await supervision.RecordAsync(supervisor, set, [person]);
        using var client = site.CreatePortalClient();
        await client.SignInAsync(person.Email!);
        await client.SubmitFormAsync($"/learning/{version.Slug}/reflect", new Dictionary<string, string> { ["Note"] = "Mine alone" });
        await site.WithScopeAsync(async sp =>
        {
            await sp.GetRequiredService<LearningRecord>().AddActivityAsync(person.Id,
                new LearningActivityInput("Shadowing", new DateOnly(2026, 2, 1), 3, true, "Home visits", "Ask about routines", null, false));
            return true;
        });
        Assert.Equal(HttpStatusCode.NoContent, (await SendBeaconAsync(client, version.DocumentId)).StatusCode);
        await Eventually.TrueAsync(() => supervision.WithDbAsync(db => db.BriefingReads.AnyAsync(r => r.UserId == person.Id)), "the read to be written");

        var deleted = await client.SubmitFormAsync("/account/delete", new Dictionary<string, string> { ["Input.Password"] = TestUsers.Password });

        Assert.Equal("/account/deleted", deleted.Headers.Location!.OriginalString);
        await supervision.WithDbAsync(async db =>
        {
            Assert.False(await db.BriefingReflections.AnyAsync(r => r.UserId == person.Id));
            Assert.False(await db.LearningActivities.AnyAsync(a => a.UserId == person.Id));
            Assert.False(await db.LearningDiscussions.AnyAsync(d => d.UserId == person.Id));
            Assert.False(await db.BriefingReads.AnyAsync(r => r.UserId == person.Id));
            Assert.True(await db.BriefingReads.AnyAsync(r => r.DocumentId == version.DocumentId && r.UserId == null));
            return true;
        });
    }

    [Fact]
    public async Task The_read_beacon_counts_a_person_once_a_day_views_without_sign_in_apart_and_refuses_other_sites()
    {
        var (version, _) = await supervision.BriefingAsync();
        var person = await site.CreateUserAsync(TestUsers.UniqueEmail("reader"));
        using var signedIn = site.CreatePortalClient();
        await signedIn.SignInAsync(person.Email!);
        using var anonymous = site.CreatePortalClient();

        var page = await anonymous.GetDocumentAsync($"/learning/{version.Slug}");
        Assert.Equal($"/reads/{version.DocumentId}", page.QuerySelector("[data-lp-read]")!.GetAttribute("data-lp-read"));
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.NoContent, (await SendBeaconAsync(signedIn, version.DocumentId)).StatusCode);
            Assert.Equal(HttpStatusCode.NoContent, (await SendBeaconAsync(anonymous, version.DocumentId)).StatusCode);
        }

        using var crossSite = new HttpRequestMessage(HttpMethod.Post, $"/reads/{version.DocumentId}");
        crossSite.Headers.Add("Sec-Fetch-Site", "cross-site");
        Assert.Equal(HttpStatusCode.Forbidden, (await signedIn.SendAsync(crossSite)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await SendBeaconAsync(anonymous, 999_999)).StatusCode);

        await Eventually.TrueAsync(
            () => supervision.WithDbAsync(async db => await db.AnonymousBriefingViews.Where(v => v.DocumentId == version.DocumentId).SumAsync(v => v.Views) == 3),
            "the anonymous views to be written");
        await supervision.WithDbAsync(async db =>
        {
            var reads = await db.BriefingReads.AsNoTracking().Where(r => r.DocumentId == version.DocumentId).ToListAsync();
            Assert.Equal((person.Id, person.AgencyId), (Assert.Single(reads).UserId, reads[0].AgencyId));
            Assert.False(await db.AnonymousBriefingViews.AnyAsync(v => v.DocumentId == 999_999));
            return true;
        });
    }

    private static Task<HttpResponseMessage> SendBeaconAsync(PortalClient client, int documentId)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/reads/{documentId}");
        request.Headers.Add("Sec-Fetch-Site", "same-origin");
        return client.SendAsync(request);
    }
}
