namespace LearningPortal.Web.Pages.Account;

[AllowAnonymous]
public class DeletedModel : PageModel
{
    public void OnGet()
    {
    }
}
