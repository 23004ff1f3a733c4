using System.IO.Compression;
using System.Text;
using LearningPortal.Core.Privacy;
using LearningPortal.Tests.Account;
using LearningPortal.Tests.Supervision;

namespace LearningPortal.Tests.Privacy;

public class PersonalDataExportTests(SupervisionSite site) : IClassFixture<SupervisionSite>
{
    private readonly SupervisionData supervision = new(site);
    private readonly TrainingData training = new(site);

    [Fact]
    public async Task The_person_downloads_everything_about_them_and_nothing_about_anyone_else()
    {
        var world = await WorldAsync();
        using var client = await supervision.SignedInAsync(world.Person);

        var response = await client.SubmitFormAsync("/account/my-data", new Dictionary<string, string> { ["Input.Password"] = TestUsers.Password });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/zip", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString());
        Assert.StartsWith("attachment", response.Content.Headers.ContentDisposition?.ToString());
        var files = await UnzipAsync(response);
        Assert.Contains(world.Person.Email!, files["profile.json"]);
        Assert.Contains("Morgan Manager", files["profile.json"]);
        Assert.Contains(world.PersonNeeds, files["training/bookings.csv"]);
        Assert.Contains(world.Course, files["training/bookings.csv"]);
        Assert.Contains(world.PersonDiscussion, files["supervision/records.json"]);
        Assert.Contains(world.PersonReflection, files["supervision/records.json"]);
        Assert.Contains("records.json", files["README.txt"]);
        Assert.Contains(world.Learning.BriefingTitle, files["learning/briefings-read-and-reflected.csv"]);
        Assert.Contains(world.Learning.Note, files["learning/briefings-read-and-reflected.csv"]);
        Assert.Contains(world.Learning.ActivityTitle, files["learning/learning-you-added.json"]);
        Assert.Contains(world.Learning.ActivityText, files["learning/learning-you-added.json"]);
        Assert.Contains(world.Learning.BriefingTitle, files["learning/briefings-you-opened.csv"]);
        Assert.Contains(world.Learning.ReadDay, files["learning/briefings-you-opened.csv"]);
        Assert.Contains(world.Learning.AssuranceNarrative, files["assurance/answers-you-gave.csv"]);
        Assert.Contains(world.Learning.AssuranceQuestion, files["assurance/answers-you-gave.csv"]);
        Assert.Contains(world.Learning.ActionWhat, files["actions/actions-you-lead.csv"]);
        var everything = string.Join("\n", files.Values);
        Assert.DoesNotContain(world.Other.Email!, everything, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(world.OtherNeeds, everything);
        Assert.DoesNotContain(world.OtherDiscussion, everything);
        Assert.DoesNotContain(ColleagueReflection, everything);
        Assert.DoesNotContain(world.Learning.OtherNote, everything);
        Assert.DoesNotContain(world.Learning.OtherActivity, everything);
        Assert.DoesNotContain(world.Learning.OtherNarrative, everything);
        Assert.Single(files["learning/briefings-you-opened.csv"].Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Skip(1));

        var audit = await supervision.WithDbAsync(db => db.AuditEntries.AsNoTracking()
            .Where(e => e.Action == PersonalDataExport.AuditAction && e.SubjectId == world.Person.Id).ToListAsync());
        Assert.Equal(world.Person.Id, Assert.Single(audit).ActorUserId);
        Assert.Contains(audit[0].Details, files["audit/audit-log.csv"]);
    }

    [Fact]
    public async Task A_wrong_password_gives_an_error_and_no_file()
    {
        var person = await supervision.PersonAsync("wrong");
        using var client = await supervision.SignedInAsync(person);

        var page = await AccountTestData.ExpectPageAsync(await client.SubmitFormAsync("/account/my-data",
            new Dictionary<string, string> { ["Input.Password"] = "not my password at all" }));
        var empty = await AccountTestData.ExpectPageAsync(await client.SubmitFormAsync("/account/my-data",
            new Dictionary<string, string> { ["Input.Password"] = "" }));

        Assert.Equal(["Your password is incorrect"], page.ErrorSummary());
        Assert.Equal(["Enter your password"], empty.ErrorSummary());
        Assert.False(await supervision.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == PersonalDataExport.AuditAction && e.SubjectId == person.Id)));
    }

    [Fact]
    public async Task Without_a_second_factor_the_export_lists_supervision_records_without_their_text()
    {
        var unique = Guid.NewGuid().ToString("N")[..8];
        var title = "One factor briefing " + unique;
        var (_, set) = await supervision.BriefingAsync(title);
        var person = await supervision.PersonAsync("onefactor");
        var discussion = "Discussed thresholds " + unique;
        await supervision.RecordAsync(await supervision.SupervisorAsync(), set, [person], discussion: discussion);
        using var client = site.CreatePortalClient();
        await client.SignInAsync(person.Email!);

        var page = await AccountTestData.ExpectPageAsync(await client.GetAsync("/account/my-data"));
        var response = await client.SubmitFormAsync("/account/my-data", new Dictionary<string, string> { ["Input.Password"] = TestUsers.Password });

        Assert.Contains("does not include what they say", page.Body!.TextContent);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var files = await UnzipAsync(response);
        Assert.Contains(title, files["supervision/records.csv"]);
        Assert.False(files.ContainsKey("supervision/records.json"));
        Assert.Contains("two-factor", files["README.txt"]);
        Assert.DoesNotContain(discussion, string.Join("\n", files.Values));
        Assert.Contains(person.Email!, files["profile.json"]);
    }

    [Fact]
    public async Task An_administrators_export_lists_supervision_records_without_their_text_and_records_the_reason()
    {
        var world = await WorldAsync();
        var admin = await site.CreateUserAsync(TestUsers.UniqueEmail("admin"), TestUsers.Password, PortalRoles.Administrator);
        using var client = site.CreatePortalClient();
        await client.SignInAsync(admin.Email!);
        var url = $"/manage/users/{world.Person.Id}/personal-data";

        var refused = await AccountTestData.ExpectPageAsync(await client.SubmitFormAsync(url, new Dictionary<string, string> { ["Input.Reason"] = " " }));
        var response = await client.SubmitFormAsync(url, new Dictionary<string, string> { ["Input.Reason"] = "Letter of 1 December, identity checked by phone" });

        Assert.Equal(["Enter the reason for exporting this person's data"], refused.ErrorSummary());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/zip", response.Content.Headers.ContentType?.MediaType);
        var files = await UnzipAsync(response);
        Assert.False(files.ContainsKey("supervision/records.json"));
        Assert.Contains(world.BriefingTitle, files["supervision/records.csv"]);
        Assert.Contains(world.Person.Email!, files["profile.json"]);
        Assert.Contains(world.PersonNeeds, files["training/bookings.csv"]);
        Assert.Contains(PersonalDataExport.OwnExportPath, files["README.txt"]);
        Assert.Contains(world.Learning.BriefingTitle, files["learning/briefings-read-and-reflected.csv"]);
        Assert.Contains(PersonalDataExport.OwnExportPath, files["learning/briefings-read-and-reflected.csv"]);
        Assert.Contains(world.Learning.ActivityTitle, files["learning/learning-you-added.csv"]);
        Assert.False(files.ContainsKey("learning/learning-you-added.json"));
        Assert.Contains(world.Learning.BriefingTitle, files["learning/briefings-you-opened.csv"]);
        Assert.Contains(world.Learning.AssuranceNarrative, files["assurance/answers-you-gave.csv"]);
        Assert.Contains(world.Learning.ActionWhat, files["actions/actions-you-lead.csv"]);
        var everything = string.Join("\n", files.Values);
        Assert.DoesNotContain(world.Learning.Note, everything);
        Assert.DoesNotContain(world.Learning.ActivityText, everything);
        Assert.DoesNotContain(world.PersonDiscussion, everything);
        Assert.DoesNotContain(world.PersonReflection, everything);
        Assert.DoesNotContain("It was hard to see the child's day.", everything);
        Assert.DoesNotContain(world.Other.Email!, everything, StringComparison.OrdinalIgnoreCase);

        var entry = await supervision.WithDbAsync(db => db.AuditEntries.AsNoTracking()
            .SingleAsync(e => e.Action == PersonalDataExport.AuditAction && e.SubjectId == world.Person.Id && e.ActorUserId == admin.Id));
        Assert.Contains("Letter of 1 December, identity checked by phone", entry.Details);
        // The administrator's export is not a read of the records: their audit trails do not show it.
        Assert.False(await supervision.WithDbAsync(db => db.RecordAuditEntries.AnyAsync(a => a.RecordId == world.RecordId && a.What == "Exported the record")));
    }

    private const string ColleagueReflection = "A colleague's private reflection ";

    private sealed record World(PortalUser Person, PortalUser Other, int RecordId, string BriefingTitle, string Course, string PersonNeeds, string OtherNeeds,
        string PersonDiscussion, string PersonReflection, string OtherDiscussion, LearningWorld Learning);

    /// <summary>The person's learning record, reads, assurance answer and action, and the other's (which must stay out).</summary>
    private sealed record LearningWorld(string BriefingTitle, string Note, string ActivityTitle, string ActivityText, string ReadDay,
        string AssuranceQuestion, string AssuranceNarrative, string ActionWhat, string OtherNote, string OtherActivity, string OtherNarrative);

    /// <summary>A person and another, each with a booking and a supervision record of their own; the person added a reflection.</summary>
    private async Task<World> WorldAsync()
    {
        var unique = Guid.NewGuid().ToString("N")[..8];
        var title = "Export briefing " + unique;
        var (version, set) = await supervision.BriefingAsync(title);
        var supervisor = await supervision.SupervisorAsync();
        var person = await supervision.PersonAsync("subject");
        var other = await supervision.PersonAsync("bystander");
        var personDiscussion = "Talked about chronologies " + unique;
        var otherDiscussion = "Talked about neglect " + unique;
        var colleague = await supervision.PersonAsync("colleague");
        var record = await supervision.RecordAsync(supervisor, set, [person, colleague], discussion: personDiscussion);
        await supervision.RecordAsync(supervisor, set, [other], discussion: otherDiscussion);
        var reflection = "My own reflection " + unique;
        using (var client = await supervision.SignedInAsync(person))
        {
            await client.SubmitFormAsync($"/supervision/records/{record}", new Dictionary<string, string> { ["Reflection"] = reflection }, "form[action*='handler=Reflect']");
        }

        using (var client = await supervision.SignedInAsync(colleague))
        {
            await client.SubmitFormAsync($"/supervision/records/{record}", new Dictionary<string, string> { ["Reflection"] = ColleagueReflection + unique }, "form[action*='handler=Reflect']");
        }

        Assert.Equal(2, await supervision.WithDbAsync(db => db.ParticipantReflections.CountAsync(r => r.RecordId == record)));

        var session = await training.SessionAsync();
        var personNeeds = "Hearing loop " + unique;
        var otherNeeds = "Large print " + unique;
        await site.WithScopeAsync(async sp =>
        {
            var bookings = sp.GetRequiredService<Core.Training.BookingService>();
            await bookings.BookAsync(TrainingData.RequestFor(session, person, "manager@example.org") with { AccessNeeds = personNeeds });
            await bookings.BookAsync(TrainingData.RequestFor(session, other) with { AccessNeeds = otherNeeds });
            return true;
        });
        await site.WithDbAsync(db => db.Users.Where(u => u.Id == person.Id).ExecuteUpdateAsync(u => u
            .SetProperty(x => x.LineManagerName, "Morgan Manager").SetProperty(x => x.LineManagerEmail, "manager@example.org")));
        var learning = await LearningAsync(person, other, version.DocumentId, title, unique);
        return new World(person, other, record, title, session.Course.Title, personNeeds, otherNeeds, personDiscussion, reflection, otherDiscussion, learning);
    }

    /// <summary>
    /// Through Core's own services: each marks the briefing read and reflected with a private note, adds learning by hand
    /// and answers an assurance request for their agency; the person leads an action. Reads are what the read writer keeps
    /// (one row a person a day), written directly.
    /// </summary>
    private async Task<LearningWorld> LearningAsync(PortalUser person, PortalUser other, int documentId, string title, string unique)
    {
        var world = new LearningWorld(title, "I will ask about the child's day " + unique, "Neglect conference " + unique, "Chronologies matter " + unique,
            "", "Assure us about chronologies " + unique, "Two of three teams keep them " + unique, "Relaunch the screening tool " + unique,
            "The other's private note " + unique, "The other's conference " + unique, "The other's narrative " + unique);
        var today = Core.Time.UkTime.Today(DateTime.UtcNow);
        var editor = await supervision.PersonAsync("editor", PortalRoles.Editor);
        await site.WithScopeAsync(async sp =>
        {
            var reflections = sp.GetRequiredService<Core.Impact.BriefingReflections>();
            var record = sp.GetRequiredService<Core.Impact.LearningRecord>();
            var briefing = new Core.Impact.ReflectedBriefing(documentId, title, "/learning/export-" + unique, 1);
            await reflections.SaveAsync(person.Id, briefing, world.Note);
            await reflections.SaveAsync(other.Id, briefing, world.OtherNote);
            await record.AddActivityAsync(person.Id, new Core.Impact.LearningActivityInput(world.ActivityTitle, today, 2.5m, true, world.ActivityText, "Ask earlier", Core.Impact.NmcCodeTheme.PreserveSafety, true));
            await record.AddActivityAsync(other.Id, new Core.Impact.LearningActivityInput(world.OtherActivity, today, 1, false, world.OtherActivity, "-", null, false));

            var db = sp.GetRequiredService<Core.Data.PortalDbContext>();
            db.BriefingReads.Add(new Core.Impact.BriefingRead { DocumentId = documentId, UserId = person.Id, AgencyId = person.AgencyId, Day = today });
            db.BriefingReads.Add(new Core.Impact.BriefingRead { DocumentId = documentId, UserId = other.Id, AgencyId = other.AgencyId, Day = today.AddDays(-1) });
            await db.SaveChangesAsync();

            var assurance = sp.GetRequiredService<Core.ActionPlans.AssuranceRequests>();
            var actor = new Core.ActionPlans.ActionActor(new Core.Auditing.Actor(editor.Id, editor.DisplayName), true);
            var asked = await assurance.CreateAsync(new Core.ActionPlans.AssuranceRequestInput(world.AssuranceQuestion, false, [person.AgencyId], today.AddDays(14), null), false, actor);
            Assert.Equal(Core.Common.Refusal.None, asked.Refusal);
            var answered = await assurance.SaveAnswerAsync(asked.Value, new Core.ActionPlans.AssuranceAnswerInput(Core.ActionPlans.AssuranceRating.PartlyAssured, world.AssuranceNarrative, "Audit", null, [], true), 0,
                new Core.ActionPlans.AgencyLeadActor(person.Id, person.DisplayName, person.AgencyId));
            Assert.Equal(Core.Common.Refusal.None, answered.Refusal);

            var planning = sp.GetRequiredService<Core.ActionPlans.ActionPlanning>();
            var plan = await planning.CreatePlanAsync(new Core.ActionPlans.PlanInput("Export plan " + unique, null, null, false, [editor.Id]), actor);
            var action = await planning.AddActionAsync(plan.Value, new Core.ActionPlans.ActionInput(world.ActionWhat, world.ActionWhat, null, person.AgencyId, null, person.Id, today.AddDays(30)), true, actor);
            Assert.Equal(Core.Common.Refusal.None, action.Refusal);
            return true;
        });

        // The other answers a second request later, for the same agency: that revision is theirs, not the person's.
        await site.WithScopeAsync(async sp =>
        {
            var assurance = sp.GetRequiredService<Core.ActionPlans.AssuranceRequests>();
            var actor = new Core.ActionPlans.ActionActor(new Core.Auditing.Actor(editor.Id, editor.DisplayName), true);
            var asked = await assurance.CreateAsync(new Core.ActionPlans.AssuranceRequestInput("Another question " + unique, false, [other.AgencyId], today.AddDays(14), null), false, actor);
            await assurance.SaveAnswerAsync(asked.Value, new Core.ActionPlans.AssuranceAnswerInput(Core.ActionPlans.AssuranceRating.Assured, world.OtherNarrative, null, null, [], true), 0,
                new Core.ActionPlans.AgencyLeadActor(other.Id, other.DisplayName, other.AgencyId));
            return true;
        });

        return world with { ReadDay = today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) };
    }

    private static async Task<Dictionary<string, string>> UnzipAsync(HttpResponseMessage response)
    {
        var bytes = await response.Content.ReadAsByteArrayAsync();
        using var zip = new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read);
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in zip.Entries)
        {
            using var reader = new StreamReader(entry.Open(), Encoding.UTF8);
            files[entry.FullName] = await reader.ReadToEndAsync();
        }

        return files;
    }
}
