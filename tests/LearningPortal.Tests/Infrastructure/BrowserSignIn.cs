namespace LearningPortal.Tests.Infrastructure;

/// <summary>Signing in through the real pages in the browser.</summary>
public static class BrowserSignIn
{
    public static async Task SignInAsync(IPage page, string email, string password = TestUsers.Password)
    {
        await page.GotoAsync("/account/sign-in");
        await SubmitSignInFormAsync(page, email, password);
    }

    /// <summary>
    /// Fills in the sign-in form the page already shows (for example after being sent there from a page that needs
    /// signing in, so the return address is kept) and, for an account the tests gave an authenticator, answers the
    /// second step with a real code.
    /// </summary>
    public static async Task SubmitSignInFormAsync(IPage page, string email, string password = TestUsers.Password)
    {
        await page.GetByLabel("Email address").FillAsync(email);
        await page.Locator("#Input-Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        if (TwoFactorAccounts.KeyFor(email) is { } key)
        {
            // Editors and Administrators (given an authenticator by PortalFactory.CreateUserAsync) answer the second step.
            await page.WaitForURLAsync(url => new Uri(url).AbsolutePath != "/account/sign-in");
            if (new Uri(page.Url).AbsolutePath == "/account/sign-in/two-factor")
            {
                await page.GetByLabel("Code", new() { Exact = true }).FillAsync(Totp.Code(key));
                await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
                await page.WaitForURLAsync(url => new Uri(url).AbsolutePath != "/account/sign-in/two-factor");
            }
        }
    }

    /// <summary>
    /// Password, then a real authenticator code on the second step, giving the account an authenticator first if it
    /// has none. Returns the authenticator's Base32 key.
    /// </summary>
    public static async Task<string> SignInWithTwoFactorAsync(IPage page, PortalFactory site, string email, string password = TestUsers.Password)
    {
        var key = await site.EnableAuthenticatorAsync(email);
        await SignInAsync(page, email, password);
        return key;
    }
}
