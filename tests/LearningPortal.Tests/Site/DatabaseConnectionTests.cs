namespace LearningPortal.Tests.Site;

/// <summary>The portal's defaults for a PostgreSQL connection string (<see cref="PostgresConnectionDefaults"/>).</summary>
public class DatabaseConnectionTests(PortalFactory site) : IClassFixture<PortalFactory>
{
    [Theory]
    [InlineData("Host=db;Database=portal", "Max Auto Prepare=32", "No Reset On Close=True")]
    [InlineData("Host=db;Database=portal;Max Auto Prepare=0", "Max Auto Prepare=0", "No Reset On Close=True")]
    [InlineData("Host=db;Database=portal;maxautoprepare=5;NoResetOnClose=false", "maxautoprepare=5", "NoResetOnClose=false")]
    public void The_defaults_apply_where_the_operator_set_nothing(string configured, string prepare, string reset)
    {
        var applied = PostgresConnectionDefaults.Apply(configured);

        Assert.Contains(prepare, applied, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(reset, applied, StringComparison.OrdinalIgnoreCase);
        foreach (var keyword in new[] { "maxautoprepare=", "noresetonclose=" })
        {
            Assert.Single(applied.Split(';'), part => part.Replace(" ", "", StringComparison.Ordinal).StartsWith(keyword, StringComparison.OrdinalIgnoreCase));
        }

        Assert.Contains("Host=db", applied, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Database=portal", applied, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_transaction_left_open_is_not_carried_to_the_next_use_of_its_pooled_connection()
    {
        // The reset the defaults turn off is not what ends an open transaction: returning the connection to the pool does.
        var name = await site.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<PortalDbContext>();
            await db.Database.OpenConnectionAsync();
            await db.Database.BeginTransactionAsync();
            db.Agencies.Add(new Agency { Name = "Left open " + Guid.NewGuid().ToString("N")[..8] });
            await db.SaveChangesAsync();
            return db.Agencies.Local.Single().Name;
        });

        Assert.False(await site.WithScopeAsync(sp => sp.GetRequiredService<PortalDbContext>().Agencies.AnyAsync(a => a.Name == name)));
    }

    [Fact]
    public async Task The_sites_context_connects_with_the_defaults()
    {
        var (isPostgres, connectionString) = await site.WithScopeAsync(sp =>
        {
            var db = sp.GetRequiredService<PortalDbContext>();
            return Task.FromResult((db.IsPostgres, db.Database.GetConnectionString()!));
        });

        // SQLite has no statements to prepare across a network; its string is the driver's own.
        Assert.Equal(isPostgres, connectionString.Contains($"Max Auto Prepare={PostgresConnectionDefaults.MaxAutoPrepare}", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(isPostgres, connectionString.Contains("No Reset On Close=True", StringComparison.OrdinalIgnoreCase));
    }
}
