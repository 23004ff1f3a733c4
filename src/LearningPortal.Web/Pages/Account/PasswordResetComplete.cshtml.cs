namespace LearningPortal.Web.Pages.Account;

[AllowAnonymous]
public class PasswordResetCompleteModel : PageModel
{
    public void OnGet()
    {
    }
}
