using LearningPortal.Web.Themes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LearningPortal.Web.Pages;

[AllowAnonymous]
public class IndexModel(Theme theme) : PageModel
{
    public Theme Theme { get; } = theme;
}
