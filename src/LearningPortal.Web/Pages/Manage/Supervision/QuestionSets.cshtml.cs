using LearningPortal.Core.Supervision;

namespace LearningPortal.Web.Pages.Manage.Supervision;

/// <summary>The standing question sets partnership staff keep (briefings' sets come from publishing).</summary>
public class QuestionSetsModel(QuestionSets sets) : PageModel
{
    public IReadOnlyList<QuestionSet> Sets { get; private set; } = [];

    public async Task OnGetAsync() => Sets = await sets.StandingAsync();
}
