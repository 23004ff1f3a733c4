using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;

namespace LearningPortal.Web.Infrastructure;

/// <summary>One demo account's sign-in details, as printed for the developer.</summary>
public sealed record DemoAccount(string Role, string Email, string Password, string AuthenticatorKey);

/// <summary>
/// Development only: one account per role, with two-factor sign-in on, so that every journey (supervision
/// included) can be tried without setting anything up. Their passwords and authenticator keys are printed for the
/// developer; everything here refuses to run in any other environment, because a known key is a known second
/// factor.
/// </summary>
public sealed class DemoAccounts(UserManager<PortalUser> users, PortalDbContext db, IHostEnvironment environment)
{
    /// <summary>The demo accounts' email domain; nothing else is ever touched here.</summary>
    public const string Domain = "demo.learningportal.local";

    public static string EmailFor(string role) => $"{role.ToLowerInvariant().Replace(' ', '-')}@{Domain}";

    /// <summary>Creates the demo accounts that do not exist yet, and returns those it created.</summary>
    public Task<IReadOnlyList<DemoAccount>> CreateMissingAsync() => RunAsync(resetExisting: false);

    /// <summary>
    /// Creates any missing demo account and gives every existing one a new password (its authenticator key is
    /// kept), returning them all: for a developer who lost the details printed when they were made.
    /// </summary>
    public Task<IReadOnlyList<DemoAccount>> CreateOrResetAsync() => RunAsync(resetExisting: true);

    private async Task<IReadOnlyList<DemoAccount>> RunAsync(bool resetExisting)
    {
        if (!environment.IsDevelopment())
        {
            throw new InvalidOperationException("Demo accounts exist only in the Development environment.");
        }

        var accounts = new List<DemoAccount>();
        foreach (var role in PortalRoles.All)
        {
            var email = EmailFor(role);
            var password = "Demo-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(8)).ToLowerInvariant();
            var user = await users.FindByEmailAsync(email);
            if (user is null)
            {
                user = await CreateAsync(email, role, password);
            }
            else if (resetExisting)
            {
                Check(await users.RemovePasswordAsync(user), email);
                Check(await users.AddPasswordAsync(user, password), email);
                await users.ResetAccessFailedCountAsync(user);
                await users.SetLockoutEndDateAsync(user, null);
            }
            else
            {
                continue;
            }

            accounts.Add(new DemoAccount(role, email, password, await EnsureAuthenticatorAsync(user)));
        }

        return accounts;
    }

    private async Task<PortalUser> CreateAsync(string email, string role, string password)
    {
        var agency = await db.Agencies.OrderBy(a => a.SortOrder).FirstAsync();
        var user = new PortalUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = $"Demo {role}",
            JobRole = role == PortalRoles.Practitioner ? "Social worker" : role,
            AgencyId = agency.Id,
            CreatedUtc = DateTime.UtcNow,
        };
        Check(await users.CreateAsync(user, password), email);
        Check(await users.AddToRoleAsync(user, PortalRoles.Practitioner), email);
        if (role != PortalRoles.Practitioner)
        {
            Check(await users.AddToRoleAsync(user, role), email);
        }

        return user;
    }

    /// <summary>Gives the account an authenticator key (keeping one it has) and turns two-factor sign-in on.</summary>
    private async Task<string> EnsureAuthenticatorAsync(PortalUser user)
    {
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            Check(await users.ResetAuthenticatorKeyAsync(user), user.Email!);
            key = await users.GetAuthenticatorKeyAsync(user);
        }

        if (!await users.GetTwoFactorEnabledAsync(user))
        {
            Check(await users.SetTwoFactorEnabledAsync(user, true), user.Email!);
        }

        return key!;
    }

    private static void Check(IdentityResult result, string email)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Could not set up the demo account {email}: " + string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }

    /// <summary>Prints the accounts as a table, with how to use the key.</summary>
    public static void Print(IReadOnlyList<DemoAccount> accounts, TextWriter output)
    {
        output.WriteLine();
        output.WriteLine("Demo accounts (Development only). Sign in with the password, then a code from an authenticator");
        output.WriteLine("app set up with the key (or: oathtool --totp -b KEY):");
        foreach (var a in accounts)
        {
            output.WriteLine($"  {a.Role,-14} {a.Email,-40} {a.Password,-22} key {a.AuthenticatorKey}");
        }

        output.WriteLine();
    }
}
