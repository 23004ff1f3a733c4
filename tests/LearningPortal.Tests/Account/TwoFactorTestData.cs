using System.Buffers.Text;
using System.Security.Cryptography;

namespace LearningPortal.Tests.Account;

/// <summary>What the two-factor tests share: reading the set-up page, recovery codes and the second step.</summary>
internal static class TwoFactorTestData
{
    /// <summary>The Base32 key as the set-up page shows it (groups of four, lower case).</summary>
    public static string SharedKey(this IHtmlDocument page) =>
        page.QuerySelector("#shared-key")!.TextContent.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();

    public static IReadOnlyList<string> RecoveryCodes(this IHtmlDocument page) =>
        page.QuerySelectorAll("#recovery-codes li").Select(li => li.TextContent.Trim()).ToList();

    public static Task<bool> TwoFactorEnabledAsync(this PortalFactory site, string email) =>
        site.WithScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<PortalUser>>();
            return await users.GetTwoFactorEnabledAsync((await users.FindByEmailAsync(email))!);
        });

    public static Task<IReadOnlyList<string>> NewRecoveryCodesAsync(this PortalFactory site, string email) =>
        site.WithScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<PortalUser>>();
            return (IReadOnlyList<string>)(await users.GenerateNewTwoFactorRecoveryCodesAsync((await users.FindByEmailAsync(email))!, 10))!.ToList();
        });

    /// <summary>
    /// Gives the account a passkey through the site's UserManager, as if it had been created on a device (the browser
    /// test creates one for real); returns its id as the passkey pages' addresses use it.
    /// </summary>
    public static Task<string> AddPasskeyAsync(this PortalFactory site, string email, string name, DateTimeOffset? createdAt = null) =>
        site.WithScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<PortalUser>>();
            var credentialId = RandomNumberGenerator.GetBytes(32);
            var passkey = new UserPasskeyInfo(credentialId, RandomNumberGenerator.GetBytes(77), createdAt ?? DateTimeOffset.UtcNow, 0,
                ["internal"], isUserVerified: true, isBackupEligible: false, isBackedUp: false, attestationObject: [1], clientDataJson: [2])
            {
                Name = name,
            };
            var added = await users.AddOrUpdatePasskeyAsync((await users.FindByEmailAsync(email))!, passkey);
            Assert.True(added.Succeeded);
            return Base64Url.EncodeToString(credentialId);
        });

    public static Task<IReadOnlyList<string>> PasskeyNamesAsync(this PortalFactory site, string email) =>
        site.WithScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<PortalUser>>();
            return (IReadOnlyList<string>)(await users.GetPasskeysAsync((await users.FindByEmailAsync(email))!)).Select(p => p.Name ?? "").ToList();
        });

    /// <summary>Password step only; asserts it leads to the second step, and returns that page's address.</summary>
    public static async Task<string> PasswordStepAsync(this PortalClient client, string email, string? returnUrl = null)
    {
        var path = returnUrl is null ? "/account/sign-in" : $"/account/sign-in?ReturnUrl={Uri.EscapeDataString(returnUrl)}";
        var response = await client.SubmitFormAsync(path, new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = TestUsers.Password,
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        Assert.StartsWith("/account/sign-in/two-factor", location, StringComparison.Ordinal);
        return location;
    }

    public static Task<HttpResponseMessage> SubmitCodeAsync(this PortalClient client, string secondStep, string code) =>
        client.SubmitFormAsync(secondStep, new Dictionary<string, string> { ["Code"] = code });
}
