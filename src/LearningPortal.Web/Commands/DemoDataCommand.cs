using LearningPortal.Web.Infrastructure;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace LearningPortal.Web.Commands;

/// <summary>
/// <c>demo-data [--people N]</c>, Development only: a year of made-up activity (see <see cref="DemoData"/>) so the impact
/// pages show meaningful figures on a fresh machine. Running it again adds nothing already there. Anywhere else it
/// refuses and changes nothing.
/// </summary>
public static class DemoDataCommand
{
    public const string Name = "demo-data";

    /// <summary>People made when --people is not given: a few hundred, across the agencies.</summary>
    public const int DefaultPeople = 300;

    public static async Task<int> RunAsync(IServiceProvider services, IHostEnvironment environment, Dictionary<string, string> options, TextWriter output)
    {
        if (!environment.IsDevelopment())
        {
            await output.WriteLineAsync($"demo-data works only in the Development environment (this is {environment.EnvironmentName}); no demo data was made.");
            return 2;
        }

        var people = DefaultPeople;
        if (options.TryGetValue("people", out var given) && !(int.TryParse(given, NumberStyles.None, CultureInfo.InvariantCulture, out people) && people is >= 2 and <= 5000))
        {
            await output.WriteLineAsync("--people must be a whole number from 2 to 5000.");
            return 2;
        }

        // On a database the site has never started on, the starter briefings, courses, forms and plans come first.
        await DatabaseStartup.PrepareAsync(services, migrate: true);
        var totals = await services.GetRequiredService<DemoData>().RunAsync(people, output);
        await output.WriteLineAsync(
            $"Demo data now holds {totals.People} people, {totals.Reads} signed-in briefing reads (person-days), {totals.AnonymousViews} anonymous views, " +
            $"{totals.Reflections} 'read and reflected' marks, {totals.Sessions} past sessions with {totals.Bookings} bookings ({totals.Attended} attended, " +
            $"{totals.NoShows} did not attend), {totals.Responses} feedback responses, {totals.Discussions} supervision discussions with " +
            $"{totals.AgreedActions} agreed actions, {totals.ActionUpdates} action plan updates and {totals.OutcomeFigures} outcome figures.");
        await output.WriteLineAsync("The demo people cannot sign in; sign in as a demo account (demo-accounts) with the Editor role and open /manage/impact.");
        return 0;
    }

    /// <summary>
    /// What a command needs before the host is built: for demo-data, the <see cref="DemoClock"/> in place of the system
    /// clock, so every service sees the day the demo data is making. No other command and no running site gets it.
    /// </summary>
    public static IServiceCollection AddPortalCommands(this IServiceCollection services, string[] args)
    {
        services.AddSingleton<DemoData>();
        if (args.Length > 0 && args[0] == Name)
        {
            services.UseDemoClock();
        }

        return services;
    }

    /// <summary>Puts a <see cref="DemoClock"/> in place of the system clock (the demo-data command, and its tests).</summary>
    public static IServiceCollection UseDemoClock(this IServiceCollection services)
    {
        var clock = new DemoClock();
        services.RemoveAll<TimeProvider>();
        services.AddSingleton(clock);
        services.AddSingleton<TimeProvider>(clock);
        return services;
    }
}
