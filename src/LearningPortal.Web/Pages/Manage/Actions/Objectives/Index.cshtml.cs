using LearningPortal.Core.ActionPlans;

namespace LearningPortal.Web.Pages.Manage.Actions.Objectives;

/// <summary>The strategy's objectives with their measures and how many briefings, courses, question sets and plans serve each.</summary>
public class IndexModel(ObjectiveLinks links) : PageModel
{
    public IReadOnlyList<ObjectiveSummary> Rows { get; private set; } = [];

    public async Task OnGetAsync() => Rows = await links.SummariesAsync();

    public static string Plural(ObjectiveLinkKind kind) => kind switch
    {
        ObjectiveLinkKind.Briefing => "Briefings",
        ObjectiveLinkKind.Course => "Courses",
        ObjectiveLinkKind.QuestionSet => "Question sets",
        _ => "Plans",
    };
}
