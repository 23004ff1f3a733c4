namespace LearningPortal.Tests.Infrastructure;

/// <summary>Gives test accounts an authenticator app, as if they had set one up, through the site's own UserManager.</summary>
public static class TwoFactorAccounts
{
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> Keys = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The authenticator key a test gave the account, so that the sign-in helpers can answer the second step.</summary>
    public static string? KeyFor(string email) => Keys.TryGetValue(email, out var key) ? key : null;

    /// <summary>Turns on an authenticator for the account (keeping an existing one) and returns its Base32 key.</summary>
    public static async Task<string> EnableAuthenticatorAsync(IServiceProvider services, string email)
    {
        using var scope = services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var user = await users.FindByEmailAsync(email) ?? throw new InvalidOperationException($"No account for {email}");
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user);
        }

        if (!await users.GetTwoFactorEnabledAsync(user))
        {
            await users.SetTwoFactorEnabledAsync(user, true);
        }

        Keys[email] = key!;
        return key!;
    }

    public static Task<string> EnableAuthenticatorAsync(this PortalFactory site, string email) =>
        EnableAuthenticatorAsync(site.Services, email);
}
