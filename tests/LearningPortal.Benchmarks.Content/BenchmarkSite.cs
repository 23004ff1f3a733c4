using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;

namespace LearningPortal.Benchmarks.Content;

/// <summary>
/// The real site in Production mode on real Kestrel (loopback, random port) with its starter content in a throwaway
/// SQLite file, and one extra folder served at the web root, so a saved page can be fetched as a static file through
/// the same pipeline (security headers, static files) as the site's own CSS and JavaScript. In this host only (never in
/// the product), <see cref="MemoryPage"/> is served from memory twice: at <see cref="MemoryPath"/> as a routed endpoint
/// in the site's own pipeline (security headers, routing, authentication, rate limiting, authorisation: everything a
/// cached page passes through except the output cache), and at <see cref="RawPath"/> before any of the site's
/// middleware (what Kestrel alone costs).
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

    /// <summary>Routed endpoint in the site's pipeline that writes <see cref="MemoryPage"/>.</summary>
    public const string MemoryPath = "/bench/memory";

    /// <summary>Middleware in front of the site's pipeline that writes <see cref="MemoryPage"/>.</summary>
    public const string RawPath = "/bench/raw";

    /// <summary>The bytes (UTF-8 HTML) served at <see cref="MemoryPath"/> and <see cref="RawPath"/>.</summary>
    public byte[] MemoryPage { get; set; } = [];

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

        builder.ConfigureServices((context, services) =>
        {
            services.AddSingleton<IStartupFilter>(new InMemoryPages(this));
            Directory.CreateDirectory(StaticFolder);
            context.HostingEnvironment.WebRootFileProvider =
                new CompositeFileProvider(context.HostingEnvironment.WebRootFileProvider, new PhysicalFileProvider(StaticFolder));
        });
    }

    private sealed class InMemoryPages(BenchmarkSite site) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, rest) => context.Request.Path == RawPath ? WriteAsync(context) : rest(context));
            next(app);
            // The site's Program called UseRouting on the WebApplication, whose route builder the pipeline now holds:
            // an endpoint added to it is matched like the site's own pages (after them in the middleware order).
            var routes = app.Properties.TryGetValue("__EndpointRouteBuilder", out var builder) && builder is IEndpointRouteBuilder b
                ? b
                : throw new InvalidOperationException("The site's route builder was not found; the in-memory endpoint cannot be added.");
            routes.MapGet(MemoryPath, WriteAsync).AllowAnonymous().WithDisplayName("Benchmark: in-memory page");
        };

        private Task WriteAsync(HttpContext context)
        {
            context.Response.ContentType = "text/html; charset=utf-8";
            context.Response.ContentLength = site.MemoryPage.Length;
            return context.Response.Body.WriteAsync(site.MemoryPage).AsTask();
        }
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
