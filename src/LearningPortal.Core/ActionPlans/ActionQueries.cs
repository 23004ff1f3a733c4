using LearningPortal.Core.Accounts;
using LearningPortal.Core.Data;
using LearningPortal.Core.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace LearningPortal.Core.ActionPlans;

/// <summary>The filters of /manage/actions. <see cref="Owner"/> is "agency:ID" or "group:ID".</summary>
public sealed record ActionFilter(int? DocumentId = null, Guid? ObjectiveId = null, string? Owner = null, ActionStanding? Standing = null, DateOnly? DueFrom = null, DateOnly? DueTo = null, int? PlanId = null);

/// <summary>One action in a list.</summary>
public sealed record ActionRow(
    int Id, int PlanId, string PlanTitle, int Number, string What, string OwnerName, string? LeadName, bool NeedsLead,
    DateOnly DueOn, ActionStanding Standing, bool RecommendationWithdrawn, DateTime UpdatedUtc);

/// <summary>A page of actions and how many there are in all.</summary>
public sealed record ActionPage(IReadOnlyList<ActionRow> Rows, int Total, int Page, int PageSize)
{
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

/// <summary>One action in full, with its updates and history, for an Editor or its lead.</summary>
public sealed record ActionDetail(
    int Id, int PlanId, string PlanTitle, int? DocumentId, string? DocumentTitle, int Number, string What, string PublicSummary,
    Guid? RecommendationId, string? RecommendationText, bool RecommendationWithdrawn,
    int? OwnerAgencyId, int? OwnerGroupId, string OwnerName, string? LeadUserId, string? LeadName, bool NeedsLead,
    DateOnly DueOn, PlanActionStatus Status, ActionStanding Standing, int Version,
    IReadOnlyList<UpdateView> Updates, IReadOnlyList<ActionHistoryEntry> History);

/// <summary>A progress update as shown on the action's page.</summary>
public sealed record UpdateView(int Id, string AuthorName, DateTime CreatedUtc, string Text, string Evidence, IReadOnlyList<string> Links,
    PlanActionStatus StatusBefore, PlanActionStatus StatusAfter, bool Closes, IReadOnlyList<EvidenceFileView> Files);

public sealed record EvidenceFileView(Guid Key, string FileName, long Length);

/// <summary>The public view of a plan's progress: counts by status and each action's public summary, nothing else.</summary>
public sealed record PublicProgress(string PlanTitle, IReadOnlyDictionary<ActionStanding, int> Counts, IReadOnlyList<(string Summary, ActionStanding Standing)> Actions);

/// <summary>An evidence file to send, once the caller is known to be allowed.</summary>
public sealed record EvidenceFileContent(string FileName, string ContentType, byte[] Content);

/// <summary>Reading plans and actions: the back-office list, one action, a lead's own actions, the public summary.</summary>
public class ActionQueries(PortalDbContext db, IOptionsMonitor<ActionPlanOptions> options, TimeProvider clock)
{
    public DateOnly Today => DateOnly.FromDateTime(UkTime.FromUtc(clock.GetUtcNow().UtcDateTime));

    public async Task<ActionPage> ListAsync(ActionFilter filter, int page, CancellationToken cancellationToken = default)
    {
        var size = options.CurrentValue.PageSize;
        var query = Filtered(filter);
        var total = await query.CountAsync(cancellationToken);
        page = Math.Clamp(page, 1, Math.Max(1, (total + size - 1) / size));
        var rows = await Rows(query.OrderBy(a => a.DueOn).ThenBy(a => a.PlanId).ThenBy(a => a.Number).Skip((page - 1) * size).Take(size), cancellationToken);
        return new ActionPage(rows, total, page, size);
    }

    /// <summary>Every action of a plan, by number.</summary>
    public async Task<IReadOnlyList<ActionRow>> OfPlanAsync(int planId, CancellationToken cancellationToken = default) =>
        await Rows(db.PlanActions.Where(a => a.PlanId == planId).OrderBy(a => a.Number).ThenBy(a => a.Id), cancellationToken);

    /// <summary>A lead's own actions, open ones first by due date.</summary>
    public async Task<IReadOnlyList<ActionRow>> OfLeadAsync(string userId, CancellationToken cancellationToken = default) =>
        await Rows(db.PlanActions.Where(a => a.LeadUserId == userId).OrderBy(a => a.Status == PlanActionStatus.Done).ThenBy(a => a.DueOn).ThenBy(a => a.Id), cancellationToken);

    /// <summary>One action for an Editor, or for its lead (<paramref name="viewerId"/>); null for anyone else.</summary>
    public async Task<ActionDetail?> FindAsync(int id, string? viewerId, bool viewerIsEditor, CancellationToken cancellationToken = default)
    {
        var a = await db.PlanActions.AsNoTracking().Include(x => x.Plan).SingleOrDefaultAsync(x => x.Id == id, cancellationToken);
        if (a is null || !(viewerIsEditor || (viewerId is not null && a.LeadUserId == viewerId)))
        {
            return null;
        }

        var documentTitle = a.Plan.DocumentId is { } d ? await db.Documents.Where(x => x.Id == d).Select(x => x.Title).SingleOrDefaultAsync(cancellationToken) : null;
        var owner = a.OwnerAgencyId is { } ag ? await db.Agencies.Where(x => x.Id == ag).Select(x => x.Name).SingleAsync(cancellationToken)
            : a.OwnerGroupId is { } g ? await db.PartnershipGroups.Where(x => x.Id == g).Select(x => x.Name).SingleAsync(cancellationToken) : "";
        var lead = a.LeadUserId is { } l ? await db.Users.Where(u => u.Id == l).Select(u => new { u.DisplayName, u.IsDisabled }).SingleOrDefaultAsync(cancellationToken) : null;
        var updates = await db.ActionUpdates.AsNoTracking().Where(u => u.ActionId == id).OrderByDescending(u => u.CreatedUtc).ThenByDescending(u => u.Id)
            .Select(u => new { u.Id, u.AuthorName, u.CreatedUtc, u.Text, u.Evidence, u.Links, u.StatusBefore, u.StatusAfter, u.Closes, Files = u.Files.Select(f => new EvidenceFileView(f.Key, f.FileName, f.Length)).ToList() })
            .ToListAsync(cancellationToken);
        var history = await db.ActionHistory.AsNoTracking().Where(h => h.ActionId == id).OrderByDescending(h => h.Id).ToListAsync(cancellationToken);
        return new ActionDetail(a.Id, a.PlanId, a.Plan.Title, a.Plan.DocumentId, documentTitle, a.Number, a.What, a.PublicSummary,
            a.RecommendationId, a.RecommendationText, a.RecommendationWithdrawn, a.OwnerAgencyId, a.OwnerGroupId, owner,
            a.LeadUserId, lead?.DisplayName, a.NeedsLead || a.LeadUserId is null || lead?.IsDisabled == true,
            a.DueOn, a.Status, a.StandingOn(Today), a.Version,
            updates.Select(u => new UpdateView(u.Id, u.AuthorName, u.CreatedUtc, u.Text, u.Evidence,
                u.Links.Split('\n', StringSplitOptions.RemoveEmptyEntries), u.StatusBefore, u.StatusAfter, u.Closes, u.Files)).ToList(),
            history);
    }

    /// <summary>
    /// An evidence file by the action and its random key, for an Editor or the action's lead only: anyone else,
    /// and any key of another action, gets null (the page answers not found, never "forbidden", so nothing is revealed).
    /// </summary>
    public async Task<EvidenceFileContent?> EvidenceFileAsync(int actionId, Guid key, string? viewerId, bool viewerIsEditor, CancellationToken cancellationToken = default)
    {
        var allowed = viewerIsEditor || (viewerId is not null && await db.PlanActions.AnyAsync(a => a.Id == actionId && a.LeadUserId == viewerId, cancellationToken));
        if (!allowed)
        {
            return null;
        }

        return await db.ActionEvidenceFiles.AsNoTracking().Where(f => f.ActionId == actionId && f.Key == key)
            .Select(f => new EvidenceFileContent(f.FileName, f.ContentType, f.Content)).SingleOrDefaultAsync(cancellationToken);
    }

    /// <summary>The public progress of a briefing's public plans, or null when it has none.</summary>
    public async Task<PublicProgress?> PublicProgressAsync(int documentId, CancellationToken cancellationToken = default)
    {
        var plans = await db.ActionPlans.AsNoTracking().Where(p => p.DocumentId == documentId && p.IsPublic).OrderBy(p => p.Id).Select(p => new { p.Id, p.Title }).ToListAsync(cancellationToken);
        if (plans.Count == 0)
        {
            return null;
        }

        var ids = plans.Select(p => p.Id).ToList();
        var actions = await db.PlanActions.AsNoTracking().Where(a => ids.Contains(a.PlanId)).OrderBy(a => a.PlanId).ThenBy(a => a.Number)
            .Select(a => new { a.PublicSummary, a.Status, a.DueOn }).ToListAsync(cancellationToken);
        if (actions.Count == 0)
        {
            return null;
        }

        var today = Today;
        var list = actions.Select(a => (a.PublicSummary, PlanAction.Standing(a.Status, a.DueOn, today))).ToList();
        var counts = Enum.GetValues<ActionStanding>().ToDictionary(s => s, s => list.Count(x => x.Item2 == s));
        return new PublicProgress(plans[0].Title, counts, list);
    }

    /// <summary>
    /// How the actions matching <paramref name="filter"/> stand today (a count for every standing) and the overdue ones
    /// by due date: for the impact pages, which ask by briefing or objective and optionally an owning agency.
    /// </summary>
    public async Task<(IReadOnlyDictionary<ActionStanding, int> Counts, IReadOnlyList<ActionRow> Overdue)> StandingAsync(ActionFilter filter, CancellationToken cancellationToken = default)
    {
        var today = Today;
        var all = await Filtered(filter with { Standing = null }).Select(a => new { a.Status, a.DueOn }).ToListAsync(cancellationToken);
        var counts = Enum.GetValues<ActionStanding>().ToDictionary(s => s, s => all.Count(a => PlanAction.Standing(a.Status, a.DueOn, today) == s));
        var overdue = await Rows(Filtered(filter with { Standing = ActionStanding.Overdue }).OrderBy(a => a.DueOn).ThenBy(a => a.PlanId).ThenBy(a => a.Number), cancellationToken);
        return (counts, overdue);
    }

    internal IQueryable<PlanAction> Filtered(ActionFilter filter)
    {
        var today = Today;
        var query = db.PlanActions.AsNoTracking();
        if (filter.PlanId is { } planId)
        {
            query = query.Where(a => a.PlanId == planId);
        }

        if (filter.DocumentId is { } documentId)
        {
            query = query.Where(a => a.Plan.DocumentId == documentId);
        }

        if (filter.ObjectiveId is { } objectiveId)
        {
            // A plan for the objective, or a plan for a briefing linked to the objective.
            query = query.Where(a => a.Plan.ObjectiveId == objectiveId
                || db.ObjectiveLinks.Any(l => l.ObjectiveId == objectiveId && l.Kind == ObjectiveLinkKind.Briefing && l.TargetId == a.Plan.DocumentId));
        }

        if (ParseOwner(filter.Owner) is { } owner)
        {
            query = owner.IsAgency ? query.Where(a => a.OwnerAgencyId == owner.Id) : query.Where(a => a.OwnerGroupId == owner.Id);
        }

        query = filter.Standing switch
        {
            ActionStanding.Done => query.Where(a => a.Status == PlanActionStatus.Done),
            ActionStanding.Overdue => query.Where(a => a.Status != PlanActionStatus.Done && a.DueOn < today),
            ActionStanding.NotStarted => query.Where(a => a.Status == PlanActionStatus.NotStarted && a.DueOn >= today),
            ActionStanding.OnTrack => query.Where(a => a.Status == PlanActionStatus.OnTrack && a.DueOn >= today),
            ActionStanding.AtRisk => query.Where(a => a.Status == PlanActionStatus.AtRisk && a.DueOn >= today),
            _ => query,
        };
        if (filter.DueFrom is { } from)
        {
            query = query.Where(a => a.DueOn >= from);
        }

        if (filter.DueTo is { } to)
        {
            query = query.Where(a => a.DueOn <= to);
        }

        return query;
    }

    /// <summary>"agency:3" or "group:1" as a typed owner, or null.</summary>
    public static (bool IsAgency, int Id)? ParseOwner(string? owner)
    {
        var parts = (owner ?? "").Split(':');
        return parts.Length == 2 && int.TryParse(parts[1], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id)
            ? parts[0] switch { "agency" => (true, id), "group" => (false, id), _ => null }
            : null;
    }

    private async Task<List<ActionRow>> Rows(IQueryable<PlanAction> query, CancellationToken cancellationToken)
    {
        var today = Today;
        var rows = await query.Select(a => new
        {
            a.Id, a.PlanId, PlanTitle = a.Plan.Title, a.Number, a.What,
            Agency = db.Agencies.Where(x => x.Id == a.OwnerAgencyId).Select(x => x.Name).FirstOrDefault(),
            Group = db.PartnershipGroups.Where(x => x.Id == a.OwnerGroupId).Select(x => x.Name).FirstOrDefault(),
            Lead = db.Users.Where(u => u.Id == a.LeadUserId).Select(u => new { u.DisplayName, u.IsDisabled }).FirstOrDefault(),
            a.NeedsLead, a.LeadUserId, a.DueOn, a.Status, a.RecommendationWithdrawn, a.UpdatedUtc,
        }).ToListAsync(cancellationToken);
        return rows.Select(a => new ActionRow(a.Id, a.PlanId, a.PlanTitle, a.Number, a.What, a.Agency ?? a.Group ?? "",
            a.Lead?.DisplayName, a.NeedsLead || a.LeadUserId is null || a.Lead?.IsDisabled == true,
            a.DueOn, PlanAction.Standing(a.Status, a.DueOn, today), a.RecommendationWithdrawn, a.UpdatedUtc)).ToList();
    }
}

/// <summary>The choices the action forms offer.</summary>
public class ActionChoices(PortalDbContext db)
{
    public async Task<IReadOnlyList<(string Value, string Name)>> OwnersAsync(CancellationToken cancellationToken = default)
    {
        var groups = await db.PartnershipGroups.AsNoTracking().Where(g => g.IsActive).OrderBy(g => g.SortOrder).ThenBy(g => g.Name).Select(g => new { g.Id, g.Name }).ToListAsync(cancellationToken);
        var agencies = await db.Agencies.AsNoTracking().Where(a => a.IsActive).OrderBy(a => a.SortOrder).ThenBy(a => a.Name).Select(a => new { a.Id, a.Name }).ToListAsync(cancellationToken);
        return groups.Select(g => ($"group:{g.Id}", g.Name)).Concat(agencies.Select(a => ($"agency:{a.Id}", a.Name))).ToList();
    }

    /// <summary>People who can lead an action: active accounts, by name.</summary>
    public async Task<IReadOnlyList<(string Id, string Name)>> LeadsAsync(CancellationToken cancellationToken = default) =>
        (await db.Users.AsNoTracking().Where(u => !u.IsDisabled).OrderBy(u => u.DisplayName)
            .Select(u => new { u.Id, u.DisplayName, Agency = u.Agency!.Name }).ToListAsync(cancellationToken))
        .Select(u => (u.Id, $"{u.DisplayName} ({u.Agency})")).ToList();

    public async Task<IReadOnlyList<(string Id, string Name)>> EditorsAsync(CancellationToken cancellationToken = default) =>
        (await (from ur in db.UserRoles
                join r in db.Roles on ur.RoleId equals r.Id
                join u in db.Users on ur.UserId equals u.Id
                where r.Name == PortalRoles.Editor && !u.IsDisabled
                orderby u.DisplayName
                select new { u.Id, u.DisplayName }).ToListAsync(cancellationToken)).Select(u => (u.Id, u.DisplayName)).ToList();

    /// <summary>Briefings and audit reports a plan can belong to.</summary>
    public async Task<IReadOnlyList<(int Id, string Title)>> BriefingsAsync(CancellationToken cancellationToken = default) =>
        (await db.Documents.AsNoTracking().Where(d => d.Type == Content.DocumentType.LearningBriefing).OrderBy(d => d.Title)
            .Select(d => new { d.Id, d.Title }).ToListAsync(cancellationToken)).Select(d => (d.Id, d.Title)).ToList();

    public async Task<IReadOnlyList<Objective>> ObjectivesAsync(CancellationToken cancellationToken = default) =>
        await db.Objectives.AsNoTracking().Include(o => o.Measures.OrderBy(m => m.Position)).OrderBy(o => !o.IsCurrent).ThenBy(o => o.Number).ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<(int Id, string Title, int? DocumentId)>> PlansAsync(CancellationToken cancellationToken = default) =>
        (await db.ActionPlans.AsNoTracking().OrderBy(p => p.Title).Select(p => new { p.Id, p.Title, p.DocumentId }).ToListAsync(cancellationToken))
        .Select(p => (p.Id, p.Title, p.DocumentId)).ToList();
}
