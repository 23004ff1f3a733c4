using LearningPortal.Core.Supervision;

namespace LearningPortal.Web.Pages.Manage.Supervision;

/// <summary>The partnership's supervision dashboard: counts only, small counts suppressed, never any text from records.</summary>
public class IndexModel(SupervisionDashboard dashboard) : PageModel
{
    public SupervisionFigures Figures { get; private set; } = default!;

    public async Task OnGetAsync() => Figures = await dashboard.CountAsync();
}
