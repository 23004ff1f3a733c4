using System.Data.Common;

namespace LearningPortal.Core.Data;

/// <summary>
/// The portal's defaults for a PostgreSQL connection string, added where the operator's string does not set them.
/// <para>
/// <b>Max Auto Prepare=32</b>: Npgsql prepares a statement once a connection has run it a few times, so PostgreSQL
/// parses and plans it once per connection instead of on every run (Npgsql leaves this off). The portal's statements are
/// the same text with new parameters each time, so this is nearly all of them; on a booking, where four statements run
/// while the session's row is locked, it doubled the bookings a second one session could take (docs/benchmarks.md). Set
/// <c>Max Auto Prepare=0</c> to turn it off, for example behind a connection pooler in transaction mode that does not
/// keep prepared statements (PgBouncer before 1.21).
/// </para>
/// <para>
/// <b>No Reset On Close=true</b>: a connection taken from the pool is not reset first. With prepared statements kept,
/// Npgsql's reset is a series of statements (everything <c>DISCARD ALL</c> does but deallocating) sent with the first
/// command of every use of a pooled connection: on a booking, twice. The portal leaves nothing on a pooled connection
/// to reset: no <c>SET</c>, no temporary tables, no <c>LISTEN</c>, and its one session-level advisory lock
/// (<c>DatabaseLock</c>) is taken on a connection of its own outside the pool; a transaction left open is rolled back
/// when its connection goes back to the pool either way. Code that adds session state must use its own connection, as
/// <c>DatabaseLock</c> does, or set <c>No Reset On Close=false</c> here.
/// </para>
/// </summary>
public static class PostgresConnectionDefaults
{
    /// <summary>Statements prepared per connection: the hot paths' few, with room for the rest to take turns.</summary>
    public const int MaxAutoPrepare = 32;

    /// <summary><paramref name="connectionString"/> with the portal's defaults for the keywords it does not set.</summary>
    public static string Apply(string connectionString)
    {
        // The plain builder keeps only the keywords the string sets (Npgsql's would report every keyword as set).
        var builder = new DbConnectionStringBuilder { ConnectionString = connectionString };
        SetUnlessGiven(builder, "Max Auto Prepare", MaxAutoPrepare);
        SetUnlessGiven(builder, "No Reset On Close", true);

        return builder.ConnectionString;
    }

    /// <summary>Sets <paramref name="keyword"/> unless the string sets it, with spaces or without (Npgsql takes both).</summary>
    private static void SetUnlessGiven(DbConnectionStringBuilder builder, string keyword, object value)
    {
        if (!builder.ContainsKey(keyword) && !builder.ContainsKey(keyword.Replace(" ", "", StringComparison.Ordinal)))
        {
            builder[keyword] = value;
        }
    }
}
