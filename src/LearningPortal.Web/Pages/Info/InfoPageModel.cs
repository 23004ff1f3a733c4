using LearningPortal.Web.Themes;

namespace LearningPortal.Web.Pages.Info;

/// <summary>The statutory pages every visitor can read: accessibility, privacy, cookies.</summary>
[AllowAnonymous]
public class InfoPageModel(Theme theme) : PageModel
{
    public Theme Theme { get; } = theme;
}
