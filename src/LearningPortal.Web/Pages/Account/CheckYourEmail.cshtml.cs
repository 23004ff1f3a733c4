namespace LearningPortal.Web.Pages.Account;

/// <summary>
/// "Check your email" after any journey that sends a link. It says the same whether or not the address
/// has an account, and does not repeat the address, so nothing about accounts is revealed.
/// </summary>
[AllowAnonymous]
public class CheckYourEmailModel : PageModel
{
    public const string NewAccount = "new-account";
    public const string PasswordReset = "password-reset";
    public const string EmailChange = "email-change";

    public string About { get; private set; } = NewAccount;

    public void OnGet(string? about) =>
        About = about is PasswordReset or EmailChange ? about : NewAccount;
}
