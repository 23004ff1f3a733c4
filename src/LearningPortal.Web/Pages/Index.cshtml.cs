using LearningPortal.Web.Themes;

namespace LearningPortal.Web.Pages;

[AllowAnonymous]
public class IndexModel(Theme theme) : PageModel
{
    public Theme Theme { get; } = theme;
}
