using LearningPortal.Core.Auditing;
using LearningPortal.Core.Common;
using LearningPortal.Core.Content.Media;
using LearningPortal.Core.Data;
using LearningPortal.Core.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace LearningPortal.Core.ActionPlans;

/// <summary>
/// Progress updates on an action by its lead or an Editor: a note, evidence (words, links, files) and the status it
/// leaves. "Done" needs a closing note and evidence; an update on a done action that sets another status reopens it.
/// Each update is one save with its history line, audit line and files; a form opened on an older version is a conflict.
/// </summary>
public class ActionProgress(
    PortalDbContext db,
    ActionPlanning planning,
    AuditLog audit,
    NotificationPublisher notifications,
    IOptionsMonitor<ActionPlanOptions> options,
    TimeProvider clock)
{
    public const int TextMaxLength = 4000;

    /// <summary>Adds an update; only an Editor or the action's lead may.</summary>
    public async Task<Outcome<int>> AddUpdateAsync(int actionId, UpdateInput input, int shownVersion, ActionActor actor, CancellationToken cancellationToken = default)
    {
        var action = await db.PlanActions.Include(a => a.Plan).SingleOrDefaultAsync(a => a.Id == actionId, cancellationToken);
        if (action is null || !(actor.IsEditor || (actor.UserId is not null && action.LeadUserId == actor.UserId)))
        {
            return Outcome.NotFound<int>();
        }

        var (errors, files) = Validate(input);
        if (errors.Count > 0)
        {
            return Outcome.Invalid<int>(errors);
        }

        if (action.Version != shownVersion)
        {
            return await ConflictAsync(action.Id, cancellationToken);
        }

        var before = action.Status;
        var update = new ActionUpdate
        {
            ActionId = action.Id,
            AuthorUserId = actor.UserId,
            AuthorName = actor.Name,
            CreatedUtc = clock.GetUtcNow().UtcDateTime,
            Text = input.Text!.Trim(),
            Evidence = input.Evidence?.Trim() ?? "",
            Links = string.Join('\n', Lines(input.Links)),
            StatusBefore = before,
            StatusAfter = input.Status,
            Closes = input.Status == PlanActionStatus.Done && before != PlanActionStatus.Done,
            Files = files,
        };
        foreach (var file in files)
        {
            file.ActionId = action.Id;
        }

        db.ActionUpdates.Add(update);
        action.Status = input.Status;
        action.UpdatedUtc = update.CreatedUtc;
        action.Version++;
        var what = before == input.Status ? $"Progress update added ({ActionWords.Of(input.Status).ToLowerInvariant()})"
            : update.Closes ? "Marked done with a closing note and evidence"
            : before == PlanActionStatus.Done ? $"Reopened as {ActionWords.Of(input.Status).ToLowerInvariant()}"
            : $"Progress update added; status {ActionWords.Of(before).ToLowerInvariant()} to {ActionWords.Of(input.Status).ToLowerInvariant()}";
        if (files.Count > 0)
        {
            what += $" with {files.Count} evidence file{(files.Count == 1 ? "" : "s")}";
        }

        planning.History(action.Id, actor, what);
        audit.Record(actor.Who, before == PlanActionStatus.Done && input.Status != PlanActionStatus.Done ? "action.reopened" : "action.updated",
            "action", ActionPlanning.Id(action.Id), $"Action {action.Number} of plan '{action.Plan.Title}': {what}");
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return await ConflictAsync(action.Id, cancellationToken);
        }

        if (before != input.Status)
        {
            await notifications.PublishAsync(new ActionPlanChanged(action.PlanId, action.Plan.DocumentId), cancellationToken);
        }

        return Outcome.Success(update.Id);
    }

    private (List<FieldError> Errors, List<ActionEvidenceFile> Files) Validate(UpdateInput input)
    {
        var errors = new List<FieldError>();
        var closing = input.Status == PlanActionStatus.Done;
        if (string.IsNullOrWhiteSpace(input.Text))
        {
            errors.Add(new(nameof(UpdateInput.Text), closing ? "Enter a closing note saying what was done" : "Enter what has happened"));
        }
        else if (input.Text.Trim().Length > TextMaxLength)
        {
            errors.Add(new(nameof(UpdateInput.Text), $"The update must be {TextMaxLength:N0} characters or fewer"));
        }

        var links = Lines(input.Links);
        if (closing && string.IsNullOrWhiteSpace(input.Evidence) && links.Count == 0 && input.Files.Count == 0)
        {
            errors.Add(new(nameof(UpdateInput.Evidence), "Give evidence that the action is done: describe it, link to it or add a file"));
        }
        else if (input.Evidence?.Trim().Length > TextMaxLength)
        {
            errors.Add(new(nameof(UpdateInput.Evidence), $"Evidence must be {TextMaxLength:N0} characters or fewer"));
        }

        if (links.Any(l => !Uri.TryCreate(l, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp) || l.Length > 1000))
        {
            errors.Add(new(nameof(UpdateInput.Links), "Enter each link on its own line, starting with https://"));
        }

        var files = new List<ActionEvidenceFile>();
        var max = options.CurrentValue.MaxEvidenceFileBytes;
        if (input.Files.Count > options.CurrentValue.MaxFilesPerUpdate)
        {
            errors.Add(new(nameof(UpdateInput.Files), $"Add {options.CurrentValue.MaxFilesPerUpdate} files or fewer to one update"));
        }
        else
        {
            foreach (var file in input.Files)
            {
                using var stream = new MemoryStream(file.Content, writable: false);
                var name = Path.GetFileName(file.FileName);
                if (file.Content.Length == 0)
                {
                    errors.Add(new(nameof(UpdateInput.Files), $"{name} is empty"));
                }
                else if (file.Content.Length > max)
                {
                    errors.Add(new(nameof(UpdateInput.Files), $"{name} must be smaller than {max / (1024 * 1024)} MB"));
                }
                else if (MediaTypes.Sniff(stream, name) is not { } type)
                {
                    errors.Add(new(nameof(UpdateInput.Files), $"{name} must be a PDF, Word, Excel, PowerPoint, PNG, JPEG, GIF or WebP file"));
                }
                else
                {
                    files.Add(new ActionEvidenceFile
                    {
                        Key = Guid.NewGuid(),
                        FileName = name.Length > 255 ? name[^255..] : name,
                        ContentType = type.ContentType,
                        Length = file.Content.Length,
                        Content = file.Content,
                    });
                }
            }
        }

        return (errors, files);
    }

    private async Task<Outcome<int>> ConflictAsync(int actionId, CancellationToken cancellationToken)
    {
        var last = await db.ActionHistory.AsNoTracking().Where(h => h.ActionId == actionId)
            .OrderByDescending(h => h.Id).Select(h => new { h.ActorName, h.OccurredUtc }).FirstOrDefaultAsync(cancellationToken);
        var who = last is null ? "Someone" : last.ActorName;
        var when = last is null ? "" : " at " + Time.UkTime.Format(last.OccurredUtc);
        return Outcome.Conflict<int>($"{who} changed this action{when} while you were writing your update. Your update has not been saved: it is still in the form below. Check the action as it is now, then save again.");
    }

    private static List<string> Lines(string? text) =>
        (text ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
}
