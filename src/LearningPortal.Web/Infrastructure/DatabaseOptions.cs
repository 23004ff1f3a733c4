namespace LearningPortal.Web.Infrastructure;

/// <summary>Which database to use (section "Database").</summary>
public class DatabaseOptions
{
    public const string Section = "Database";

    /// <summary>"Sqlite" (default) or "PostgreSql".</summary>
    public string Provider { get; set; } = "Sqlite";

    /// <summary>
    /// The connection string. For SQLite the default is a file under App_Data; a relative
    /// Data Source is resolved against the content root.
    /// </summary>
    public string? ConnectionString { get; set; }

    /// <summary>
    /// Whether an instance applies pending migrations when it starts (one at a time, under a database lock). False
    /// for a fleet whose upgrade runs the migrate command first: an instance then never changes the schema itself.
    /// </summary>
    public bool MigrateOnStart { get; set; } = true;

    public bool IsPostgres => string.Equals(Provider, "PostgreSql", StringComparison.OrdinalIgnoreCase)
        || string.Equals(Provider, "Postgres", StringComparison.OrdinalIgnoreCase)
        || string.Equals(Provider, "Npgsql", StringComparison.OrdinalIgnoreCase);
}
