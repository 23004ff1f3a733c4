using LearningPortal.Core.ActionPlans;
using LearningPortal.Core.Content;
using LearningPortal.Core.Supervision;
using LearningPortal.Web.Pages.Actions;

namespace LearningPortal.Web.Pages.Manage.Actions.Objectives;

/// <summary>One objective: its measures, what serves it, and linking or unlinking a briefing, course or standing question set.</summary>
public class ObjectiveModel(ObjectiveLinks links, PortalDbContext db) : PageModel
{
    /// <summary>What is linked, by name, with where it is seen.</summary>
    public sealed record LinkedItem(int Id, ObjectiveLinkKind Kind, string Name, string? Url);

    /// <summary>The item to link: "Briefing:12", "Course:3" or "QuestionSet:7".</summary>
    [BindProperty]
    public string? Item { get; set; }

    [BindProperty]
    public int LinkId { get; set; }

    public Objective Objective { get; private set; } = default!;

    public IReadOnlyList<LinkedItem> Linked { get; private set; } = [];

    public IReadOnlyList<SelectListItem> Choices { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id) => await LoadAsync(id) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        var choice = Choices.FirstOrDefault(c => c.Value == Item);
        var parts = (Item ?? "").Split(':');
        if (choice is null || parts.Length != 2 || !Enum.TryParse<ObjectiveLinkKind>(parts[0], out var kind)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var target))
        {
            ModelState.AddModelError(nameof(Item), "Select a briefing, course or question set to link");
            return Page();
        }

        var result = await links.LinkAsync(id, kind, target, TitleOf(choice), await this.ActionActorAsync());
        if (result.Refusal == Refusal.NotFound)
        {
            return NotFound();
        }

        if (result.Refusal != Refusal.None)
        {
            ModelState.AddRefusal(result, map: f => f);
            return Page();
        }

        TempData["Success"] = $"{TitleOf(choice)} linked";
        return RedirectToPage("/Manage/Actions/Objectives/Objective", new { id });
    }

    public async Task<IActionResult> OnPostUnlinkAsync(Guid id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        var link = Linked.FirstOrDefault(l => l.Id == LinkId);
        if (link is null)
        {
            // Removed already (by someone else, or a second click): nothing left to do.
            return RedirectToPage("/Manage/Actions/Objectives/Objective", new { id });
        }

        var result = await links.UnlinkAsync(id, LinkId, link.Name, await this.ActionActorAsync());
        if (result.Refusal == Refusal.None)
        {
            TempData["Success"] = $"{link.Name} no longer linked";
        }

        return RedirectToPage("/Manage/Actions/Objectives/Objective", new { id });
    }

    private async Task<bool> LoadAsync(Guid id)
    {
        if (await links.FindAsync(id) is not { } objective)
        {
            return false;
        }

        Objective = objective;
        var linked = await links.OfAsync(id);
        var briefings = await db.Documents.AsNoTracking().Where(d => d.Type == DocumentType.LearningBriefing).OrderBy(d => d.Title)
            .Select(d => new { d.Id, d.Title, d.Slug, Published = d.PublishedVersionId != null }).ToListAsync();
        var courses = await db.Courses.AsNoTracking().OrderBy(c => c.Title).Select(c => new { c.Id, c.Title, c.Slug }).ToListAsync();
        var sets = await db.QuestionSets.AsNoTracking().Where(s => s.Source == QuestionSetSource.Standing).OrderBy(s => s.Title).Select(s => new { s.Id, s.Title }).ToListAsync();
        var plans = await db.ActionPlans.AsNoTracking().Where(p => p.ObjectiveId == id).Select(p => new { p.Id, p.Title }).ToListAsync();
        Linked = linked.Select(l => l.Kind switch
        {
            ObjectiveLinkKind.Briefing => briefings.FirstOrDefault(b => b.Id == l.TargetId) is { } b ? new LinkedItem(l.Id, l.Kind, b.Title, b.Published ? Url.Page("/Learning/Briefing", new { slug = b.Slug }) : null) : null,
            ObjectiveLinkKind.Course => courses.FirstOrDefault(c => c.Id == l.TargetId) is { } c ? new LinkedItem(l.Id, l.Kind, c.Title, Url.Page("/Training/Course", new { courseSlug = c.Slug })) : null,
            ObjectiveLinkKind.QuestionSet => sets.FirstOrDefault(s => s.Id == l.TargetId) is { } s ? new LinkedItem(l.Id, l.Kind, s.Title, null) : null,
            _ => plans.FirstOrDefault(p => p.Id == l.TargetId) is { } p ? new LinkedItem(l.Id, l.Kind, p.Title, Url.Page("/Manage/Actions/Plan", new { id = p.Id })) : null,
        }).OfType<LinkedItem>().ToList();
        var taken = linked.Select(l => $"{l.Kind}:{l.TargetId}").ToHashSet(StringComparer.Ordinal);
        // One list, each choice saying what it is (the select has no option groups).
        Choices = briefings.Select(b => Choice(ObjectiveLinkKind.Briefing, b.Id, b.Title))
            .Concat(courses.Select(c => Choice(ObjectiveLinkKind.Course, c.Id, c.Title)))
            .Concat(sets.Select(s => Choice(ObjectiveLinkKind.QuestionSet, s.Id, s.Title)))
            .Where(c => !taken.Contains(c.Value))
            .ToList();
        return true;
    }

    private static SelectListItem Choice(ObjectiveLinkKind kind, int id, string title) =>
        new($"{ObjectiveLinks.KindWord(kind)}: {title}", $"{kind}:{id}");

    /// <summary>The title of a choice, without the kind before it.</summary>
    private static string TitleOf(SelectListItem choice) => choice.Text[(choice.Text.IndexOf(": ", StringComparison.Ordinal) + 2)..];
}
