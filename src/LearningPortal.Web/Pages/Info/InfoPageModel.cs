using LearningPortal.Web.Themes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LearningPortal.Web.Pages.Info;

/// <summary>The statutory pages every visitor can read: accessibility, privacy, cookies.</summary>
[AllowAnonymous]
public class InfoPageModel(Theme theme) : PageModel
{
    public Theme Theme { get; } = theme;
}
