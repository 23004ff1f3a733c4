using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;

namespace LearningPortal.Benchmarks.Content;

/// <summary>
/// The real site in Production mode on real Kestrel (loopback, random port) with its starter content in a throwaway
/// SQLite file, and one extra folder served at the web root, so a saved page can be fetched as a static file through
/// the same pipeline (security headers, static files) as the site's own CSS and JavaScript.
/// </summary>
public sealed class BenchmarkSite : WebApplicationFactory<Program>
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "lp-bench-" + Guid.NewGuid().ToString("N"));

    public BenchmarkSite()
    {
        Directory.CreateDirectory(StaticFolder);
        // A console project gets no content-root manifest from Mvc.Testing (test projects do): point it at the web project.
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_LEARNINGPORTAL_WEB", WebProjectFolder());
        UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        StartServer();
        BaseAddress = new Uri(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
    }

    public Uri BaseAddress { get; }

    /// <summary>Files here are served at the site's root (e.g. /bench/briefing.html).</summary>
    public string StaticFolder => Path.Combine(folder, "static");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        var settings = new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Sqlite",
            ["Database:ConnectionString"] = $"Data Source={Path.Combine(folder, "portal.db")}",
            ["Content:SchedulerEnabled"] = "false",
            ["Content:ImportStarterContent"] = "true",
            ["Content:MediaPath"] = Path.Combine(folder, "media"),
            ["Email:SmtpHost"] = "",
            ["Email:PickupDirectory"] = Path.Combine(folder, "mail"),
            ["Logging:LogLevel:Default"] = "Warning",
            // A throwaway database: no certificate to protect its data-protection keys (Production requires one otherwise).
            ["DataProtection:AllowUnprotectedKeys"] = "true",
        };
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureServices((context, _) =>
        {
            Directory.CreateDirectory(StaticFolder);
            context.HostingEnvironment.WebRootFileProvider =
                new CompositeFileProvider(context.HostingEnvironment.WebRootFileProvider, new PhysicalFileProvider(StaticFolder));
        });
    }

    private static string WebProjectFolder()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "LearningPortal.sln")))
        {
            dir = dir.Parent;
        }

        return Path.Combine(dir?.FullName ?? throw new InvalidOperationException("LearningPortal.sln not found above " + AppContext.BaseDirectory), "src", "LearningPortal.Web");
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }
}
