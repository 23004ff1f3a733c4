using System.Globalization;
using LearningPortal.Core.Accounts;
using LearningPortal.Core.Auditing;
using LearningPortal.Core.Common;
using LearningPortal.Core.Content;
using LearningPortal.Core.Content.Fields;
using LearningPortal.Core.Data;
using LearningPortal.Core.Email;
using LearningPortal.Core.Notifications;
using LearningPortal.Core.Time;
using LearningPortal.Core.Training;
using Microsoft.EntityFrameworkCore;

namespace LearningPortal.Core.ActionPlans;

/// <summary>
/// Making and changing plans and their actions (Editors): every change is in the audit log and the action's own
/// history, saved in one transaction with the email it causes (a new lead is told).
/// </summary>
public class ActionPlanning(
    PortalDbContext db,
    AuditLog audit,
    EmailOutbox outbox,
    ISiteAddress site,
    NotificationPublisher notifications,
    TimeProvider clock)
{
    public const int TitleMaxLength = 300;
    public const int WhatMaxLength = 2000;
    public const int SummaryMaxLength = 500;

    /// <summary>Today's date in the UK, which due dates are compared with.</summary>
    public DateOnly Today => DateOnly.FromDateTime(UkTime.FromUtc(clock.GetUtcNow().UtcDateTime));

    public async Task<Outcome<int>> CreatePlanAsync(PlanInput input, ActionActor actor, CancellationToken cancellationToken = default)
    {
        var errors = await ValidatePlanAsync(input, cancellationToken);
        if (errors.Count > 0)
        {
            return Outcome.Invalid<int>(errors);
        }

        var plan = new ActionPlan
        {
            Title = input.Title!.Trim(),
            DocumentId = input.DocumentId,
            ObjectiveId = input.ObjectiveId,
            IsPublic = input.IsPublic,
            CreatedUtc = clock.GetUtcNow().UtcDateTime,
            Editors = input.EditorIds.Distinct().Select(id => new PlanEditor { UserId = id }).ToList(),
        };
        db.ActionPlans.Add(plan);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        if (plan.ObjectiveId is { } objective)
        {
            db.ObjectiveLinks.Add(new ObjectiveLink { ObjectiveId = objective, Kind = ObjectiveLinkKind.Plan, TargetId = plan.Id });
        }

        audit.Record(actor.Who, "plan.created", "plan", Id(plan.Id), $"Plan '{plan.Title}' created" + (plan.IsPublic ? " (progress public)" : ""));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        await notifications.PublishAsync(new ActionPlanChanged(plan.Id, plan.DocumentId), cancellationToken);
        return Outcome.Success(plan.Id);
    }

    /// <summary>Changes a plan's title, public flag and Editors (its briefing and objective are fixed once it has actions).</summary>
    public async Task<Outcome<int>> ChangePlanAsync(int planId, PlanInput input, ActionActor actor, CancellationToken cancellationToken = default)
    {
        var plan = await db.ActionPlans.Include(p => p.Editors).SingleOrDefaultAsync(p => p.Id == planId, cancellationToken);
        if (plan is null)
        {
            return Outcome.NotFound<int>();
        }

        var errors = await ValidatePlanAsync(input with { DocumentId = plan.DocumentId, ObjectiveId = plan.ObjectiveId }, cancellationToken);
        if (errors.Count > 0)
        {
            return Outcome.Invalid<int>(errors);
        }

        var changes = new List<string>();
        if (plan.Title != input.Title!.Trim())
        {
            changes.Add($"title '{plan.Title}' to '{input.Title.Trim()}'");
            plan.Title = input.Title.Trim();
        }

        if (plan.IsPublic != input.IsPublic)
        {
            changes.Add(input.IsPublic ? "progress made public" : "progress made private");
            plan.IsPublic = input.IsPublic;
        }

        var wanted = input.EditorIds.Distinct().ToHashSet();
        if (!wanted.SetEquals(plan.Editors.Select(e => e.UserId)))
        {
            plan.Editors.RemoveAll(e => !wanted.Contains(e.UserId));
            plan.Editors.AddRange(wanted.Where(id => plan.Editors.All(e => e.UserId != id)).Select(id => new PlanEditor { PlanId = plan.Id, UserId = id }));
            changes.Add("owning Editors changed");
        }

        if (changes.Count > 0)
        {
            audit.Record(actor.Who, "plan.changed", "plan", Id(plan.Id), $"Plan '{plan.Title}': " + string.Join("; ", changes));
            await db.SaveChangesAsync(cancellationToken);
            await notifications.PublishAsync(new ActionPlanChanged(plan.Id, plan.DocumentId), cancellationToken);
        }

        return Outcome.Success(plan.Id);
    }

    /// <summary>
    /// Adds an action to a plan. A due date in the past is allowed once confirmed (<paramref name="pastDueConfirmed"/>):
    /// plans are often written up after the event.
    /// </summary>
    public async Task<Outcome<int>> AddActionAsync(int planId, ActionInput input, bool pastDueConfirmed, ActionActor actor, CancellationToken cancellationToken = default)
    {
        var plan = await db.ActionPlans.AsNoTracking().SingleOrDefaultAsync(p => p.Id == planId, cancellationToken);
        if (plan is null)
        {
            return Outcome.NotFound<int>();
        }

        var (errors, recommendationText) = await ValidateActionAsync(plan, input, null, cancellationToken);
        if (errors.Count > 0)
        {
            return Outcome.Invalid<int>(errors);
        }

        if (input.DueOn < Today && !pastDueConfirmed)
        {
            return Outcome.Refuse<int>(Refusal.NeedsConfirmation, $"The due date, {Format(input.DueOn!.Value)}, is in the past. The action will show as overdue straight away.");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var number = (await db.PlanActions.Where(a => a.PlanId == planId).MaxAsync(a => (int?)a.Number, cancellationToken) ?? 0) + 1;
        var action = new PlanAction
        {
            PlanId = planId,
            Number = number,
            RecommendationId = input.RecommendationId,
            RecommendationText = recommendationText,
            What = input.What!.Trim(),
            PublicSummary = string.IsNullOrWhiteSpace(input.PublicSummary) ? Shorten(input.What!.Trim()) : input.PublicSummary.Trim(),
            OwnerAgencyId = input.OwnerAgencyId,
            OwnerGroupId = input.OwnerGroupId,
            LeadUserId = string.IsNullOrEmpty(input.LeadUserId) ? null : input.LeadUserId,
            NeedsLead = string.IsNullOrEmpty(input.LeadUserId),
            DueOn = input.DueOn!.Value,
            Status = PlanActionStatus.NotStarted,
            CreatedUtc = now,
            UpdatedUtc = now,
        };
        db.PlanActions.Add(action);
        // Inside "turn recommendations into actions" the caller's transaction holds every action: all or nothing.
        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        await db.SaveChangesAsync(cancellationToken);
        var owner = await OwnerNameAsync(action.OwnerAgencyId, action.OwnerGroupId, cancellationToken);
        History(action.Id, actor, $"Action {number} created: owner {owner}, due {Format(action.DueOn)}");
        audit.Record(actor.Who, "action.created", "action", Id(action.Id), $"Action {number} of plan '{plan.Title}' created: {action.What}");
        if (action.LeadUserId is not null)
        {
            await TellLeadAsync(action, plan.Title, cancellationToken);
            History(action.Id, actor, $"{await NameOfAsync(action.LeadUserId, cancellationToken)} made lead");
        }

        await db.SaveChangesAsync(cancellationToken);
        if (transaction is not null)
        {
            await transaction.CommitAsync(cancellationToken);
            await notifications.PublishAsync(new ActionPlanChanged(plan.Id, plan.DocumentId), cancellationToken);
        }

        return Outcome.Success(action.Id);
    }

    /// <summary>
    /// Changes an action's details. <paramref name="shownVersion"/> is the version the form showed: if someone saved
    /// since, nothing is saved and the result says who.
    /// </summary>
    public async Task<Outcome<int>> ChangeActionAsync(int actionId, ActionInput input, int shownVersion, ActionActor actor, CancellationToken cancellationToken = default)
    {
        var action = await db.PlanActions.Include(a => a.Plan).SingleOrDefaultAsync(a => a.Id == actionId, cancellationToken);
        if (action is null)
        {
            return Outcome.NotFound<int>();
        }

        if (action.Version != shownVersion)
        {
            return await ConflictAsync(action.Id, cancellationToken);
        }

        var (errors, recommendationText) = await ValidateActionAsync(action.Plan, input, action, cancellationToken);
        if (errors.Count > 0)
        {
            return Outcome.Invalid<int>(errors);
        }

        if (input.Status == PlanActionStatus.Done && action.Status != PlanActionStatus.Done)
        {
            return Outcome.Invalid<int>(nameof(ActionInput.Status), "Add an update with a closing note and evidence to mark the action as done");
        }

        var changes = new List<string>();
        var leadChanged = false;
        if (action.What != input.What!.Trim())
        {
            changes.Add("what will be done changed");
            action.What = input.What.Trim();
        }

        var summary = string.IsNullOrWhiteSpace(input.PublicSummary) ? Shorten(action.What) : input.PublicSummary.Trim();
        if (action.PublicSummary != summary)
        {
            changes.Add("public summary changed");
            action.PublicSummary = summary;
        }

        if (action.RecommendationId != input.RecommendationId)
        {
            changes.Add(input.RecommendationId is null ? "no longer answers a recommendation" : "answers a different recommendation");
            action.RecommendationId = input.RecommendationId;
            action.RecommendationText = recommendationText;
            action.RecommendationWithdrawn = false;
        }

        if (action.OwnerAgencyId != input.OwnerAgencyId || action.OwnerGroupId != input.OwnerGroupId)
        {
            action.OwnerAgencyId = input.OwnerAgencyId;
            action.OwnerGroupId = input.OwnerGroupId;
            changes.Add("owner now " + await OwnerNameAsync(input.OwnerAgencyId, input.OwnerGroupId, cancellationToken));
        }

        var lead = string.IsNullOrEmpty(input.LeadUserId) ? null : input.LeadUserId;
        if (action.LeadUserId != lead)
        {
            action.LeadUserId = lead;
            action.NeedsLead = lead is null;
            leadChanged = lead is not null;
            changes.Add(lead is null ? "lead removed (needs a lead)" : $"{await NameOfAsync(lead, cancellationToken)} made lead");
        }

        if (action.DueOn != input.DueOn!.Value)
        {
            changes.Add($"due date {Format(action.DueOn)} to {Format(input.DueOn.Value)}");
            action.DueOn = input.DueOn.Value;
            // A new date earns a new reminder and, if missed, a new overdue notice.
            action.DueReminderSentUtc = null;
            action.OverdueNoticeSentUtc = null;
        }

        if (action.Status != input.Status)
        {
            changes.Add(action.Status == PlanActionStatus.Done
                ? $"reopened as {ActionWords.Of(input.Status).ToLowerInvariant()}"
                : $"status {ActionWords.Of(action.Status).ToLowerInvariant()} to {ActionWords.Of(input.Status).ToLowerInvariant()}");
            action.Status = input.Status;
        }

        if (changes.Count == 0)
        {
            return Outcome.Success(action.Id);
        }

        action.Version++;
        action.UpdatedUtc = clock.GetUtcNow().UtcDateTime;
        var what = $"Action {action.Number}: " + string.Join("; ", changes);
        History(action.Id, actor, what);
        audit.Record(actor.Who, "action.changed", "action", Id(action.Id), $"Plan '{action.Plan.Title}'. {what}");
        if (leadChanged)
        {
            await TellLeadAsync(action, action.Plan.Title, cancellationToken);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return await ConflictAsync(action.Id, cancellationToken);
        }

        await notifications.PublishAsync(new ActionPlanChanged(action.PlanId, action.Plan.DocumentId), cancellationToken);
        return Outcome.Success(action.Id);
    }

    /// <summary>
    /// "Turn this briefing's recommendations into actions": one action per recommendation of the plan's briefing not
    /// yet answered by an action of the plan, owned by <paramref name="ownerGroupId"/> or <paramref name="ownerAgencyId"/>,
    /// without a lead yet. Returns how many were made.
    /// </summary>
    public async Task<Outcome<int>> ActionsFromRecommendationsAsync(int planId, int? ownerAgencyId, int? ownerGroupId, DateOnly? dueOn, bool pastDueConfirmed, ActionActor actor, CancellationToken cancellationToken = default)
    {
        var plan = await db.ActionPlans.AsNoTracking().SingleOrDefaultAsync(p => p.Id == planId, cancellationToken);
        if (plan?.DocumentId is null)
        {
            return Outcome.NotFound<int>();
        }

        var recommendations = await RecommendationsAsync(plan.DocumentId.Value, cancellationToken);
        var answered = await db.PlanActions.Where(a => a.PlanId == planId && a.RecommendationId != null).Select(a => a.RecommendationId!.Value).ToListAsync(cancellationToken);
        var created = 0;
        // All or nothing: one transaction holds every action made, so a refusal or a failure part-way leaves none.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        foreach (var recommendation in recommendations.Where(r => !answered.Contains(r.Id)))
        {
            var result = await AddActionAsync(planId, new ActionInput(recommendation.Text, null, recommendation.Id, ownerAgencyId, ownerGroupId, null, dueOn), pastDueConfirmed, actor, cancellationToken);
            if (result.Refusal != Refusal.None)
            {
                await transaction.RollbackAsync(cancellationToken);
                db.ChangeTracker.Clear();
                return result;
            }

            created++;
        }

        await transaction.CommitAsync(cancellationToken);
        if (created > 0)
        {
            await notifications.PublishAsync(new ActionPlanChanged(plan.Id, plan.DocumentId), cancellationToken);
        }

        return Outcome.Success(created);
    }

    /// <summary>The recommendations of a briefing's latest published version (or latest version if never published), in order.</summary>
    public async Task<IReadOnlyList<RecommendationField>> RecommendationsAsync(int documentId, CancellationToken cancellationToken = default)
    {
        var document = await db.Documents.AsNoTracking().Where(d => d.Id == documentId && d.Type == DocumentType.LearningBriefing)
            .Select(d => new { d.PublishedVersionId, d.LatestVersionNumber }).SingleOrDefaultAsync(cancellationToken);
        if (document is null)
        {
            return [];
        }

        var json = await db.DocumentVersions.AsNoTracking()
            .Where(v => document.PublishedVersionId != null ? v.Id == document.PublishedVersionId : v.DocumentId == documentId && v.Number == document.LatestVersionNumber)
            .Select(v => v.FieldsJson).SingleOrDefaultAsync(cancellationToken);
        return json is null ? [] : ((LearningBriefingFields)DocumentTypes.ReadFields(DocumentType.LearningBriefing, json)).Recommendations;
    }

    private async Task<List<FieldError>> ValidatePlanAsync(PlanInput input, CancellationToken cancellationToken)
    {
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(input.Title))
        {
            errors.Add(new(nameof(PlanInput.Title), "Enter a title for the plan"));
        }
        else if (input.Title.Trim().Length > TitleMaxLength)
        {
            errors.Add(new(nameof(PlanInput.Title), $"Title must be {TitleMaxLength} characters or fewer"));
        }

        if (input.DocumentId is { } documentId && !await db.Documents.AnyAsync(d => d.Id == documentId && d.Type == DocumentType.LearningBriefing, cancellationToken))
        {
            errors.Add(new(nameof(PlanInput.DocumentId), "Select a briefing or audit report from the list"));
        }

        if (input.ObjectiveId is { } objectiveId && !await db.Objectives.AnyAsync(o => o.Id == objectiveId, cancellationToken))
        {
            errors.Add(new(nameof(PlanInput.ObjectiveId), "Select an objective from the list"));
        }

        if (input.EditorIds.Count == 0)
        {
            errors.Add(new(nameof(PlanInput.EditorIds), "Select at least one Editor who owns the plan"));
        }
        else
        {
            var editors = await EditorIdsAsync(cancellationToken);
            if (input.EditorIds.Any(id => !editors.Contains(id)))
            {
                errors.Add(new(nameof(PlanInput.EditorIds), "Select Editors from the list"));
            }
        }

        return errors;
    }

    private async Task<(List<FieldError> Errors, string? RecommendationText)> ValidateActionAsync(ActionPlan plan, ActionInput input, PlanAction? existing, CancellationToken cancellationToken)
    {
        var errors = new List<FieldError>();
        string? recommendationText = existing?.RecommendationText;
        if (input.RecommendationId is { } recommendationId && recommendationId != existing?.RecommendationId)
        {
            var recommendation = plan.DocumentId is { } documentId
                ? (await RecommendationsAsync(documentId, cancellationToken)).FirstOrDefault(r => r.Id == recommendationId)
                : null;
            if (recommendation is null)
            {
                errors.Add(new(nameof(ActionInput.RecommendationId), "Select a recommendation of the plan's briefing"));
            }
            else
            {
                recommendationText = recommendation.Text;
            }
        }

        if (string.IsNullOrWhiteSpace(input.What))
        {
            errors.Add(new(nameof(ActionInput.What), "Enter what will be done"));
        }
        else if (input.What.Trim().Length > WhatMaxLength)
        {
            errors.Add(new(nameof(ActionInput.What), $"What will be done must be {WhatMaxLength:N0} characters or fewer"));
        }

        if (input.PublicSummary?.Trim().Length > SummaryMaxLength)
        {
            errors.Add(new(nameof(ActionInput.PublicSummary), $"Public summary must be {SummaryMaxLength} characters or fewer"));
        }

        // A retired agency or group stays on the actions it already owns.
        var keptAgency = existing?.OwnerAgencyId;
        var keptGroup = existing?.OwnerGroupId;
        var agencyOk = input.OwnerAgencyId is { } agency && await db.Agencies.AnyAsync(a => a.Id == agency && (a.IsActive || a.Id == keptAgency), cancellationToken);
        var groupOk = input.OwnerGroupId is { } group && await db.PartnershipGroups.AnyAsync(g => g.Id == group && (g.IsActive || g.Id == keptGroup), cancellationToken);
        if (input.OwnerAgencyId is not null && input.OwnerGroupId is not null || !(agencyOk || groupOk))
        {
            errors.Add(new("Owner", "Select the agency or partnership group that owns the action"));
        }

        if (!string.IsNullOrEmpty(input.LeadUserId) && input.LeadUserId != existing?.LeadUserId
            && !await db.Users.AnyAsync(u => u.Id == input.LeadUserId && !u.IsDisabled, cancellationToken))
        {
            errors.Add(new(nameof(ActionInput.LeadUserId), "Select a lead from the list"));
        }

        if (input.DueOn is null)
        {
            errors.Add(new(nameof(ActionInput.DueOn), "Enter the due date"));
        }

        return (errors, recommendationText);
    }

    private async Task<HashSet<string>> EditorIdsAsync(CancellationToken cancellationToken) =>
        (await (from ur in db.UserRoles
                join r in db.Roles on ur.RoleId equals r.Id
                join u in db.Users on ur.UserId equals u.Id
                where r.Name == PortalRoles.Editor && !u.IsDisabled
                select ur.UserId).ToListAsync(cancellationToken)).ToHashSet();

    private async Task<Outcome<int>> ConflictAsync(int actionId, CancellationToken cancellationToken)
    {
        var last = await db.ActionHistory.AsNoTracking().Where(h => h.ActionId == actionId)
            .OrderByDescending(h => h.Id).Select(h => new { h.ActorName, h.OccurredUtc }).FirstOrDefaultAsync(cancellationToken);
        var who = last is null ? "Someone" : last.ActorName;
        var when = last is null ? "" : " at " + UkTime.Format(last.OccurredUtc);
        return Outcome.Conflict<int>($"{who} changed this action{when} while you were working on it. Nothing you entered has been saved: check the action as it is now, then make your change again.");
    }

    private async Task TellLeadAsync(PlanAction action, string planTitle, CancellationToken cancellationToken)
    {
        var lead = await db.Users.AsNoTracking().Where(u => u.Id == action.LeadUserId).Select(u => new { u.Email, u.DisplayName }).SingleOrDefaultAsync(cancellationToken);
        if (lead?.Email is null)
        {
            return;
        }

        var text = $"Dear {lead.DisplayName},\n\nYou are now the lead for action {action.Number} of the plan '{planTitle}':\n\n{action.What}\n\n"
            + $"It is due on {Format(action.DueOn)}. See it and add progress updates in your actions:\n{new Uri(site.BaseUri, "/actions")}\n";
        outbox.Queue(lead.Email, lead.DisplayName, $"You are the lead for an action due on {Format(action.DueOn)}", text);
    }

    internal void History(int actionId, ActionActor actor, string what) =>
        db.ActionHistory.Add(new ActionHistoryEntry
        {
            ActionId = actionId,
            OccurredUtc = clock.GetUtcNow().UtcDateTime,
            ActorUserId = actor.UserId,
            ActorName = actor.Name,
            What = what.Length > 2000 ? what[..2000] : what,
        });

    private async Task<string> NameOfAsync(string userId, CancellationToken cancellationToken) =>
        await db.Users.Where(u => u.Id == userId).Select(u => u.DisplayName).SingleOrDefaultAsync(cancellationToken) ?? "Someone";

    internal async Task<string> OwnerNameAsync(int? agencyId, int? groupId, CancellationToken cancellationToken) =>
        agencyId is { } a ? await db.Agencies.Where(x => x.Id == a).Select(x => x.Name).SingleAsync(cancellationToken)
        : groupId is { } g ? await db.PartnershipGroups.Where(x => x.Id == g).Select(x => x.Name).SingleAsync(cancellationToken)
        : "no one";

    private static string Shorten(string text) => text.Length <= SummaryMaxLength ? text : text[..(SummaryMaxLength - 1)].TrimEnd() + "…";

    internal static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    internal static string Format(DateOnly date) => date.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"));
}
