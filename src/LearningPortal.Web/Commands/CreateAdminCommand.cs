using System.Security.Cryptography;
using LearningPortal.Core.Accounts;
using LearningPortal.Core.Auditing;
using LearningPortal.Core.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace LearningPortal.Web.Commands;

/// <summary>
/// Creates the first Administrator, or makes an existing account one:
/// <c>create-admin --email EMAIL [--name NAME] [--agency AGENCY]</c>. The password comes from the
/// LP_ADMIN_PASSWORD environment variable, or is generated and printed once.
/// </summary>
public static class CreateAdminCommand
{
    public static async Task<int> RunAsync(IServiceProvider services, IReadOnlyDictionary<string, string> options, TextWriter output)
    {
        if (!options.TryGetValue("email", out var email) || !email.Contains('@', StringComparison.Ordinal))
        {
            await output.WriteLineAsync("Usage: create-admin --email EMAIL [--name NAME] [--agency AGENCY]");
            return 2;
        }

        var users = services.GetRequiredService<UserManager<PortalUser>>();
        var db = services.GetRequiredService<PortalDbContext>();
        var audit = services.GetRequiredService<AuditLog>();
        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            var agencyName = options.GetValueOrDefault("agency");
            var agency = await db.Agencies.FirstOrDefaultAsync(a => agencyName != null && a.Name == agencyName)
                ?? await db.Agencies.OrderBy(a => a.Name == "Safeguarding Children Partnership business unit" ? 0 : 1).ThenBy(a => a.SortOrder).FirstAsync();
            var generated = Environment.GetEnvironmentVariable("LP_ADMIN_PASSWORD") is not { Length: > 0 };
            var password = generated
                ? Convert.ToBase64String(RandomNumberGenerator.GetBytes(18)).Replace('+', '-').Replace('/', '_')
                : Environment.GetEnvironmentVariable("LP_ADMIN_PASSWORD")!;
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
            var result = await users.CreateAsync(user, password);
            if (!result.Succeeded)
            {
                await output.WriteLineAsync("Could not create the account: " + string.Join("; ", result.Errors.Select(e => e.Description)));
                return 1;
            }

            await users.AddToRoleAsync(user, PortalRoles.Practitioner);
            await output.WriteLineAsync($"Created {email}.");
            if (generated)
            {
                await output.WriteLineAsync($"Password (shown once; change it after signing in): {password}");
            }
        }

        if (!await users.IsInRoleAsync(user, PortalRoles.Administrator))
        {
            await users.AddToRoleAsync(user, PortalRoles.Administrator);
        }

        audit.Record(null, "create-admin command", "user.roles.changed", "user", user.Id, $"{email} made an Administrator from the command line");
        await db.SaveChangesAsync();
        await output.WriteLineAsync($"{email} is an Administrator.");
        return 0;
    }
}
