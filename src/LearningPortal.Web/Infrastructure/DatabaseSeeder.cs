using Microsoft.AspNetCore.Identity;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace LearningPortal.Web.Infrastructure;

/// <summary>Creates and migrates the database and adds what every installation needs: roles and the agency list.</summary>
public class DatabaseSeeder(
    PortalDbContext db,
    RoleManager<IdentityRole> roles,
    PortalPaths paths,
    ILogger<DatabaseSeeder> logger)
{
    /// <summary>Applies pending migrations (unless <paramref name="migrate"/> is false) and adds what is missing. Callers hold <see cref="DatabaseLock"/>.</summary>
    public async Task MigrateAndSeedAsync(bool migrate = true, CancellationToken cancellationToken = default)
    {
        if (migrate)
        {
            await db.Database.MigrateAsync(cancellationToken);
        }

        if (!db.IsPostgres)
        {
            // WAL lets readers carry on while one writer writes.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }

        foreach (var role in PortalRoles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
        }

        if (!await db.Agencies.AnyAsync(cancellationToken))
        {
            var order = 0;
            foreach (var name in ReadStarterAgencies())
            {
                db.Agencies.Add(new Agency { Name = name, SortOrder = order++ });
            }

            await db.SaveChangesAsync(cancellationToken);
        }
    }

    private List<string> ReadStarterAgencies()
    {
        var file = Path.Combine(paths.Content, "agencies.yml");
        if (!File.Exists(file))
        {
            logger.LogWarning("No starter agency list at {File}; using a minimal list.", file);
            return ["Children's Social Care", "Police", "Other"];
        }

        var deserializer = new DeserializerBuilder().WithNamingConvention(CamelCaseNamingConvention.Instance).Build();
        var list = deserializer.Deserialize<AgencyList>(File.ReadAllText(file));
        return list.Agencies.Where(a => !string.IsNullOrWhiteSpace(a)).Select(a => a.Trim()).Distinct().ToList();
    }

    private sealed class AgencyList
    {
        public List<string> Agencies { get; set; } = [];
    }
}
