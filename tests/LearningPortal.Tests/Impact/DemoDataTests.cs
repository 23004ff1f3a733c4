using LearningPortal.Web.Commands;
using LearningPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Hosting.Internal;

namespace LearningPortal.Tests.Impact;

/// <summary>The Development site with the demo clock in place of the system clock, as the demo-data command runs.</summary>
public sealed class DemoDataSite : PortalFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseEnvironment(Microsoft.Extensions.Hosting.Environments.Development);
        builder.ConfigureTestServices(services => services.UseDemoClock());
    }
}

/// <summary>
/// demo-data: a year of activity through the modules' own services, the same figures however often it runs, reach on
/// the impact pages; refused outside Development.
/// </summary>
public class DemoDataTests(DemoDataSite development, PortalFactory testing) : IClassFixture<DemoDataSite>, IClassFixture<PortalFactory>
{
    private const int People = 24;

    [Fact]
    public async Task Running_it_twice_gives_the_same_figures_and_the_impact_page_shows_reach()
    {
        var first = await RunAsync();
        var second = await RunAsync();

        Assert.Equal(first, second);
        Assert.Equal(People, first.People);
        Assert.All(new[] { first.Reads, first.AnonymousViews, first.Reflections, first.Sessions, first.Bookings, first.Attended, first.NoShows,
            first.Responses, first.Discussions, first.AgreedActions, first.ActionUpdates, first.OutcomeFigures }, n => Assert.True(n > 0));
        await development.WithDbAsync(async db =>
        {
            // Every session is in the past, with its register marked; nobody is left with a queued email.
            Assert.All(await db.TrainingSessions.Where(s => s.Trainer == "Demo trainer").Select(s => s.EndUtc).ToListAsync(), end => Assert.True(end < DateTime.UtcNow));
            Assert.Equal(0, await db.OutboxMessages.CountAsync(m => m.SentUtc == null && m.ToAddress.EndsWith("@" + DemoPeople.Domain)));
            Assert.True(await db.LearningAttendances.AnyAsync() && await db.LearningDiscussions.AnyAsync());
        });

        // The clock is back to the real time once it has run.
        var now = development.Services.GetRequiredService<TimeProvider>().GetUtcNow();
        Assert.InRange(now, DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow.AddMinutes(1));

        var editor = await development.CreateUserAsync($"demo-impact-{Guid.NewGuid():N}@example.org", roles: PortalRoles.Editor);
        using var client = development.CreatePortalClient();
        await client.SignInAsync(editor.Email!);
        var year = DateTime.UtcNow;
        var page = await client.GetDocumentAsync($"/manage/impact?from={year.AddMonths(-13):yyyy-MM}&to={year:yyyy-MM}");
        var readers = page.QuerySelectorAll("#reach-table tbody tr").Select(r => r.QuerySelectorAll("td")[0].TextContent.Trim()).ToList();
        Assert.NotEmpty(readers);
        Assert.Contains(readers, r => Regex.IsMatch(r, "^[1-9][0-9,]*$"));
    }

    [Fact]
    public async Task Outside_development_the_command_refuses_and_makes_nobody()
    {
        var output = new StringWriter();
        var exit = await testing.WithScopeAsync(sp =>
            DemoDataCommand.RunAsync(sp, new HostingEnvironment { EnvironmentName = "Production" }, [], output));

        Assert.Equal(2, exit);
        Assert.Contains("works only in the Development environment", output.ToString());
        await testing.WithDbAsync(async db => Assert.False(await db.Users.AnyAsync(u => u.Email!.EndsWith("@" + DemoPeople.Domain))));

        // Nor does the service, called directly on a site that is not in Development.
        await testing.WithScopeAsync(async sp =>
        {
            await Assert.ThrowsAsync<InvalidOperationException>(() => sp.GetRequiredService<DemoData>().RunAsync(People, TextWriter.Null));
            return true;
        });
    }

    private Task<DemoDataTotals> RunAsync() =>
        development.WithScopeAsync(async sp =>
        {
            var output = new StringWriter();
            var exit = await DemoDataCommand.RunAsync(sp, sp.GetRequiredService<Microsoft.Extensions.Hosting.IHostEnvironment>(),
                new Dictionary<string, string> { ["people"] = People.ToString(System.Globalization.CultureInfo.InvariantCulture) }, output);
            Assert.True(exit == 0, output.ToString());
            return await sp.GetRequiredService<DemoData>().TotalsAsync();
        });
}
