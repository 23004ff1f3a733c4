using LearningPortal.Core.Impact;
using LearningPortal.Core.Reporting;

namespace LearningPortal.Web.Pages.Manage.Impact;

/// <summary>
/// /manage/impact/report: the learning section of the partnership's yearly report for one reporting year (April to
/// March): every objective with its briefings' reach, its courses' training, reflection, feedback, actions and outcome
/// figures, the reach of every published briefing, then each briefing read or discussed in the year with its reach,
/// training, reflection, feedback and actions. The
/// sections are the impact pages' own partials with the same services, so suppression is exactly theirs; each table
/// links to the CSV its own page serves for the same months. Prints on A4.
/// </summary>
public class ReportModel(TimeProvider clock, ImpactReach reach, ImpactReflection reflection, ImpactObjectives objectives, OutcomeMeasures outcomes,
    ImpactTraining training, ImpactFeedbackFigures feedback, SmallNumbers smallNumbers) : PageModel
{
    /// <summary>How many reporting years the year list offers, the current one included.</summary>
    public const int YearsOffered = 6;

    /// <summary>The first year of the reporting year (2025 for April 2025 to March 2026).</summary>
    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    public IReadOnlyList<SelectListItem> Years { get; private set; } = [];

    public ReachFilter Filter { get; private set; } = default!;

    public IReadOnlyList<ObjectiveImpact> Objectives { get; private set; } = [];

    /// <summary>Each objective's training and feedback for the year, by objective id, as its own page works them out.</summary>
    public IReadOnlyDictionary<Guid, TrainingAndFeedback> ObjectiveTraining { get; private set; } = new Dictionary<Guid, TrainingAndFeedback>();

    public IReadOnlyList<BriefingReach> Briefings { get; private set; } = [];

    public IReadOnlyList<BriefingSection> Sections { get; private set; } = [];

    public int Threshold => smallNumbers.Threshold;

    public string YearText => $"April {Filter.FirstDay.Year} to March {Filter.LastDay.Year}";

    /// <summary>The year's months as the other impact pages take them, for their links and CSV addresses.</summary>
    public Dictionary<string, string> FilterRoute => ImpactLinks.Route(Filter);

    public async Task<IActionResult> OnGetAsync()
    {
        var cancel = HttpContext.RequestAborted;
        var today = Core.Time.UkTime.Today(clock.GetUtcNow().UtcDateTime);
        var current = today.Month >= 4 ? today.Year : today.Year - 1;
        var offered = Enumerable.Range(0, YearsOffered).Select(i => current - i).ToList();
        // The last complete year by default: the report is written after the year it covers.
        var chosen = Year ?? current - 1;
        if (!offered.Contains(chosen))
        {
            ModelState.AddModelError(nameof(Year), "Select a reporting year from the list");
            chosen = current - 1;
        }

        Year = chosen;
        Years = [.. offered.Select(y => new SelectListItem($"April {y} to March {y + 1}{(y == current ? " (so far)" : "")}", y.ToString(CultureInfo.InvariantCulture), y == chosen))];
        Filter = new ReachFilter(new DateOnly(chosen, 4, 1), new DateOnly(chosen + 1, 3, 1), null);

        var list = new List<ObjectiveImpact>();
        var objectiveTraining = new Dictionary<Guid, TrainingAndFeedback>();
        foreach (var objective in await outcomes.ObjectivesAsync(cancel))
        {
            if (await objectives.ObjectiveAsync(objective.Id, Filter, cancel) is { } impact)
            {
                // The year's outcome figures only: the report speaks for its own quarters.
                list.Add(impact with { Outcomes = [.. impact.Outcomes.Where(f => f.QuarterStart >= Filter.FirstDay && f.QuarterStart <= Filter.LastDay)] });
                // The same calls as the objective's page, for the year's months, so figures and suppression match it.
                var courses = await training.CoursesOfObjectiveAsync(objective.Id, cancel);
                objectiveTraining[objective.Id] = new TrainingAndFeedback(
                    await training.TrainingAsync(courses, Filter, cancel),
                    await feedback.FeedbackAsync([.. impact.Briefings.Select(b => b.DocumentId)], courses, Filter, cancel));
            }
        }

        Objectives = list;
        ObjectiveTraining = objectiveTraining;
        Briefings = await reach.BriefingsAsync(Filter, cancel);
        var discussed = await reflection.DiscussedBriefingIdsAsync(Filter, cancel);
        // Reach, linked courses and feedback for every section at once, and training once per set of courses (briefings
        // linked to the same objectives share it): the same services and figures as the briefing's page, in a few
        // queries, not a dozen a briefing.
        var detailed = Briefings.Where(b => discussed.Contains(b.DocumentId) || HadReaders(b)).Select(b => (b.DocumentId, b.Slug, b.Title)).ToList();
        var details = await reach.DetailsAsync(detailed, Filter, cancel);
        var coursesOf = await training.CoursesOfBriefingsAsync([.. detailed.Select(b => b.DocumentId)], cancel);
        var feedbackOf = await feedback.FeedbackAsync([.. details.Select(d => ((IReadOnlyCollection<int>)new[] { d.DocumentId }, (IReadOnlyCollection<int>)coursesOf[d.DocumentId].ToList()))], Filter, cancel);
        var trainingOf = new Dictionary<string, TrainingFigures>();
        var sections = new List<BriefingSection>();
        for (var i = 0; i < details.Count; i++)
        {
            var detail = details[i];
            var courses = coursesOf[detail.DocumentId].Order().ToList();
            var key = string.Join(',', courses);
            if (!trainingOf.TryGetValue(key, out var figures))
            {
                trainingOf[key] = figures = await training.TrainingAsync(courses, Filter, cancel);
            }

            sections.Add(new BriefingSection(
                detail,
                await reflection.ReflectionAsync([detail.DocumentId], Filter, cancel),
                await reflection.ActionsAsync(detail.DocumentId, null, null, cancel),
                new TrainingAndFeedback(figures, feedbackOf[i])));
        }

        Sections = sections;
        return Page();
    }

    /// <summary>Any signed-in reader, anonymous view or reflection in the year (a hidden small figure counts: it is not zero).</summary>
    private static bool HadReaders(BriefingReach b) =>
        b.Readers.Value != 0 || b.Reflected.Value != 0 || b.AnonymousViews is { Value: not 0 };

    public string BriefingCsv(BriefingReachDetail d, string table) => ImpactLinks.Csv(Url, "/Manage/Impact/Briefing", Filter, table, new { slug = d.Slug });

    public string ObjectiveCsv(ObjectiveImpact o, string table) => ImpactLinks.Csv(Url, "/Manage/Impact/Objective", Filter, table, new { id = o.Objective.Id });

    public static SectionPlace ObjectivePlace(ObjectiveImpact o) => new($"objective-{o.Objective.Id:N}-", 3, $"objective {o.Objective.Number}");

    public static SectionPlace BriefingPlace(BriefingReachDetail d) => new($"briefing-{d.DocumentId}-", 3, d.Title);
}

/// <summary>One briefing's sections in the yearly report.</summary>
public sealed record BriefingSection(BriefingReachDetail Reach, ReflectionFigures Reflection, ActionFigures Actions, TrainingAndFeedback Training);

/// <summary>An objective's or briefing's training on its linked courses and the feedback on it, for the yearly report.</summary>
public sealed record TrainingAndFeedback(TrainingFigures Training, FeedbackSection Feedback);
