namespace LearningPortal.Tests.Fleet;

/// <summary>
/// The upgrade path docs/fleet.md describes: migrations applied once, under the database lock, by the migrate step; an
/// instance told not to migrate (Database:MigrateOnStart=false) changes nothing and reports itself not ready until the
/// step has run, then becomes ready by itself.
/// </summary>
[Collection(FleetCollection.Name)]
[Trait("Kind", "Fleet")]
public sealed class MigrationTests(FleetFixture fleet)
{
    [Fact]
    public async Task An_instance_that_must_not_migrate_waits_not_ready_until_two_migrate_steps_at_once_have_migrated_the_database()
    {
        await using var database = await TestDatabase.CreatePostgresAsync();
        var environment = fleet.EnvironmentFor("upgrade");
        environment["Database__ConnectionString"] = database.ConnectionString;
        environment["Database__MigrateOnStart"] = "false";
        await using var instance = new SiteProcess("upgrade", environment);
        await instance.StartAsync(waitUntilReady: false);
        using var http = new HttpClient { BaseAddress = instance.Address, Timeout = TimeSpan.FromSeconds(30) };

        // Up (it answers), but not ready: the database has no schema and the instance may not make one.
        await Eventually.TrueAsync(async () => await StatusAsync(http, "/health/live") == HttpStatusCode.OK,
            "the new instance answered", TimeSpan.FromMinutes(5));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, await StatusAsync(http, "/health/ready"));
        Assert.Contains("Migrations are pending", instance.Output);

        // Two migrate steps at once (say, two operators, or a retried deployment job): the lock makes one wait for the
        // other, which then finds nothing to do. Without it both would create the same tables and one would fail.
        var steps = await Task.WhenAll(SiteProcess.RunCommandAsync(environment, "migrate"), SiteProcess.RunCommandAsync(environment, "migrate"));
        Assert.All(steps, step => Assert.True(step.ExitCode == 0, $"migrate exited {step.ExitCode}:\n{step.Output}"));

        await Eventually.TrueAsync(async () => await StatusAsync(http, "/health/ready") == HttpStatusCode.OK,
            "the instance became ready after the migrate step", TimeSpan.FromSeconds(30));
    }

    private static async Task<HttpStatusCode?> StatusAsync(HttpClient http, string path)
    {
        try
        {
            using var response = await http.GetAsync(path);
            return response.StatusCode;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            return null;
        }
    }
}
