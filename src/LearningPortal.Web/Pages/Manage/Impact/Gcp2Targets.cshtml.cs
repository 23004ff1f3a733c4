using LearningPortal.Core.Impact;

namespace LearningPortal.Web.Pages.Manage.Impact;

/// <summary>
/// /manage/impact/gcp2-targets: Editors set how many practitioners each agency should have trained to use GCP2 (blank
/// for no target). Checked on the server with errors in field order; a change by someone else since the page was
/// opened is refused with the targets as they now stand; the change is audited.
/// </summary>
public class Gcp2TargetsModel(Gcp2Targets targets, CurrentActor actor) : PageModel
{
    /// <summary>The agencies the form was opened with, in page order (their targets are <see cref="Targets"/> at the same index).</summary>
    [BindProperty]
    public List<int> AgencyIds { get; set; } = [];

    [BindProperty]
    public List<string?> Targets { get; set; } = [];

    /// <summary>The targets as they stood when the page was opened (empty, posted back as null, when none were set).</summary>
    [BindProperty]
    public string? Stamp { get; set; }

    public IReadOnlyList<Gcp2TargetLine> Lines { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var list = await targets.ListAsync(HttpContext.RequestAborted);
        Show(list, overwrite: true);
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var list = await targets.ListAsync(HttpContext.RequestAborted);
        var names = list.Lines.ToDictionary(l => l.AgencyId, l => l.Agency);
        var given = new Dictionary<int, int?>();
        for (var i = 0; i < AgencyIds.Count; i++)
        {
            var text = i < Targets.Count ? Targets[i]?.Trim().Replace(",", "", StringComparison.Ordinal) : null;
            if (!names.TryGetValue(AgencyIds[i], out var name))
            {
                continue;
            }

            var field = $"{nameof(Targets)}[{i}]";
            if (string.IsNullOrEmpty(text))
            {
                given[AgencyIds[i]] = null;
            }
            else if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var target))
            {
                ModelState.AddModelError(field, $"Target for {name} must be a whole number, like 25");
            }
            else if (target > Gcp2Targets.MaxTarget)
            {
                ModelState.AddModelError(field, $"Target for {name} must be {Gcp2Targets.MaxTarget.ToString("N0", CultureInfo.GetCultureInfo("en-GB"))} or fewer");
            }
            else
            {
                given[AgencyIds[i]] = target;
            }
        }

        if (!ModelState.IsValid)
        {
            Show(list, overwrite: false);
            return Page();
        }

        if (!await targets.SaveAsync(given, Stamp ?? "", await actor.GetAsync(), HttpContext.RequestAborted))
        {
            // Show what is there now; the Editor checks it and saves again.
            ModelState.Clear();
            var now = await targets.ListAsync(HttpContext.RequestAborted);
            Show(now, overwrite: true);
            ModelState.AddModelError($"{nameof(Targets)}[0]", "Someone else changed the targets while you were editing them. The targets below are as they are now: check them and save again");
            return Page();
        }

        TempData["Gcp2TargetsSaved"] = "GCP2 targets saved";
        return RedirectToPage();
    }

    /// <summary>The agencies in the form: the posted ones (so typed values stay with their agency) or the list as it stands.</summary>
    private void Show(Gcp2TargetList list, bool overwrite)
    {
        if (overwrite || AgencyIds.Count == 0)
        {
            Lines = list.Lines;
            AgencyIds = [.. list.Lines.Select(l => l.AgencyId)];
            Targets = [.. list.Lines.Select(l => l.Target?.ToString(CultureInfo.InvariantCulture))];
            Stamp = list.Stamp;
            return;
        }

        var byId = list.Lines.ToDictionary(l => l.AgencyId);
        Lines = [.. AgencyIds.Select(id => byId.TryGetValue(id, out var l) ? l : new Gcp2TargetLine(id, "Agency no longer listed", null))];
    }
}
