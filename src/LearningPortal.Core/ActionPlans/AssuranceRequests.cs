using LearningPortal.Core.Accounts;
using LearningPortal.Core.Auditing;
using LearningPortal.Core.Common;
using LearningPortal.Core.Data;
using LearningPortal.Core.Email;
using LearningPortal.Core.Time;
using LearningPortal.Core.Training;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace LearningPortal.Core.ActionPlans;

/// <summary>
/// Assurance requests to agencies (Editors) and their answers (Agency leads). Each change is one save with its audit
/// line and the emails it causes: the agencies' leads are told of a new request and reminded when an Editor asks.
/// A reminder form carries the count of reminders it showed, so a second click (or a second Editor) sends nothing more.
/// </summary>
public class AssuranceRequests(
    PortalDbContext db,
    AuditLog audit,
    EmailOutbox outbox,
    ISiteAddress site,
    IOptionsMonitor<ActionPlanOptions> options,
    TimeProvider clock)
{
    public const int QuestionMaxLength = 2000;
    public const int TextMaxLength = 4000;

    public DateOnly Today => DateOnly.FromDateTime(UkTime.FromUtc(clock.GetUtcNow().UtcDateTime));

    /// <summary>Creates a request and tells the leads of each agency asked. A due date in the past needs confirming.</summary>
    public async Task<Outcome<int>> CreateAsync(AssuranceRequestInput input, bool pastDueConfirmed, ActionActor actor, CancellationToken cancellationToken = default)
    {
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(input.Question))
        {
            errors.Add(new(nameof(AssuranceRequestInput.Question), "Enter the question the agencies are asked"));
        }
        else if (input.Question.Trim().Length > QuestionMaxLength)
        {
            errors.Add(new(nameof(AssuranceRequestInput.Question), $"The question must be {QuestionMaxLength:N0} characters or fewer"));
        }

        var active = await db.Agencies.AsNoTracking().Where(a => a.IsActive).Select(a => a.Id).ToListAsync(cancellationToken);
        var asked = input.AllAgencies ? active : input.AgencyIds.Distinct().ToList();
        if (asked.Count == 0)
        {
            errors.Add(new(nameof(AssuranceRequestInput.AgencyIds), "Select the agencies asked, or all agencies"));
        }
        else if (asked.Any(id => !active.Contains(id)))
        {
            errors.Add(new(nameof(AssuranceRequestInput.AgencyIds), "Select agencies from the list"));
        }

        if (input.DueOn is null)
        {
            errors.Add(new(nameof(AssuranceRequestInput.DueOn), "Enter the date answers are due"));
        }

        if (input.ActionId is { } actionId && !await db.PlanActions.AnyAsync(a => a.Id == actionId, cancellationToken))
        {
            errors.Add(new(nameof(AssuranceRequestInput.ActionId), "Select an action from the list"));
        }

        if (errors.Count > 0)
        {
            return Outcome.Invalid<int>(errors);
        }

        if (input.DueOn < Today && !pastDueConfirmed)
        {
            return Outcome.Refuse<int>(Refusal.NeedsConfirmation, $"The due date, {ActionPlanning.Format(input.DueOn!.Value)}, is in the past. Every agency's answer will show as late straight away.");
        }

        var request = new AssuranceRequest
        {
            Question = input.Question!.Trim(),
            AllAgencies = input.AllAgencies,
            DueOn = input.DueOn!.Value,
            ActionId = input.ActionId,
            CreatedUtc = clock.GetUtcNow().UtcDateTime,
            CreatedByName = actor.Name,
            Agencies = asked.Select(id => new AssuranceRequestAgency { AgencyId = id }).ToList(),
        };
        db.AssuranceRequests.Add(request);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        var leads = await LeadsAsync(asked, cancellationToken);
        foreach (var lead in leads)
        {
            outbox.Queue(lead.Email, lead.Name, $"The partnership asks for your agency's assurance by {ActionPlanning.Format(request.DueOn)}",
                $"Dear {lead.Name},\n\nThe partnership asks {lead.AgencyName} for assurance:\n\n{request.Question}\n\n"
                + $"Please answer by {ActionPlanning.Format(request.DueOn)}, with a rating, a narrative and evidence:\n{new Uri(site.BaseUri, $"/assurance/{request.Id}")}\n");
        }

        audit.Record(actor.Who, "assurance.requested", "assurance", ActionPlanning.Id(request.Id),
            $"Assurance requested from {(request.AllAgencies ? "all agencies" : $"{asked.Count} agencies")} by {ActionPlanning.Format(request.DueOn)}: {Shorten(request.Question)}");
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Outcome.Success(request.Id);
    }

    /// <summary>
    /// Emails the leads of every agency asked that has not sent an answer. <paramref name="shownReminders"/> is the count
    /// the page showed: if a reminder went since, nothing is sent again. The outcome's id is how many emails were queued.
    /// </summary>
    public async Task<Outcome<int>> RemindAsync(int requestId, int shownReminders, ActionActor actor, CancellationToken cancellationToken = default)
    {
        var request = await db.AssuranceRequests.Include(r => r.Agencies).SingleOrDefaultAsync(r => r.Id == requestId, cancellationToken);
        if (request is null)
        {
            return Outcome.NotFound<int>();
        }

        if (request.ClosedUtc is not null)
        {
            return Outcome.Invalid<int>("Remind", "This request is closed: agencies can no longer answer it");
        }

        if (request.Reminders != shownReminders)
        {
            return Outcome.Conflict<int>("A reminder was sent for this request while you were looking at it, so no more emails have been sent. Check who has answered now.");
        }

        var sent = await db.AssuranceAnswers.Where(a => a.RequestId == requestId && !a.IsDraft).Select(a => a.AgencyId).ToListAsync(cancellationToken);
        var waiting = request.Agencies.Where(a => !sent.Contains(a.AgencyId)).ToList();
        if (waiting.Count == 0)
        {
            return Outcome.Invalid<int>("Remind", "Every agency asked has answered: there is no one to remind");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var leads = await LeadsAsync(waiting.Select(a => a.AgencyId).ToList(), cancellationToken);
        foreach (var lead in leads)
        {
            outbox.Queue(lead.Email, lead.Name, $"Reminder: the partnership is waiting for your agency's assurance (due {ActionPlanning.Format(request.DueOn)})",
                $"Dear {lead.Name},\n\nThe partnership has not yet had {lead.AgencyName}'s answer to this request for assurance:\n\n{request.Question}\n\n"
                + $"It is due on {ActionPlanning.Format(request.DueOn)}. Answer with a rating, a narrative and evidence:\n{new Uri(site.BaseUri, $"/assurance/{request.Id}")}\n");
        }

        foreach (var agency in waiting)
        {
            agency.LastRemindedUtc = now;
            agency.TimesReminded++;
        }

        request.Reminders++;
        var names = await db.Agencies.Where(a => waiting.Select(w => w.AgencyId).Contains(a.Id)).OrderBy(a => a.Name).Select(a => a.Name).ToListAsync(cancellationToken);
        audit.Record(actor.Who, "assurance.reminded", "assurance", ActionPlanning.Id(request.Id),
            $"Reminder {request.Reminders} sent to {leads.Count} agency lead{(leads.Count == 1 ? "" : "s")} of {string.Join(", ", names)}");
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Outcome.Conflict<int>("A reminder was sent for this request while you were looking at it, so no more emails have been sent. Check who has answered now.");
        }

        return Outcome.Success(leads.Count);
    }

    /// <summary>Closes a request: answers can no longer be changed.</summary>
    public async Task<Outcome<int>> CloseAsync(int requestId, ActionActor actor, CancellationToken cancellationToken = default)
    {
        var request = await db.AssuranceRequests.SingleOrDefaultAsync(r => r.Id == requestId, cancellationToken);
        if (request is null)
        {
            return Outcome.NotFound<int>();
        }

        if (request.ClosedUtc is null)
        {
            request.ClosedUtc = clock.GetUtcNow().UtcDateTime;
            audit.Record(actor.Who, "assurance.closed", "assurance", ActionPlanning.Id(request.Id), $"Assurance request closed: {Shorten(request.Question)}");
            await db.SaveChangesAsync(cancellationToken);
        }

        return Outcome.Success(request.Id);
    }

    /// <summary>
    /// Saves an agency's answer (a draft, or sent), keeping the history. Only a lead of an agency asked may; a request of
    /// another agency is not found. <paramref name="shownVersion"/> is the version the form showed (0 for no answer yet).
    /// </summary>
    public async Task<Outcome<int>> SaveAnswerAsync(int requestId, AssuranceAnswerInput input, int shownVersion, AgencyLeadActor actor, CancellationToken cancellationToken = default)
    {
        var request = await db.AssuranceRequests.AsNoTracking()
            .Where(r => r.Id == requestId && r.Agencies.Any(a => a.AgencyId == actor.AgencyId))
            .Select(r => new { r.Id, r.Question, r.ClosedUtc }).SingleOrDefaultAsync(cancellationToken);
        if (request is null)
        {
            return Outcome.NotFound<int>();
        }

        if (request.ClosedUtc is not null)
        {
            return Outcome.Invalid<int>(nameof(AssuranceAnswerInput.Rating), "This request has been closed: answers can no longer be changed");
        }

        var answer = await db.AssuranceAnswers.SingleOrDefaultAsync(a => a.RequestId == requestId && a.AgencyId == actor.AgencyId, cancellationToken);
        var errors = new List<FieldError>();
        if (input.Send && input.Rating is null)
        {
            errors.Add(new(nameof(AssuranceAnswerInput.Rating), "Select how assured your agency is"));
        }

        if (input.Send && string.IsNullOrWhiteSpace(input.Narrative))
        {
            errors.Add(new(nameof(AssuranceAnswerInput.Narrative), "Enter your agency's narrative: what shows it, and what is still to do"));
        }
        else if (input.Narrative?.Trim().Length > TextMaxLength)
        {
            errors.Add(new(nameof(AssuranceAnswerInput.Narrative), $"The narrative must be {TextMaxLength:N0} characters or fewer"));
        }

        if (input.Evidence?.Trim().Length > TextMaxLength)
        {
            errors.Add(new(nameof(AssuranceAnswerInput.Evidence), $"Evidence must be {TextMaxLength:N0} characters or fewer"));
        }

        var links = EvidenceFileCheck.Lines(input.Links);
        if (!EvidenceFileCheck.LinksAreValid(links))
        {
            errors.Add(new(nameof(AssuranceAnswerInput.Links), "Enter each link on its own line, starting with https://"));
        }

        var (fileErrors, files) = EvidenceFileCheck.Check(input.Files, "Files", options.CurrentValue);
        errors.AddRange(fileErrors);
        if (!input.Send && answer is { IsDraft: false })
        {
            errors.Insert(0, new(nameof(AssuranceAnswerInput.Rating), "Your agency's answer has already been sent: send the changed answer instead of saving a draft"));
        }

        if (errors.Count > 0)
        {
            return Outcome.Invalid<int>(errors);
        }

        if ((answer?.Version ?? 0) != shownVersion)
        {
            return Conflict(answer);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var firstSend = input.Send && (answer is null || answer.IsDraft);
        if (answer is null)
        {
            answer = new AssuranceAnswer { RequestId = requestId, AgencyId = actor.AgencyId };
            db.AssuranceAnswers.Add(answer);
        }
        else
        {
            answer.Version++;
        }

        answer.Rating = input.Rating;
        answer.Narrative = input.Narrative?.Trim() ?? "";
        answer.Evidence = input.Evidence?.Trim() ?? "";
        answer.Links = string.Join('\n', links);
        answer.IsDraft = !input.Send;
        answer.SentUtc ??= input.Send ? now : null;
        answer.UpdatedUtc = now;
        answer.UpdatedByName = actor.Name;
        foreach (var file in files)
        {
            answer.Files.Add(new AssuranceEvidenceFile
            {
                RequestId = requestId,
                AgencyId = actor.AgencyId,
                Key = Guid.NewGuid(),
                FileName = file.FileName,
                ContentType = file.ContentType,
                Length = file.Content.Length,
                AddedUtc = now,
                Content = file.Content,
            });
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            db.AssuranceAnswerRevisions.Add(new AssuranceAnswerRevision
            {
                AnswerId = answer.Id,
                AuthorUserId = actor.UserId,
                AuthorName = actor.Name,
                CreatedUtc = now,
                Rating = answer.Rating,
                Narrative = answer.Narrative,
                Evidence = answer.Evidence,
                Links = answer.Links,
                IsDraft = answer.IsDraft,
                FilesAdded = files.Count,
            });
            var agency = await db.Agencies.Where(a => a.Id == actor.AgencyId).Select(a => a.Name).SingleAsync(cancellationToken);
            var what = !input.Send ? "draft saved" : firstSend ? $"answer sent: {AssuranceWords.Of(input.Rating!.Value)}" : $"answer updated: {AssuranceWords.Of(input.Rating!.Value)}";
            audit.Record(actor.UserId, actor.Name, input.Send ? "assurance.answered" : "assurance.draft", "assurance", ActionPlanning.Id(requestId),
                $"{agency}: {what}{(files.Count > 0 ? $" with {files.Count} evidence file{(files.Count == 1 ? "" : "s")}" : "")}");
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another lead of the agency saved first (a newer version, or the first answer at the same moment).
            await transaction.RollbackAsync(cancellationToken);
            db.ChangeTracker.Clear();
            var current = await db.AssuranceAnswers.AsNoTracking().SingleOrDefaultAsync(a => a.RequestId == requestId && a.AgencyId == actor.AgencyId, cancellationToken);
            return Conflict(current);
        }

        return Outcome.Success(answer.Id);
    }

    /// <summary>Every request, open ones first by due date, with how many agencies have answered.</summary>
    public async Task<IReadOnlyList<AssuranceRequestRow>> ListAsync(CancellationToken cancellationToken = default)
    {
        var rows = await db.AssuranceRequests.AsNoTracking()
            .OrderBy(r => r.ClosedUtc != null).ThenBy(r => r.DueOn).ThenBy(r => r.Id)
            .Select(r => new
            {
                r.Id, r.Question, r.DueOn, r.ClosedUtc, Asked = r.Agencies.Count,
                Answered = db.AssuranceAnswers.Count(a => a.RequestId == r.Id && !a.IsDraft),
                Action = db.PlanActions.Where(a => a.Id == r.ActionId).Select(a => new { a.Number, a.Plan.Title }).FirstOrDefault(),
            }).ToListAsync(cancellationToken);
        return rows.Select(r => new AssuranceRequestRow(r.Id, r.Question, r.DueOn, r.ClosedUtc is not null, r.Asked, r.Answered,
            r.Action is null ? null : $"{r.Action.Title}, action {r.Action.Number}")).ToList();
    }

    /// <summary>A request with every agency's return (drafts show as not answered, without content), for Editors.</summary>
    public async Task<AssuranceRequestDetail?> FindAsync(int id, CancellationToken cancellationToken = default)
    {
        var request = await db.AssuranceRequests.AsNoTracking().Include(r => r.Agencies).SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (request is null)
        {
            return null;
        }

        var agencyIds = request.Agencies.Select(a => a.AgencyId).ToList();
        var names = await db.Agencies.AsNoTracking().Where(a => agencyIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Name, cancellationToken);
        var answers = await db.AssuranceAnswers.AsNoTracking().Where(a => a.RequestId == id).ToDictionaryAsync(a => a.AgencyId, cancellationToken);
        var answerIds = answers.Values.Select(a => a.Id).ToList();
        var files = await db.AssuranceEvidenceFiles.AsNoTracking().Where(f => f.RequestId == id).OrderBy(f => f.Id)
            .Select(f => new { f.AgencyId, View = new EvidenceFileView(f.Key, f.FileName, f.Length) }).ToListAsync(cancellationToken);
        var history = await db.AssuranceAnswerRevisions.AsNoTracking().Where(r => answerIds.Contains(r.AnswerId) && !r.IsDraft).OrderByDescending(r => r.Id).ToListAsync(cancellationToken);
        var leadCounts = (await LeadsAsync(agencyIds, cancellationToken)).GroupBy(l => l.AgencyId).ToDictionary(g => g.Key, g => g.Count());
        var returns = request.Agencies.Select(ra =>
        {
            var answer = answers.GetValueOrDefault(ra.AgencyId);
            var sent = answer is { IsDraft: false };
            var state = answer is null ? AnswerState.NotAnswered : answer.IsDraft ? AnswerState.Draft : AnswerState.Sent;
            return new AgencyReturn(ra.AgencyId, names.GetValueOrDefault(ra.AgencyId, ""), state,
                sent ? answer!.Rating : null, sent ? answer!.Narrative : "", sent ? answer!.Evidence : "", sent ? Split(answer!.Links) : [],
                answer?.SentUtc, sent ? answer!.UpdatedUtc : null, sent ? answer!.UpdatedByName : null, ra.LastRemindedUtc, ra.TimesReminded,
                leadCounts.GetValueOrDefault(ra.AgencyId),
                sent ? files.Where(f => f.AgencyId == ra.AgencyId).Select(f => f.View).ToList() : [],
                sent ? history.Where(h => h.AnswerId == answer!.Id).Select(View).ToList() : []);
        }).OrderBy(r => r.AgencyName).ToList();
        return new AssuranceRequestDetail(request.Id, request.Question, request.AllAgencies, request.DueOn, request.ActionId,
            await ActionLabelAsync(request.ActionId, cancellationToken), request.CreatedUtc, request.CreatedByName, request.ClosedUtc, request.Reminders, returns);
    }

    /// <summary>The requests to one agency, open ones first by due date, with where its answer stands.</summary>
    public async Task<IReadOnlyList<AgencyRequestRow>> ForAgencyAsync(int agencyId, CancellationToken cancellationToken = default)
    {
        var rows = await db.AssuranceRequests.AsNoTracking()
            .Where(r => r.Agencies.Any(a => a.AgencyId == agencyId))
            .OrderBy(r => r.ClosedUtc != null).ThenBy(r => r.DueOn).ThenBy(r => r.Id)
            .Select(r => new
            {
                r.Id, r.Question, r.DueOn, r.ClosedUtc,
                Answer = db.AssuranceAnswers.Where(a => a.RequestId == r.Id && a.AgencyId == agencyId).Select(a => new { a.IsDraft, a.Rating }).FirstOrDefault(),
            }).ToListAsync(cancellationToken);
        return rows.Select(r => new AgencyRequestRow(r.Id, r.Question, r.DueOn, r.ClosedUtc is not null,
            r.Answer is null ? AnswerState.NotAnswered : r.Answer.IsDraft ? AnswerState.Draft : AnswerState.Sent, r.Answer?.Rating)).ToList();
    }

    /// <summary>A request as one agency's lead sees it, or null when that agency was not asked (so another agency's request is not found).</summary>
    public async Task<AgencyRequestDetail?> FindForAgencyAsync(int id, int agencyId, CancellationToken cancellationToken = default)
    {
        var request = await db.AssuranceRequests.AsNoTracking()
            .Where(r => r.Id == id && r.Agencies.Any(a => a.AgencyId == agencyId))
            .Select(r => new { r.Id, r.Question, r.DueOn, r.ClosedUtc, r.ActionId }).SingleOrDefaultAsync(cancellationToken);
        if (request is null)
        {
            return null;
        }

        var agency = await db.Agencies.AsNoTracking().Where(a => a.Id == agencyId).Select(a => a.Name).SingleAsync(cancellationToken);
        var answer = await db.AssuranceAnswers.AsNoTracking().SingleOrDefaultAsync(a => a.RequestId == id && a.AgencyId == agencyId, cancellationToken);
        var files = answer is null ? [] : await db.AssuranceEvidenceFiles.AsNoTracking().Where(f => f.AnswerId == answer.Id).OrderBy(f => f.Id)
            .Select(f => new EvidenceFileView(f.Key, f.FileName, f.Length)).ToListAsync(cancellationToken);
        var history = answer is null ? [] : await db.AssuranceAnswerRevisions.AsNoTracking().Where(r => r.AnswerId == answer.Id).OrderByDescending(r => r.Id).ToListAsync(cancellationToken);
        return new AgencyRequestDetail(request.Id, request.Question, request.DueOn, request.ClosedUtc, await ActionLabelAsync(request.ActionId, cancellationToken), agency,
            answer is null ? AnswerState.NotAnswered : answer.IsDraft ? AnswerState.Draft : AnswerState.Sent,
            answer?.Rating, answer?.Narrative ?? "", answer?.Evidence ?? "", answer?.Links ?? "", answer?.Version ?? 0,
            files, history.Select(View).ToList());
    }

    /// <summary>
    /// An evidence file by its request and random key: for an Editor, or a lead of the agency that gave it. Anyone else,
    /// or a key of another request, gets null (the page answers not found).
    /// </summary>
    public async Task<EvidenceFileContent?> EvidenceFileAsync(int requestId, Guid key, bool viewerIsEditor, int? viewerLeadAgencyId, CancellationToken cancellationToken = default)
    {
        if (!viewerIsEditor && viewerLeadAgencyId is null)
        {
            return null;
        }

        return await db.AssuranceEvidenceFiles.AsNoTracking()
            .Where(f => f.RequestId == requestId && f.Key == key && (viewerIsEditor || f.AgencyId == viewerLeadAgencyId))
            .Select(f => new EvidenceFileContent(f.FileName, f.ContentType, f.Content)).SingleOrDefaultAsync(cancellationToken);
    }

    /// <summary>The agencies that can be asked (active ones), and the actions a request can belong to.</summary>
    public async Task<IReadOnlyList<(int Id, string Name)>> AgenciesAsync(CancellationToken cancellationToken = default) =>
        (await db.Agencies.AsNoTracking().Where(a => a.IsActive).OrderBy(a => a.SortOrder).ThenBy(a => a.Name).Select(a => new { a.Id, a.Name }).ToListAsync(cancellationToken))
        .Select(a => (a.Id, a.Name)).ToList();

    public async Task<IReadOnlyList<(int Id, string Label)>> ActionsAsync(CancellationToken cancellationToken = default) =>
        (await db.PlanActions.AsNoTracking().Where(a => a.Status != PlanActionStatus.Done).OrderBy(a => a.Plan.Title).ThenBy(a => a.Number)
            .Select(a => new { a.Id, a.Number, a.Plan.Title }).Take(500).ToListAsync(cancellationToken))
        .Select(a => (a.Id, $"{a.Title}, action {a.Number}")).ToList();

    private async Task<string?> ActionLabelAsync(int? actionId, CancellationToken cancellationToken) =>
        actionId is { } id
            ? await db.PlanActions.Where(a => a.Id == id).Select(a => a.Plan.Title + ", action " + a.Number).SingleOrDefaultAsync(cancellationToken)
            : null;

    private sealed record Lead(int AgencyId, string AgencyName, string Email, string Name);

    /// <summary>The active Agency leads of the given agencies.</summary>
    private async Task<List<Lead>> LeadsAsync(IReadOnlyList<int> agencyIds, CancellationToken cancellationToken) =>
        (await (from ur in db.UserRoles
                join r in db.Roles on ur.RoleId equals r.Id
                join u in db.Users on ur.UserId equals u.Id
                where r.Name == PortalRoles.AgencyLead && !u.IsDisabled && u.Email != null && agencyIds.Contains(u.AgencyId)
                orderby u.DisplayName
                select new { u.AgencyId, AgencyName = u.Agency!.Name, u.Email, u.DisplayName }).ToListAsync(cancellationToken))
        .Select(l => new Lead(l.AgencyId, l.AgencyName, l.Email!, l.DisplayName)).ToList();

    private static Outcome<int> Conflict(AssuranceAnswer? current)
    {
        var who = current?.UpdatedByName is { Length: > 0 } name ? name : "Someone";
        var when = current is null ? "" : " at " + UkTime.Format(current.UpdatedUtc);
        return Outcome.Conflict<int>($"{who} saved your agency's answer{when} while you were writing. Your changes have not been saved: they are still in the form below. Check the answer as it is now, then save again.");
    }

    private static AnswerRevisionView View(AssuranceAnswerRevision r) =>
        new(r.CreatedUtc, r.AuthorName, r.IsDraft, r.Rating, r.Narrative, r.Evidence, Split(r.Links), r.FilesAdded);

    private static string[] Split(string links) => links.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    private static string Shorten(string text) => text.Length <= 200 ? text : text[..199].TrimEnd() + "…";
}
