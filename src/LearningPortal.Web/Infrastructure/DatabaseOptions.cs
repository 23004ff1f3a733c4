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

    public bool IsPostgres => string.Equals(Provider, "PostgreSql", StringComparison.OrdinalIgnoreCase)
        || string.Equals(Provider, "Postgres", StringComparison.OrdinalIgnoreCase)
        || string.Equals(Provider, "Npgsql", StringComparison.OrdinalIgnoreCase);
}
