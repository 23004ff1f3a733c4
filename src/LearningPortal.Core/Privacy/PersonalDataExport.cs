using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using LearningPortal.Core.ActionPlans;
using LearningPortal.Core.Auditing;
using LearningPortal.Core.Data;
using LearningPortal.Core.Supervision;
using LearningPortal.Core.Time;
using Microsoft.EntityFrameworkCore;

namespace LearningPortal.Core.Privacy;

/// <summary>Who asked for a subject access export, which decides what it holds.</summary>
public abstract record PersonalDataRequest
{
    /// <summary>
    /// The person themselves. Supervision text is in it only when they signed in with a second factor, the rule for
    /// reading supervision records; without one the export lists the records by title and date, as for an Administrator.
    /// </summary>
    public sealed record ByThePerson(bool WithSecondFactor) : PersonalDataRequest;

    /// <summary>Whether the export holds the text of supervision records (and the person's own reflections).</summary>
    public bool IncludesSupervisionText => this is ByThePerson { WithSecondFactor: true };

    /// <summary>
    /// Whether the export holds the person's private notes: what they wrote when marking a briefing read and reflected,
    /// and the learning they added by hand. Only the person's own export does (they read them on their learning record
    /// without a second factor); an Administrator's lists them by title and date.
    /// </summary>
    public bool IncludesPrivateNotes => this is ByThePerson;

    /// <summary>
    /// An Administrator answering a request received by post: everything except what stays readable only by the
    /// people in it (supervision text), which the export lists by title and date instead.
    /// </summary>
    public sealed record ByAdministrator(Actor Administrator, string Reason) : PersonalDataRequest;
}

/// <summary>
/// A subject access export (UK GDPR article 15): everything the portal holds about one person, as a zip of JSON and
/// CSV files written straight to the caller's stream. Each module is read through its own services where it has
/// them (supervision through <see cref="DiscussionRecords"/>, which applies its access rule and audits each read;
/// actions through <see cref="ActionQueries"/>); everything is filtered by the person's id, so nobody else's data
/// is in it. The export is audit-logged before anything is written.
/// </summary>
public class PersonalDataExport(PortalDbContext db, DiscussionRecords records, ActionQueries actions, AuditLog audit, TimeProvider clock)
{
    /// <summary>The audit log's action for an export.</summary>
    public const string AuditAction = "user.personal-data.exported";

    /// <summary>Where the person downloads their own export (which includes supervision text).</summary>
    public const string OwnExportPath = "/account/my-data";

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The file name to offer, e.g. "personal-data-2026-12-03.zip".</summary>
    public string FileName() => $"personal-data-{UkTime.Today(clock.GetUtcNow().UtcDateTime):yyyy-MM-dd}.zip";

    /// <summary>Whether the person has an account (there is nothing to export otherwise).</summary>
    public Task<bool> ExistsAsync(string userId, CancellationToken cancellationToken = default) =>
        db.Users.AnyAsync(u => u.Id == userId, cancellationToken);

    /// <summary>
    /// Records the export in the audit log (saved at once, so that an export cut short is still on record).
    /// Call before <see cref="WriteAsync"/>; false when there is no such account.
    /// </summary>
    public async Task<bool> RecordAsync(string userId, PersonalDataRequest request, CancellationToken cancellationToken = default)
    {
        var person = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => new { u.Id, u.DisplayName }).SingleOrDefaultAsync(cancellationToken);
        if (person is null)
        {
            return false;
        }

        if (request is PersonalDataRequest.ByAdministrator admin)
        {
            audit.Record(admin.Administrator, AuditAction, "user", userId,
                $"Personal data exported for a request received by post, without supervision text. Reason: {admin.Reason}");
        }
        else
        {
            audit.Record(userId, person.DisplayName, AuditAction, "user", userId, "Downloaded their personal data");
        }

        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>Writes the zip to <paramref name="output"/> (which need not be seekable, e.g. a response body).</summary>
    public async Task WriteAsync(string userId, PersonalDataRequest request, Stream output, CancellationToken cancellationToken = default)
    {
        var full = request.IncludesSupervisionText;
        var zip = await ZipArchive.CreateAsync(output, ZipArchiveMode.Create, leaveOpen: true, entryNameEncoding: null, cancellationToken);
        await using (zip.ConfigureAwait(false))
        {
            var agencies = await db.Agencies.AsNoTracking().ToDictionaryAsync(a => a.Id, a => a.Name, cancellationToken);
            string Agency(int? id) => id is { } i && agencies.TryGetValue(i, out var name) ? name : "";

            await WriteProfileAsync(zip, userId, Agency, cancellationToken);
            await WriteTrainingAsync(zip, userId, Agency, cancellationToken);
            await WriteFeedbackAsync(zip, userId, cancellationToken);
            await WriteSupervisionAsync(zip, userId, full, cancellationToken);
            await WriteActionsAsync(zip, userId, cancellationToken);
            await WriteAssuranceAsync(zip, userId, Agency, cancellationToken);
            await WriteLearningRecordAsync(zip, userId, request.IncludesPrivateNotes, cancellationToken);
            await WriteReadsAsync(zip, userId, cancellationToken);
            await WriteAuditAsync(zip, userId, cancellationToken);
            await AddTextAsync(zip, "README.txt", ReadMe(request), cancellationToken);
        }
    }

    private async Task WriteProfileAsync(ZipArchive zip, string userId, Func<int?, string> agency, CancellationToken cancellationToken)
    {
        var user = await db.Users.AsNoTracking().SingleAsync(u => u.Id == userId, cancellationToken);
        var roles = await db.UserRoles.Where(r => r.UserId == userId)
            .Join(db.Roles, r => r.RoleId, r => r.Id, (_, r) => r.Name).ToListAsync(cancellationToken);
        var previousEmails = await db.PreviousEmails.AsNoTracking().Where(p => p.UserId == userId)
            .OrderBy(p => p.ChangedUtc).Select(p => new { Email = p.NormalizedEmail, ChangedUtc = p.ChangedUtc }).ToListAsync(cancellationToken);
        await AddJsonAsync(zip, "profile.json", new
        {
            Reference = user.Id,
            Name = user.DisplayName,
            user.Email,
            EmailConfirmed = user.EmailConfirmed,
            user.JobRole,
            Agency = agency(user.AgencyId),
            Roles = roles.Order(StringComparer.Ordinal),
            AccountCreatedUtc = user.CreatedUtc,
            LastSignInUtc = user.LastSignInUtc,
            TwoFactorSignIn = user.TwoFactorEnabled,
            Disabled = user.IsDisabled,
            LineManager = user.LineManagerEmail is null ? null : new { Name = user.LineManagerName, Email = user.LineManagerEmail },
            PreviousEmailAddresses = previousEmails,
        }, cancellationToken);
    }

    private async Task WriteTrainingAsync(ZipArchive zip, string userId, Func<int?, string> agency, CancellationToken cancellationToken)
    {
        var bookings = await db.Bookings.AsNoTracking()
            .Include(b => b.Session).ThenInclude(s => s.Course)
            .Include(b => b.Attendance)
            .Where(b => b.UserId == userId)
            .OrderBy(b => b.Session.StartUtc).ThenBy(b => b.Id)
            .ToListAsync(cancellationToken);
        var csv = new StringBuilder();
        Csv.Row(csv, "Course", "Session starts (UK time)", "Where", "Status", "Booked (UK time)", "Name given", "Email given", "Agency",
            "Job role", "Access needs", "Dietary needs", "Line manager", "Line manager email", "Cancelled (UK time)",
            "Attendance", "Register note", "Certificate");
        foreach (var b in bookings)
        {
            Csv.Row(csv, b.Session.Course.Title, UkTime.Format(b.Session.StartUtc), b.Session.Where, b.Status.ToString(), UkTime.Format(b.RequestedUtc),
                b.AttendeeName, b.AttendeeEmail, agency(b.AgencyId), b.JobRole, b.AccessNeeds, b.DietaryNeeds, b.LineManagerName,
                b.LineManagerEmail, b.CancelledUtc is { } c ? UkTime.Format(c) : "", b.Attendance?.Outcome.ToString(), b.Attendance?.Notes,
                b.Attendance?.EarnsCertificate == true ? "Yes" : "No");
        }

        await AddTextAsync(zip, "training/bookings.csv", csv.ToString(), cancellationToken);

        var certificates = new StringBuilder();
        Csv.Row(certificates, "Course", "Attended on (UK date)", "Where", "Trainer");
        foreach (var b in bookings.Where(b => b.Attendance?.EarnsCertificate == true))
        {
            Csv.Row(certificates, b.Session.Course.Title, UkTime.FormatDate(b.Session.StartUtc), b.Session.Where, b.Session.Trainer);
        }

        await AddTextAsync(zip, "training/certificates.csv", certificates.ToString(), cancellationToken);

        var gcp2 = await db.Gcp2Register.AsNoTracking().Where(g => g.UserId == userId).OrderBy(g => g.TrainedOnUtc)
            .Select(g => new { g.PractitionerName, g.AgencyId, g.TrainedOnUtc, g.RefresherDueUtc }).ToListAsync(cancellationToken);
        var invitations = await db.FeedbackInvitations.AsNoTracking().Where(i => i.UserId == userId).OrderBy(i => i.SentUtc)
            .Select(i => new { i.SessionId, i.FormId, i.SentUtc }).ToListAsync(cancellationToken);
        await AddJsonAsync(zip, "training/registers.json", new
        {
            Gcp2Register = gcp2.Select(g => new { Name = g.PractitionerName, Agency = agency(g.AgencyId), g.TrainedOnUtc, g.RefresherDueUtc }),
            EvaluationInvitations = invitations,
        }, cancellationToken);
    }

    private async Task WriteFeedbackAsync(ZipArchive zip, string userId, CancellationToken cancellationToken)
    {
        // Anonymous forms never store who answered (FeedbackResponse.UserId is null), so only named answers can be found.
        var responses = await db.FeedbackResponses.AsNoTracking()
            .Where(r => r.UserId == userId)
            .Include(r => r.Answers).ThenInclude(a => a.Question)
            .OrderBy(r => r.SubmittedUtc).ThenBy(r => r.Id)
            .AsSplitQuery()
            .ToListAsync(cancellationToken);
        var formIds = responses.Select(r => r.FormId).Distinct().ToList();
        var forms = await db.FeedbackForms.AsNoTracking().Where(f => formIds.Contains(f.Id)).ToDictionaryAsync(f => f.Id, f => f.Name, cancellationToken);
        await AddJsonAsync(zip, "feedback/responses.json", responses.Select(r => new
        {
            Form = forms.GetValueOrDefault(r.FormId, ""),
            r.SubmittedUtc,
            BriefingId = r.DocumentId,
            r.SessionId,
            Answers = r.Answers.OrderBy(a => a.Question.SortOrder).Select(a => new { Question = a.Question.Text, a.Number, a.After, a.Text }),
        }), cancellationToken);
    }

    private async Task WriteSupervisionAsync(ZipArchive zip, string userId, bool full, CancellationToken cancellationToken)
    {
        // The list shows no text (and DiscussionRecords does not audit it as a read).
        var listed = await records.ListAsync(userId, cancellationToken);
        var list = new StringBuilder();
        Csv.Row(list, "Record", "Held on", "Kind", "Briefing or question set", "Your part", "State");
        foreach (var r in listed)
        {
            Csv.Row(list, r.Id.ToString(CultureInfo.InvariantCulture), r.HeldOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                SupervisionDashboard.KindName(r.Kind), r.QuestionSetTitle, r.SupervisorId == userId ? "Supervisor" : "Participant", r.State.ToString());
        }

        await AddTextAsync(zip, "supervision/records.csv", list.ToString(), cancellationToken);
        if (!full)
        {
            return;
        }

        // Each record exported is written to its own audit trail, which its other people see.
        var views = await records.ExportAsync(userId, cancellationToken);
        await AddJsonAsync(zip, "supervision/records.json", views.Select(v => new
        {
            Record = v.Record.Id,
            v.Record.HeldOn,
            Kind = SupervisionDashboard.KindName(v.Record.Kind),
            v.Record.QuestionSetTitle,
            Supervisor = v.NameOf(v.Record.SupervisorId),
            Participants = v.Record.Participants.Select(p => v.NameOf(p.UserId)),
            Questions = v.Record.Questions.OrderBy(q => q.Position).Select(q => new { q.Wording, q.Discussion }),
            v.Record.WhatHappened,
            v.Record.Reflection,
            v.Record.Learning,
            v.Record.WhatNext,
            Actions = v.Record.Actions.Select(a => new { a.What, Owner = v.NameOf(a.OwnerId), a.DueOn, Status = a.Status.ToString(), a.DoneNote }),
            YourConfidence = v.Me is { } me ? new { Before = me.ConfidenceBefore, After = me.ConfidenceAfter } : null,
            // Only the person's own reflections: another participant's are theirs to download.
            YourReflections = v.Record.Reflections.Where(x => x.AuthorId == userId).OrderBy(x => x.CreatedUtc).Select(x => new { x.Text, x.CreatedUtc }),
        }), cancellationToken);
    }

    private async Task WriteActionsAsync(ZipArchive zip, string userId, CancellationToken cancellationToken)
    {
        var led = await actions.OfLeadAsync(userId, cancellationToken);
        var csv = new StringBuilder();
        Csv.Row(csv, "Plan", "Number", "Action", "Owner", "Due", "Standing", "Last changed (UK time)");
        foreach (var a in led)
        {
            Csv.Row(csv, a.PlanTitle, a.Number.ToString(CultureInfo.InvariantCulture), a.What, a.OwnerName,
                a.DueOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), a.Standing.ToString(), UkTime.Format(a.UpdatedUtc));
        }

        await AddTextAsync(zip, "actions/actions-you-lead.csv", csv.ToString(), cancellationToken);

        var updates = await db.ActionUpdates.AsNoTracking().Where(u => u.AuthorUserId == userId)
            .Include(u => u.Files)
            .OrderBy(u => u.CreatedUtc).ThenBy(u => u.Id)
            .Select(u => new { Action = u.ActionId, u.CreatedUtc, u.Text, u.Evidence, u.Links, StatusAfter = u.StatusAfter.ToString(), Files = u.Files.Select(f => f.FileName) })
            .ToListAsync(cancellationToken);
        await AddJsonAsync(zip, "actions/updates-you-wrote.json", updates, cancellationToken);
    }

    private async Task WriteAssuranceAsync(ZipArchive zip, string userId, Func<int?, string> agency, CancellationToken cancellationToken)
    {
        // Every save of an answer the person made for their agency (drafts too): the answer's history keeps each one.
        var revisions = await db.AssuranceAnswerRevisions.AsNoTracking()
            .Where(r => r.AuthorUserId == userId)
            .Join(db.AssuranceAnswers, r => r.AnswerId, a => a.Id, (r, a) => new { Revision = r, a.RequestId, a.AgencyId })
            .Join(db.AssuranceRequests, x => x.RequestId, q => q.Id, (x, q) => new { x.Revision, x.AgencyId, q.Question, q.DueOn })
            .ToListAsync(cancellationToken);
        var csv = new StringBuilder();
        Csv.Row(csv, "Saved (UK time)", "Question", "Due", "For agency", "Sent or draft", "Rating", "Narrative", "Evidence", "Links", "Files added");
        foreach (var x in revisions.OrderBy(x => x.Revision.CreatedUtc).ThenBy(x => x.Revision.Id))
        {
            var r = x.Revision;
            Csv.Row(csv, UkTime.Format(r.CreatedUtc), x.Question, x.DueOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), agency(x.AgencyId),
                r.IsDraft ? "Draft" : "Sent", r.Rating?.ToString(), r.Narrative, r.Evidence, r.Links, r.FilesAdded.ToString(CultureInfo.InvariantCulture));
        }

        await AddTextAsync(zip, "assurance/answers-you-gave.csv", csv.ToString(), cancellationToken);
    }

    private async Task WriteLearningRecordAsync(ZipArchive zip, string userId, bool privateNotes, CancellationToken cancellationToken)
    {
        var reflections = await db.BriefingReflections.AsNoTracking().Where(r => r.UserId == userId)
            .OrderBy(r => r.ReflectedUtc).ThenBy(r => r.Id).ToListAsync(cancellationToken);
        var reflected = new StringBuilder();
        if (privateNotes)
        {
            Csv.Row(reflected, "Briefing", "Address", "Version read", "Marked read and reflected (UK time)", "Last changed (UK time)", "Your private note");
            foreach (var r in reflections)
            {
                Csv.Row(reflected, r.BriefingTitle, r.BriefingPath, r.VersionNumber.ToString(CultureInfo.InvariantCulture),
                    UkTime.Format(r.ReflectedUtc), UkTime.Format(r.UpdatedUtc), r.Note);
            }
        }
        else
        {
            Csv.Row(reflected, "Briefing", "Marked read and reflected (UK date)", "Private note");
            foreach (var r in reflections)
            {
                Csv.Row(reflected, r.BriefingTitle, UkTime.FormatDate(r.ReflectedUtc), string.IsNullOrEmpty(r.Note) ? "None" : $"Not included: download it from {OwnExportPath}");
            }
        }

        await AddTextAsync(zip, "learning/briefings-read-and-reflected.csv", reflected.ToString(), cancellationToken);

        var activities = await db.LearningActivities.AsNoTracking().Where(a => a.UserId == userId)
            .OrderBy(a => a.On).ThenBy(a => a.Id).ToListAsync(cancellationToken);
        if (privateNotes)
        {
            await AddJsonAsync(zip, "learning/learning-you-added.json", activities.Select(a => new
            {
                a.Title,
                a.On,
                a.Hours,
                a.Participatory,
                a.WhatILearned,
                a.HowItChangesMyPractice,
                NmcCodeTheme = a.CodeTheme is { } t ? Impact.NmcCodeThemes.NameOf(t) : null,
                a.DiscussedWithPeer,
                a.CreatedUtc,
                a.UpdatedUtc,
            }), cancellationToken);
        }
        else
        {
            var list = new StringBuilder();
            Csv.Row(list, "Learning", "On", "Hours");
            foreach (var a in activities)
            {
                Csv.Row(list, a.Title, a.On.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), a.Hours.ToString("0.##", CultureInfo.InvariantCulture));
            }

            await AddTextAsync(zip, "learning/learning-you-added.csv", list.ToString(), cancellationToken);
        }
    }

    private async Task WriteReadsAsync(ZipArchive zip, string userId, CancellationToken cancellationToken)
    {
        // Only the reads still linked to the person: after a year (Retention:ReadsLinkedMonths) they are counts only.
        var reads = await db.BriefingReads.AsNoTracking().Where(r => r.UserId == userId)
            .OrderBy(r => r.Day).ThenBy(r => r.DocumentId).Select(r => new { r.Day, r.DocumentId }).ToListAsync(cancellationToken);
        var ids = reads.Select(r => r.DocumentId).Distinct().ToList();
        var titles = await db.Documents.AsNoTracking().Where(d => ids.Contains(d.Id))
            .Select(d => new { d.Id, Title = d.PublishedTitle ?? d.Title, d.Slug, d.Type }).ToDictionaryAsync(d => d.Id, cancellationToken);
        var csv = new StringBuilder();
        Csv.Row(csv, "Day (UK)", "Briefing", "Address");
        foreach (var r in reads)
        {
            var d = titles.GetValueOrDefault(r.DocumentId);
            Csv.Row(csv, r.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), d?.Title ?? "A briefing no longer on the portal", d is null ? "" : Content.Fields.DocumentTypes.PathFor(d.Type, d.Slug));
        }

        await AddTextAsync(zip, "learning/briefings-you-opened.csv", csv.ToString(), cancellationToken);
    }

    private async Task WriteAuditAsync(ZipArchive zip, string userId, CancellationToken cancellationToken)
    {
        var entries = await db.AuditEntries.AsNoTracking()
            .Where(e => (e.SubjectType == "user" && e.SubjectId == userId) || e.ActorUserId == userId)
            .OrderBy(e => e.OccurredUtc).ThenBy(e => e.Id)
            .ToListAsync(cancellationToken);
        var names = await audit.ActorNamesAsync(entries, cancellationToken);
        var csv = new StringBuilder();
        Csv.Row(csv, "When (UK time)", "Who", "What", "About", "Details");
        foreach (var e in entries)
        {
            Csv.Row(csv, UkTime.Format(e.OccurredUtc), names(e), e.Action, e.SubjectType == "user" && e.SubjectId == userId ? "You" : $"{e.SubjectType} {e.SubjectId}", e.Details);
        }

        await AddTextAsync(zip, "audit/audit-log.csv", csv.ToString(), cancellationToken);

        // Reads and changes of supervision records by this person: dates and record numbers, never text.
        var reads = await db.RecordAuditEntries.AsNoTracking().Where(a => a.UserId == userId)
            .OrderBy(a => a.AtUtc).ThenBy(a => a.Id).ToListAsync(cancellationToken);
        var readCsv = new StringBuilder();
        Csv.Row(readCsv, "When (UK time)", "Record", "Kind", "What");
        foreach (var r in reads)
        {
            Csv.Row(readCsv, UkTime.Format(r.AtUtc), r.RecordId.ToString(CultureInfo.InvariantCulture), r.Kind.ToString(), r.What);
        }

        await AddTextAsync(zip, "audit/supervision-record-reads.csv", readCsv.ToString(), cancellationToken);
    }

    private string ReadMe(PersonalDataRequest request)
    {
        var full = request.IncludesSupervisionText;
        var text = new StringBuilder();
        text.AppendLine("Your personal data from the Learning Portal");
        text.AppendLine(CultureInfo.InvariantCulture, $"Produced {UkTime.Format(clock.GetUtcNow().UtcDateTime)} (UK time).");
        text.AppendLine();
        text.AppendLine("profile.json                        your account: name, email, job role, agency, roles, line manager, earlier email addresses");
        text.AppendLine("training/bookings.csv               your bookings, what you told us when booking, and the register");
        text.AppendLine("training/certificates.csv           the sessions you attended, which earn a certificate");
        text.AppendLine("training/registers.json             the GCP2 register and the evaluations you were asked for");
        text.AppendLine("feedback/responses.json             your answers to named feedback forms (anonymous answers cannot be linked to you)");
        text.AppendLine("supervision/records.csv             supervision records you are in, by date and title");
        if (full)
        {
            text.AppendLine("supervision/records.json            the text of your final supervision records, with your own reflections");
        }

        text.AppendLine("actions/actions-you-lead.csv        actions in partnership action plans that you lead");
        text.AppendLine("actions/updates-you-wrote.json      progress updates you wrote on actions");
        text.AppendLine("assurance/answers-you-gave.csv      every save of an assurance answer you gave for your agency, drafts too");
        if (request.IncludesPrivateNotes)
        {
            text.AppendLine("learning/briefings-read-and-reflected.csv  briefings you marked read and reflected, with your private notes");
            text.AppendLine("learning/learning-you-added.json    learning you added to your learning record by hand, with what you wrote");
        }
        else
        {
            text.AppendLine("learning/briefings-read-and-reflected.csv  briefings you marked read and reflected, by title and date");
            text.AppendLine("learning/learning-you-added.csv     learning you added to your learning record by hand, by title and date");
        }

        text.AppendLine("learning/briefings-you-opened.csv   the days you opened each briefing in the last year (older reads are counts only)");
        text.AppendLine("                                    (training and supervision in your learning record are in training/ and supervision/)");
        text.AppendLine("audit/audit-log.csv                 the audit log's entries about you and by you");
        text.AppendLine("audit/supervision-record-reads.csv  when you read or changed a supervision record");
        text.AppendLine();
        text.AppendLine("Times in the JSON files are UTC (ending in Z); the CSV files show UK time.");
        if (request is PersonalDataRequest.ByThePerson { WithSecondFactor: false })
        {
            text.AppendLine();
            text.AppendLine("This copy does not contain the text of supervision records, because you signed in without two-factor");
            text.AppendLine("sign-in: supervision records are readable only after signing in with an authenticator app or a passkey.");
            text.AppendLine(CultureInfo.InvariantCulture, $"Set it up from your account, sign in again with it and download your data again from {OwnExportPath}.");
        }
        else if (!full)
        {
            text.AppendLine();
            text.AppendLine("This copy was produced by an administrator for a request received by post. It does not contain the text of");
            text.AppendLine("supervision records or your private notes (on briefings, and on learning you added by hand): they stay readable");
            text.AppendLine("only by the people in them, so they are listed by title and date only.");
            text.AppendLine(CultureInfo.InvariantCulture, $"To download their text, sign in to the Learning Portal with two-factor sign-in and go to {OwnExportPath}");
            text.AppendLine("(Your account, then Download your data). You will be asked for your password again.");
        }

        return text.ToString();
    }

    private static Task AddJsonAsync<T>(ZipArchive zip, string name, T value, CancellationToken cancellationToken) =>
        AddTextAsync(zip, name, JsonSerializer.Serialize(value, Json), cancellationToken);

    private static async Task AddTextAsync(ZipArchive zip, string name, string text, CancellationToken cancellationToken)
    {
        var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
        var stream = await entry.OpenAsync(cancellationToken);
        await using (stream.ConfigureAwait(false))
        {
            // A byte order mark so that spreadsheets read the CSV files as UTF-8.
            var bytes = name.EndsWith(".csv", StringComparison.Ordinal)
                ? [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text)]
                : Encoding.UTF8.GetBytes(text);
            await stream.WriteAsync(bytes, cancellationToken);
        }
    }

    /// <summary>RFC 4180 cells, every one quoted; text a spreadsheet would run as a formula is defused.</summary>
    private static class Csv
    {
        public static void Row(StringBuilder csv, params string?[] cells) =>
            csv.Append(string.Join(",", cells.Select(Cell))).Append("\r\n");

        private static string Cell(string? value)
        {
            var text = value ?? "";
            if (text.Length > 0 && "=+-@\t\r".Contains(text[0], StringComparison.Ordinal))
            {
                text = "'" + text;
            }

            return "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
        }
    }
}
