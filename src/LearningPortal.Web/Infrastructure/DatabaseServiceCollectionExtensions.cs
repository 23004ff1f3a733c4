using Microsoft.AspNetCore.DataProtection;
using Microsoft.Data.Sqlite;

namespace LearningPortal.Web.Infrastructure;

public static class DatabaseServiceCollectionExtensions
{
    /// <summary>SQLite file by default, PostgreSQL when configured; data-protection keys in the same database,
    /// encrypted with a certificate in Production (<see cref="KeyProtection"/>).</summary>
    public static IServiceCollection AddPortalDatabase(this IServiceCollection services, IConfiguration configuration, IWebHostEnvironment environment)
    {
        var options = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        services.AddDbContext<PortalDbContext>(db => Configure(db, options, environment.ContentRootPath));
        services.AddDataProtection()
            .SetApplicationName("LearningPortal")
            .PersistKeysToDbContext<PortalDbContext>()
            .ProtectKeysAtRest(configuration, environment);
        return services;
    }

    /// <summary>Configures a context for the chosen provider; used by the site and by tests.</summary>
    public static void Configure(DbContextOptionsBuilder db, DatabaseOptions options, string contentRoot)
    {
        if (options.IsPostgres)
        {
            var cs = options.ConnectionString
                ?? throw new InvalidOperationException("Database:ConnectionString is required when Database:Provider is PostgreSql.");
            db.UseNpgsql(PostgresConnectionDefaults.Apply(cs), o => o.MigrationsAssembly("LearningPortal.Migrations.PostgreSql"));
        }
        else
        {
            db.UseSqlite(SqliteConnectionString(options.ConnectionString, contentRoot),
                o => o.MigrationsAssembly("LearningPortal.Migrations.Sqlite"));
        }
    }

    private static string SqliteConnectionString(string? configured, string contentRoot)
    {
        var builder = new SqliteConnectionStringBuilder(configured ?? "Data Source=App_Data/learningportal.db");
        if (!Path.IsPathRooted(builder.DataSource) && builder.DataSource != ":memory:" && builder.Mode != SqliteOpenMode.Memory)
        {
            builder.DataSource = Path.GetFullPath(builder.DataSource, contentRoot);
        }

        if (builder.Mode != SqliteOpenMode.Memory)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(builder.DataSource)!);
        }

        // Writers wait for each other instead of failing at once with "database is locked".
        builder.DefaultTimeout = 30;
        builder.Pooling = true;
        return builder.ToString();
    }
}
