namespace LearningPortal.Tests.Site;

/// <summary>The portal's defaults for a PostgreSQL connection string (<see cref="PostgresConnectionDefaults"/>).</summary>
public class DatabaseConnectionTests(PortalFactory site) : IClassFixture<PortalFactory>
{
    [Theory]
    [InlineData("Host=db;Database=portal", "Max Auto Prepare=32")]
    [InlineData("Host=db;Database=portal;Max Auto Prepare=0", "Max Auto Prepare=0")]
    [InlineData("Host=db;Database=portal;maxautoprepare=5", "maxautoprepare=5")]
    public void Statement_preparation_is_on_unless_the_operator_set_it(string configured, string expected)
    {
        var applied = PostgresConnectionDefaults.Apply(configured);

        Assert.Contains(expected, applied, StringComparison.OrdinalIgnoreCase);
        Assert.Single(applied.Split(';'), part => part.Replace(" ", "", StringComparison.Ordinal).StartsWith("maxautoprepare=", StringComparison.OrdinalIgnoreCase));
        Assert.Contains("Host=db", applied, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Database=portal", applied, StringComparison.OrdinalIgnoreCase);
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
    }
}
