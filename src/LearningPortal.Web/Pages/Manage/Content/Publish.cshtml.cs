using LearningPortal.Core.Auditing;
using LearningPortal.Core.Content;
using LearningPortal.Core.Content.Publishing;
using LearningPortal.Core.Content.Reading;

namespace LearningPortal.Web.Pages.Manage.Content;

/// <summary>The schedule form: publish or unpublish at a UK date and time.</summary>
public sealed class ScheduleForm
{
    /// <summary>"publish" or "unpublish".</summary>
    public string? Action { get; set; }

    /// <summary>The UK date and time.</summary>
    public DateTimeInput When { get; set; } = new();
}

/// <summary>
/// Publishing a document: publish the latest version now, schedule publish or unpublish at a UK time, cancel a
/// schedule, unpublish, archive or restore; with the review step on, submit for review, approve or return.
/// </summary>
public class PublishModel(ContentLibrary library, ContentPublisher publisher) : PageModel
{
    [BindProperty]
    public ScheduleForm Schedule { get; set; } = new();

    [BindProperty]
    public string? ReturnNote { get; set; }

    public Document Document { get; private set; } = default!;

    public VersionSummary Latest { get; private set; } = default!;

    public IReadOnlyList<ScheduleSummary> Schedules { get; private set; } = [];

    public bool ReviewRequired { get; private set; }

    public string? CurrentUserId { get; private set; }

    public IEnumerable<Microsoft.AspNetCore.Mvc.Rendering.SelectListItem> ScheduleActions =>
    [
        new($"Publish version {Latest.Number}", "publish"),
        new("Unpublish", "unpublish"),
    ];

    public async Task<IActionResult> OnGetAsync(int id) => await LoadAsync(id) ? Page() : NotFound();

    public Task<IActionResult> OnPostPublishAsync(int id) =>
        ActAsync(id, async actor => Message(await publisher.PublishAsync(id, Latest.Number, actor), $"Version {Latest.Number} is published"));

    public Task<IActionResult> OnPostUnpublishAsync(int id) =>
        ActAsync(id, async actor => Message(await publisher.UnpublishAsync(id, actor), "Unpublished: readers can no longer see it"));

    public Task<IActionResult> OnPostArchiveAsync(int id) =>
        ActAsync(id, async actor => Message(await publisher.ArchiveAsync(id, actor), "Archived"));

    public Task<IActionResult> OnPostRestoreAsync(int id) =>
        ActAsync(id, async actor => Message(await publisher.RestoreAsync(id, actor), "Restored"));

    public Task<IActionResult> OnPostSubmitAsync(int id) =>
        ActAsync(id, async actor => Message(await publisher.SubmitForReviewAsync(id, Latest.Number, actor), $"Version {Latest.Number} is submitted for review"));

    public Task<IActionResult> OnPostReturnAsync(int id) =>
        ActAsync(id, async actor => string.IsNullOrWhiteSpace(ReturnNote)
            ? Fail(nameof(ReturnNote), "Enter a note saying what needs to change")
            : Message(await publisher.ReturnToDraftAsync(id, Latest.Number, ReturnNote.Trim(), actor), $"Version {Latest.Number} is returned to draft"));

    public Task<IActionResult> OnPostCancelAsync(int id, long scheduleId) =>
        ActAsync(id, async actor => Schedules.Any(s => s.Id == scheduleId)
            ? Message(await publisher.CancelScheduleAsync(scheduleId, actor), "Schedule cancelled")
            : Fail("", "That schedule is not open"));

    public Task<IActionResult> OnPostScheduleAsync(int id) => ActAsync(id, async actor =>
    {
        if (Schedule.Action is not ("publish" or "unpublish"))
        {
            return Fail("Schedule.Action", "Select whether to publish or unpublish");
        }

        if (Schedule.When.Read(ModelState, "Schedule.When", "The date and time") is not { } ukLocal)
        {
            return null;
        }

        var outcome = Schedule.Action == "publish"
            ? await publisher.SchedulePublishAsync(id, Latest.Number, ukLocal, actor)
            : await publisher.ScheduleUnpublishAsync(id, ukLocal, actor);
        if (!outcome.Succeeded)
        {
            ModelState.AddRefusal(outcome, map: _ => "Schedule.When");
            return null;
        }

        var when = Core.Time.UkTime.Format(outcome.Value!.DueUtc);
        var message = Schedule.Action == "publish" ? $"Version {Latest.Number} will be published on {when}" : $"It will be unpublished on {when}";
        TempData["Success"] = string.Join(" ", [message, .. outcome.Warnings]);
        return RedirectToPage("/Manage/Content/Publish", new { id });
    });

    /// <summary>Runs an action; a null result means "show the page again with the errors added".</summary>
    private async Task<IActionResult> ActAsync(int id, Func<Actor, Task<IActionResult?>> action)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        var result = await action(await this.ActorAsync());
        if (result is not null)
        {
            return result;
        }

        await LoadAsync(id);
        return Page();
    }

    private RedirectToPageResult? Message<T>(Outcome<T> outcome, string success)
    {
        if (!outcome.Succeeded)
        {
            ModelState.AddRefusal(outcome, map: _ => "");
            return null;
        }

        TempData["Success"] = success;
        return RedirectToPage("/Manage/Content/Publish", new { id = Document.Id });
    }

    private IActionResult? Fail(string key, string message)
    {
        ModelState.AddModelError(key, message);
        return null;
    }

    private async Task<bool> LoadAsync(int id)
    {
        var document = await library.GetDocumentAsync(id);
        var history = document is null ? [] : await library.HistoryAsync(id);
        if (document is null || history.Count == 0)
        {
            return false;
        }

        Document = document;
        Latest = history.OrderByDescending(v => v.Number).First();
        Schedules = await library.SchedulesAsync(id);
        ReviewRequired = await publisher.ReviewRequiredAsync();
        CurrentUserId = User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value;
        return true;
    }
}
