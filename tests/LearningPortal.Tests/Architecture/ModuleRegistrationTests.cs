using LearningPortal.Core;
using LearningPortal.Core.Accounts;
using LearningPortal.Core.ActionPlans;
using LearningPortal.Core.Content;
using LearningPortal.Core.Data;
using LearningPortal.Core.Feedback;
using LearningPortal.Core.Impact;
using LearningPortal.Core.Privacy;
using LearningPortal.Core.Supervision;
using LearningPortal.Core.Training;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace LearningPortal.Tests.Architecture;

/// <summary>
/// Each module registers what it uses: Core plus one module (and the modules <see cref="ModuleRules.AllowedCalls"/>
/// lets it call, where its services take theirs) builds with the same validation the site starts with. A module that
/// forgets a registration fails here, not at the first request of a host that happens to lack it (the feedback
/// benchmark's host once failed so: storing a response needs Impact's feed, which the feedback module did not add).
/// </summary>
public class ModuleRegistrationTests
{
    private static readonly Dictionary<string, Func<IServiceCollection, IConfiguration, IServiceCollection>> Registrations = new()
    {
        ["Content"] = (s, c) => s.AddContentEngine(c, Path.GetTempPath()),
        ["Training"] = (s, c) => s.AddTrainingCore(c),
        ["Feedback"] = (s, c) => s.AddFeedbackCore(c),
        ["Supervision"] = (s, c) => s.AddSupervisionCore(c),
        ["ActionPlans"] = (s, c) => s.AddActionPlansCore(c),
        ["Impact"] = (s, _) => s.AddImpactCore(),
        ["Privacy"] = (s, c) => s.AddPrivacyCore(c),
    };

    /// <summary>The modules whose own services need the services of the modules they may call (Impact's figures, Privacy's subject access).</summary>
    private static readonly string[] NeedsCalledModules = ["Impact", "Privacy"];

    public static TheoryData<string> Modules() => new(Registrations.Keys);

    [Theory]
    [MemberData(nameof(Modules))]
    public void Core_and_one_module_validate_on_build(string module)
    {
        var configuration = new ConfigurationBuilder().Build();
        var services = new ServiceCollection()
            .AddLogging()
            .AddDbContext<PortalDbContext>(o => o.UseSqlite("Data Source=:memory:", x => x.MigrationsAssembly("LearningPortal.Migrations.Sqlite")))
            .AddPortalCore(configuration, Path.GetTempPath())
            .AddSingleton<ISiteAddress>(new FixedSiteAddress())
            .AddSingleton<IConfiguration>(configuration);
        services.AddIdentityCore<PortalUser>().AddRoles<IdentityRole>().AddEntityFrameworkStores<PortalDbContext>();

        Registrations[module](services, configuration);
        if (NeedsCalledModules.Contains(module))
        {
            foreach (var (called, _) in ModuleRules.AllowedCalls[module])
            {
                if (Registrations.TryGetValue(called, out var add))
                {
                    add(services, configuration);
                }
            }
        }

        // Throws, naming the missing service, when a registration is missing.
        using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    private sealed class FixedSiteAddress : ISiteAddress
    {
        public Uri BaseUri { get; } = new("http://localhost:5000/");
    }
}
