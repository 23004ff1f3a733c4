using System.Security.Cryptography;
using LearningPortal.Core.Auditing;
using Microsoft.AspNetCore.Identity;

namespace LearningPortal.Web.Commands;

/// <summary>
/// Creates the first Administrator, or makes an existing account one:
/// <c>create-admin --email EMAIL [--name NAME] [--agency AGENCY]</c>. The password comes from the
/// LP_ADMIN_PASSWORD environment variable, or is generated and printed once. It runs in one transaction: an account
/// that cannot be made an Administrator is not left behind half made.
/// </summary>
public static class CreateAdminCommand
{
    /// <param name="password">The new account's password (the command passes LP_ADMIN_PASSWORD); null or empty generates one.</param>
    public static async Task<int> RunAsync(IServiceProvider services, IReadOnlyDictionary<string, string> options, TextWriter output, string? password)
    {
        if (!options.TryGetValue("email", out var email) || !email.Contains('@', StringComparison.Ordinal))
        {
            await output.WriteLineAsync("Usage: create-admin --email EMAIL [--name NAME] [--agency AGENCY]");
            return 2;
        }

        var users = services.GetRequiredService<UserManager<PortalUser>>();
        var db = services.GetRequiredService<PortalDbContext>();
        var audit = services.GetRequiredService<AuditLog>();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            var agency = options.TryGetValue("agency", out var agencyName)
                ? await db.Agencies.FirstOrDefaultAsync(a => a.Name == agencyName)
                : await db.Agencies.OrderBy(a => a.Name == "Safeguarding Children Partnership business unit" ? 0 : 1).ThenBy(a => a.SortOrder).FirstOrDefaultAsync();
            if (agency is null)
            {
                // A mistyped agency must not quietly put the Administrator somewhere else.
                var names = await db.Agencies.OrderBy(a => a.SortOrder).ThenBy(a => a.Name).Select(a => a.Name).ToListAsync();
                await output.WriteLineAsync($"There is no agency called '{agencyName}'. Agencies: {string.Join("; ", names)}");
                return 2;
            }

            var generated = string.IsNullOrEmpty(password);
            var newPassword = generated
                ? Convert.ToBase64String(RandomNumberGenerator.GetBytes(18)).Replace('+', '-').Replace('/', '_')
                : password!;

            user = new PortalUser
            {
                UserName = email,
                Email = email,
                EmailConfirmed = true,
                DisplayName = options.GetValueOrDefault("name") ?? "Administrator",
                JobRole = "Administrator",
                AgencyId = agency.Id,
                CreatedUtc = DateTime.UtcNow,
            };
            var result = await users.CreateAsync(user, newPassword);
            if (!result.Succeeded)
            {
                await output.WriteLineAsync("Could not create the account: " + string.Join("; ", result.Errors.Select(e => e.Description)));
                return 1;
            }

            await users.AddToRoleAsync(user, PortalRoles.Practitioner);
            await output.WriteLineAsync($"Created {email}.");
            if (generated)
            {
                await output.WriteLineAsync($"Password (shown once; change it after signing in): {newPassword}");
            }
        }

        if (await users.IsInRoleAsync(user, PortalRoles.Administrator))
        {
            await output.WriteLineAsync($"{email} is already an Administrator.");
            return 0;
        }

        await users.AddToRoleAsync(user, PortalRoles.Administrator);
        audit.Record(null, "create-admin command", "user.roles.changed", "user", user.Id, $"{email} made an Administrator from the command line");
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        await output.WriteLineAsync($"{email} is an Administrator.");
        return 0;
    }
}
