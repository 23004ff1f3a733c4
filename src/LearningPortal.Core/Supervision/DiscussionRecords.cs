using LearningPortal.Core.Common;
using LearningPortal.Core.Data;
using LearningPortal.Core.Impact;
using Microsoft.EntityFrameworkCore;

namespace LearningPortal.Core.Supervision;

/// <summary>
/// The one way into supervision records. Who may read a record is decided here and nowhere else
/// (<see cref="VisibleTo"/>): its supervisor, and its participants once it is final. Anyone else gets
/// nothing, which pages show as not found, so a record's existence is not revealed either. Every read
/// and change writes a <see cref="RecordAuditEntry"/> in the same unit of work.
/// </summary>
public class DiscussionRecords(PortalDbContext db, TimeProvider clock, ImpactFeed impact)
{
    public const string FormerUser = "Former user";

    /// <summary>The access rule: the records this person may read.</summary>
    public static IQueryable<DiscussionRecord> VisibleTo(IQueryable<DiscussionRecord> records, string userId) =>
        records.Where(r => r.SupervisorId == userId
            || (r.State == RecordState.Final && r.Participants.Any(p => p.UserId == userId)));

    /// <summary>The records this person may read, newest first (the list shows no text, so it is not audited as a read).</summary>
    public async Task<IReadOnlyList<DiscussionRecord>> ListAsync(string userId, CancellationToken cancellationToken = default) =>
        await VisibleTo(db.DiscussionRecords.AsNoTracking(), userId)
            .Include(r => r.Participants)
            .OrderByDescending(r => r.HeldOn).ThenByDescending(r => r.Id)
            .ToListAsync(cancellationToken);

    /// <summary>Opens a record for reading and audits the read; null if there is none this person may read.</summary>
    public async Task<RecordView?> OpenAsync(int id, string userId, CancellationToken cancellationToken = default)
    {
        var record = await VisibleTo(db.DiscussionRecords.AsNoTracking(), userId)
            .Include(r => r.Participants).Include(r => r.Questions).Include(r => r.Actions).Include(r => r.Reflections)
            .AsSplitQuery()
            .SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (record is null)
        {
            return null;
        }

        Audit(record.Id, userId, RecordAuditKind.Read, "Read the record");
        await db.SaveChangesAsync(cancellationToken);
        return await ViewAsync(record, userId, cancellationToken);
    }

    /// <summary>Every record this person may read with everything in it, for their own export; each export is audited.</summary>
    public async Task<IReadOnlyList<RecordView>> ExportAsync(string userId, CancellationToken cancellationToken = default)
    {
        var records = await VisibleTo(db.DiscussionRecords.AsNoTracking(), userId)
            .Where(r => r.State == RecordState.Final)
            .Include(r => r.Participants).Include(r => r.Questions).Include(r => r.Actions).Include(r => r.Reflections)
            .AsSplitQuery()
            .OrderBy(r => r.HeldOn).ThenBy(r => r.Id)
            .ToListAsync(cancellationToken);
        foreach (var record in records)
        {
            Audit(record.Id, userId, RecordAuditKind.Read, "Exported the record");
        }

        await db.SaveChangesAsync(cancellationToken);
        var views = new List<RecordView>();
        foreach (var record in records)
        {
            views.Add(await ViewAsync(record, userId, cancellationToken, withAudit: false));
        }

        return views;
    }

    /// <summary>Finds portal users by email address (for choosing participants); returns those found and the addresses not found.</summary>
    public async Task<(IReadOnlyList<(string Id, string Email, string Name)> Found, IReadOnlyList<string> Missing)> FindPeopleAsync(
        IEnumerable<string> emails, CancellationToken cancellationToken = default)
    {
        var wanted = emails.Select(e => e.Trim()).Where(e => e.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var normalised = wanted.Select(e => e.ToUpperInvariant()).ToList();
        var users = await db.Users.AsNoTracking()
            .Where(u => normalised.Contains(u.NormalizedEmail!) && !u.IsDisabled)
            .Select(u => new { u.Id, u.Email, u.DisplayName })
            .ToListAsync(cancellationToken);
        var found = users.Select(u => (u.Id, u.Email!, u.DisplayName)).ToList();
        var missing = wanted.Where(e => !users.Any(u => string.Equals(u.Email, e, StringComparison.OrdinalIgnoreCase))).ToList();
        return (found, missing);
    }

    /// <summary>Starts a draft record; returns its id, or null if the question set is not available.</summary>
    public async Task<int?> StartAsync(string supervisorId, NewDiscussion input, CancellationToken cancellationToken = default)
    {
        var set = await db.QuestionSets.AsNoTracking().SingleOrDefaultAsync(s => s.Id == input.QuestionSetId && s.IsAvailable, cancellationToken);
        var supervisorAgency = await db.Users.Where(u => u.Id == supervisorId).Select(u => (int?)u.AgencyId).SingleOrDefaultAsync(cancellationToken);
        if (set is null || supervisorAgency is null)
        {
            return null;
        }

        var ids = input.ParticipantIds.Where(p => p != supervisorId).Distinct().ToList();
        var agencies = await db.Users.Where(u => ids.Contains(u.Id)).Select(u => new { u.Id, u.AgencyId }).ToListAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var record = new DiscussionRecord
        {
            Kind = input.Kind,
            HeldOn = input.HeldOn,
            SupervisorId = supervisorId,
            SupervisorAgencyId = supervisorAgency.Value,
            QuestionSetId = set.Id,
            QuestionSetTitle = set.Title,
            State = RecordState.Draft,
            CreatedUtc = now,
            UpdatedUtc = now,
            Participants = agencies.Select(a => new DiscussionParticipant { UserId = a.Id, AgencyId = a.AgencyId }).ToList(),
        };
        db.DiscussionRecords.Add(record);
        await db.SaveChangesAsync(cancellationToken);
        Audit(record.Id, supervisorId, RecordAuditKind.Change, "Started the record");
        await db.SaveChangesAsync(cancellationToken);
        return record.Id;
    }

    /// <summary>
    /// A draft for its supervisor to edit, with the set's current questions to choose from; opening it is audited
    /// unless the caller is about to save (the change is audited then). Null if this person is not the record's
    /// supervisor or the record is final.
    /// </summary>
    public async Task<(RecordView View, IReadOnlyList<QuestionSetQuestion> Offered)?> OpenDraftAsync(int id, string supervisorId, bool audit = true, CancellationToken cancellationToken = default)
    {
        var record = await db.DiscussionRecords.AsNoTracking()
            .Include(r => r.Participants).Include(r => r.Questions).Include(r => r.Actions)
            .AsSplitQuery()
            .SingleOrDefaultAsync(r => r.Id == id && r.SupervisorId == supervisorId && r.State == RecordState.Draft, cancellationToken);
        if (record is null)
        {
            return null;
        }

        if (audit)
        {
            Audit(record.Id, supervisorId, RecordAuditKind.Read, "Opened the draft to edit");
            await db.SaveChangesAsync(cancellationToken);
        }

        var offered = await db.QuestionSetQuestions.AsNoTracking()
            .Where(q => q.QuestionSetId == record.QuestionSetId && q.IsCurrent)
            .OrderBy(q => q.Position)
            .ToListAsync(cancellationToken);

        // A question already in the record is offered with the wording it was recorded with.
        var recorded = record.Questions.ToDictionary(q => q.QuestionId);
        var merged = offered.Select(q => recorded.TryGetValue(q.QuestionId, out var r) ? new QuestionSetQuestion { QuestionId = q.QuestionId, Position = q.Position, Text = r.Wording } : q)
            .Concat(record.Questions.Where(r => offered.All(q => q.QuestionId != r.QuestionId))
                .Select(r => new QuestionSetQuestion { QuestionId = r.QuestionId, Position = 1000 + r.Position, Text = r.Wording }))
            .ToList();
        return (await ViewAsync(record, supervisorId, cancellationToken, withAudit: false), merged);
    }

    /// <summary>
    /// Corrects a draft's kind, date and participants. Someone who owns one of the draft's actions cannot be left
    /// out until the action has another owner, so no action is left without one; nothing changes then.
    /// </summary>
    public async Task<Outcome> ChangeSetUpAsync(int id, string supervisorId, DiscussionSetUp setUp, CancellationToken cancellationToken = default)
    {
        var record = await db.DiscussionRecords
            .Include(r => r.Participants).Include(r => r.Actions)
            .AsSplitQuery()
            .SingleOrDefaultAsync(r => r.Id == id && r.SupervisorId == supervisorId && r.State == RecordState.Draft, cancellationToken);
        if (record is null)
        {
            return Outcome.NotFound();
        }

        var wanted = setUp.ParticipantIds.Where(p => p != supervisorId).Distinct().ToList();
        var leaving = record.Participants.Where(p => p.UserId is not null && !wanted.Contains(p.UserId)).ToList();
        var owners = record.Actions.Select(a => a.OwnerId).Intersect(leaving.Select(p => p.UserId)).OfType<string>().ToList();
        if (owners.Count > 0)
        {
            var names = await db.Users.Where(u => owners.Contains(u.Id)).Select(u => new { u.Id, u.DisplayName }).ToListAsync(cancellationToken);
            var who = string.Join(", ", owners.Select(o => names.FirstOrDefault(n => n.Id == o)?.DisplayName ?? FormerUser));
            return Outcome.Invalid(nameof(DiscussionSetUp.ParticipantIds),
                $"{who} still owns an agreed action: give the action another owner in the record before leaving them out");
        }

        var joining = wanted.Where(w => record.Participants.All(p => p.UserId != w)).ToList();
        var agencies = await db.Users.Where(u => joining.Contains(u.Id)).Select(u => new { u.Id, u.AgencyId }).ToListAsync(cancellationToken);
        foreach (var participant in leaving)
        {
            record.Participants.Remove(participant);
        }

        record.Participants.AddRange(agencies.Select(a => new DiscussionParticipant { UserId = a.Id, AgencyId = a.AgencyId }));
        record.Kind = setUp.Kind;
        record.HeldOn = setUp.HeldOn;
        record.UpdatedUtc = clock.GetUtcNow().UtcDateTime;
        Audit(record.Id, supervisorId, RecordAuditKind.Change, "Changed the kind, date or who took part");
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Done();
    }

    /// <summary>Saves the supervisor's details of a draft, and finalises it if asked.</summary>
    public async Task<Outcome> SaveAsync(int id, string supervisorId, DiscussionDetails details, bool finalise, CancellationToken cancellationToken = default)
    {
        var record = await db.DiscussionRecords
            .Include(r => r.Participants).Include(r => r.Questions).Include(r => r.Actions)
            .AsSplitQuery()
            .SingleOrDefaultAsync(r => r.Id == id && r.SupervisorId == supervisorId, cancellationToken);
        if (record is null)
        {
            return Outcome.NotFound();
        }

        if (record.State != RecordState.Draft)
        {
            return Outcome.NotAllowed("This record cannot be changed now");
        }

        var current = await db.QuestionSetQuestions.AsNoTracking()
            .Where(q => q.QuestionSetId == record.QuestionSetId)
            .ToDictionaryAsync(q => q.QuestionId, cancellationToken);
        var kept = record.Questions.ToDictionary(q => q.QuestionId);
        var chosen = details.Questions.Where(q => kept.ContainsKey(q.QuestionId) || current.ContainsKey(q.QuestionId)).ToList();
        record.Questions.RemoveAll(q => chosen.All(c => c.QuestionId != q.QuestionId));
        foreach (var note in chosen)
        {
            // The wording is copied once, when the question is first recorded, and never follows later revisions.
            if (!kept.TryGetValue(note.QuestionId, out var question))
            {
                var source = current[note.QuestionId];
                question = new DiscussedQuestion { QuestionId = source.QuestionId, Position = source.Position, Wording = source.Text };
                record.Questions.Add(question);
            }

            question.Discussion = Clean(note.Discussion);
        }

        record.WhatHappened = Clean(details.WhatHappened);
        record.Reflection = Clean(details.Reflection);
        record.Learning = Clean(details.Learning);
        record.WhatNext = Clean(details.WhatNext);
        record.EscalationNeeded = details.EscalationNeeded;
        record.EscalationNote = details.EscalationNeeded ? Clean(details.EscalationNote) : null;
        record.FollowUpOn = details.FollowUpOn;

        var people = record.Participants.Select(p => p.UserId).Append(record.SupervisorId).ToHashSet();
        record.Actions.Clear();
        record.Actions.AddRange(details.Actions.Where(a => people.Contains(a.OwnerId))
            .Select(a => new AgreedAction { What = a.What.Trim(), OwnerId = a.OwnerId, DueOn = a.DueOn, Status = ActionStatus.Open }));
        foreach (var participant in record.Participants)
        {
            var confidence = details.Confidence.FirstOrDefault(c => c.UserId == participant.UserId);
            participant.ConfidenceBefore = confidence?.Before is >= 1 and <= 5 ? confidence.Before : null;
            participant.ConfidenceAfter = confidence?.After is >= 1 and <= 5 ? confidence.After : null;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        record.UpdatedUtc = now;
        if (finalise)
        {
            record.State = RecordState.Final;
            record.FinalisedUtc = now;
            // Titles and dates for the people's learning records, saved with the finalising.
            var briefing = await db.QuestionSets.AsNoTracking().Where(s => s.Id == record.QuestionSetId).Select(s => s.DocumentId).SingleOrDefaultAsync(cancellationToken);
            await impact.RecordAsync(ImpactEventsFrom.Discussion(record, briefing), cancellationToken);
        }

        Audit(record.Id, supervisorId, RecordAuditKind.Change, finalise ? "Finalised the record" : "Saved the draft");
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Done();
    }

    /// <summary>A participant adds their own reflection to a final record.</summary>
    public async Task<Outcome> AddReflectionAsync(int id, string userId, string text, CancellationToken cancellationToken = default)
    {
        var record = await ParticipantRecordAsync(id, userId, cancellationToken);
        if (record is null)
        {
            return Outcome.NotFound();
        }

        db.ParticipantReflections.Add(new ParticipantReflection { RecordId = id, AuthorId = userId, Text = text.Trim(), CreatedUtc = clock.GetUtcNow().UtcDateTime });
        Audit(id, userId, RecordAuditKind.Change, "Added a reflection");
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Done();
    }

    /// <summary>A participant confirms they have read the final record (once).</summary>
    public async Task<Outcome> AcknowledgeAsync(int id, string userId, CancellationToken cancellationToken = default)
    {
        var record = await ParticipantRecordAsync(id, userId, cancellationToken);
        var me = record?.Participants.Single(p => p.UserId == userId);
        if (me is null)
        {
            return Outcome.NotFound();
        }

        if (me.AcknowledgedUtc is not null)
        {
            return Outcome.NotAllowed("This record cannot be changed now");
        }

        me.AcknowledgedUtc = clock.GetUtcNow().UtcDateTime;
        Audit(id, userId, RecordAuditKind.Change, "Acknowledged the record");
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Done();
    }

    /// <summary>Display names of accounts that still exist; a missing id reads as <see cref="FormerUser"/>.</summary>
    public async Task<IReadOnlyDictionary<string, string>> NamesAsync(IEnumerable<string?> userIds, CancellationToken cancellationToken = default)
    {
        var ids = userIds.OfType<string>().Distinct().ToList();
        return await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
    }

    /// <summary>Email addresses of portal users, to show participants in the form they were entered.</summary>
    public async Task<IReadOnlyList<string>> EmailsAsync(IEnumerable<string?> userIds, CancellationToken cancellationToken = default)
    {
        var ids = userIds.OfType<string>().Distinct().ToList();
        return await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).OrderBy(u => u.Email).Select(u => u.Email!).ToListAsync(cancellationToken);
    }

    /// <summary>Adds an audit entry to the caller's unit of work (also used by <see cref="SupervisionActions"/>).</summary>
    internal void Audit(int recordId, string userId, RecordAuditKind kind, string what) =>
        db.RecordAuditEntries.Add(new RecordAuditEntry { RecordId = recordId, UserId = userId, Kind = kind, What = what, AtUtc = clock.GetUtcNow().UtcDateTime });

    private Task<DiscussionRecord?> ParticipantRecordAsync(int id, string userId, CancellationToken cancellationToken) =>
        db.DiscussionRecords.Include(r => r.Participants)
            .SingleOrDefaultAsync(r => r.Id == id && r.State == RecordState.Final && r.Participants.Any(p => p.UserId == userId), cancellationToken);

    private async Task<RecordView> ViewAsync(DiscussionRecord record, string userId, CancellationToken cancellationToken, bool withAudit = true)
    {
        var audit = withAudit
            ? await db.RecordAuditEntries.AsNoTracking().Where(a => a.RecordId == record.Id).OrderByDescending(a => a.AtUtc).ThenByDescending(a => a.Id).ToListAsync(cancellationToken)
            : [];
        var ids = record.Participants.Select(p => p.UserId).Append(record.SupervisorId)
            .Concat(record.Reflections.Select(r => r.AuthorId)).Concat(record.Actions.Select(a => a.OwnerId)).Concat(audit.Select(a => a.UserId))
            .OfType<string>().Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
        record.Questions.Sort((a, b) => a.Position.CompareTo(b.Position));
        record.Actions.Sort((a, b) => a.DueOn.CompareTo(b.DueOn));
        record.Reflections.Sort((a, b) => a.CreatedUtc.CompareTo(b.CreatedUtc));
        return new RecordView(record, record.SupervisorId == userId, record.Participants.FirstOrDefault(p => p.UserId == userId), names, audit);
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
