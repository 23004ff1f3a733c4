using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;

namespace LearningPortal.Tests.Infrastructure;

/// <summary>
/// The real site on real Kestrel (loopback, random port), with its own throwaway database (SQLite or
/// PostgreSQL, see <see cref="TestDatabase"/>) and its own in-process SMTP server. Environment "Testing",
/// so it behaves as in production (no demo accounts, no developer exception page).
/// </summary>
public class PortalFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    private string? mailFolder;

    public TestDatabase Database { get; private set; } = default!;

    public SmtpTestServer Smtp { get; private set; } = default!;

    /// <summary>The bearer token that shows /health's details (Health:Token).</summary>
    public const string HealthToken = "test-health-token";

    /// <summary>The site's address, e.g. http://127.0.0.1:41234.</summary>
    public Uri BaseAddress { get; private set; } = default!;

    /// <summary>Settings a subclass adds or overrides (e.g. Theme:Name).</summary>
    protected virtual IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>();

    /// <summary>Whether email goes to the in-process SMTP server (true) or the .eml folder.</summary>
    protected virtual bool UseSmtp => true;

    public string MailFolder => mailFolder ??= Path.Combine(Path.GetTempPath(), "lp-tests", "mail-" + Guid.NewGuid().ToString("N"));

    /// <summary>This site's own search index folder (each instance needs its own).</summary>
    public string SearchIndexPath { get; } = Path.Combine(Path.GetTempPath(), "lp-tests", "search-" + Guid.NewGuid().ToString("N"));

    /// <summary>The host's database: a new throwaway one unless a subclass shares another host's.</summary>
    protected virtual Task<TestDatabase> CreateDatabaseAsync() => TestDatabase.CreateAsync();

    public async Task InitializeAsync()
    {
        Database = await CreateDatabaseAsync();
        Smtp = SmtpTestServer.Start();
        UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!;
        BaseAddress = new Uri(addresses.Addresses.First());
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        var settings = new Dictionary<string, string?>
        {
            ["Database:Provider"] = Database.Provider,
            ["Database:ConnectionString"] = Database.ConnectionString,
            ["Email:SmtpHost"] = UseSmtp ? "127.0.0.1" : "",
            ["Email:SmtpPort"] = Smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Email:SmtpSecurity"] = "None",
            ["Email:PickupDirectory"] = MailFolder,
            ["Email:PollInterval"] = "00:00:00.200",
            ["Email:RetryBaseDelay"] = "00:00:00.500",
            ["Search:IndexPath"] = SearchIndexPath,
            ["Content:MediaPath"] = SearchIndexPath + "-media",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Health:Token"] = HealthToken,
            // The tests run retention themselves, with a moved clock (Privacy/RetentionTests); left to run on its own it
            // would change rows other tests made in the past.
            ["Retention:JobEnabled"] = "false",
        };
        // Tests share one address (127.0.0.1) and many addresses: raised limits, so that tests never throttle each other.
        // The rate limit tests set low ones in their own site (ExtraSettings come after).
        foreach (var policy in LearningPortal.Web.Security.RateLimiting.PortalRateLimitOptions.Defaults.Keys)
        {
            settings[$"RateLimits:{policy}:PerNetwork"] = "1000000";
            settings[$"RateLimits:{policy}:PerSubject"] = "1000000";
        }

        foreach (var (key, value) in ExtraSettings)
        {
            settings[key] = value;
        }

        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureServices(services => services.ConfigureDbContext<PortalDbContext>(o => o.ThrowOnQueryWarnings()));
    }

    /// <summary>An HTTP client for the site that keeps its own cookies and does not follow redirects.</summary>
    public PortalClient CreatePortalClient() => new(BaseAddress, Services);

    /// <summary>Runs work against the site's services in a new scope.</summary>
    public async Task<T> WithScopeAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        using var scope = Services.CreateScope();
        return await work(scope.ServiceProvider);
    }

    public Task WithDbAsync(Func<PortalDbContext, Task> work) =>
        WithScopeAsync(async sp =>
        {
            await work(sp.GetRequiredService<PortalDbContext>());
            return true;
        });

    /// <summary>
    /// Creates a confirmed account with the given extra roles (everyone is a Practitioner). Editors and Administrators sign
    /// in with two factors, so their accounts get an authenticator, which the sign-in helpers answer for them.
    /// </summary>
    public async Task<PortalUser> CreateUserAsync(string email, string password = TestUsers.Password, params string[] roles)
    {
        var user = await CreateUserWithoutSecondFactorAsync(email, password, roles);
        if (roles.Any(PortalRoles.NeedTwoFactor.Contains))
        {
            await TwoFactorAccounts.EnableAuthenticatorAsync(Services, email);
        }

        return user;
    }

    /// <summary>Creates an account with the given roles (its address starts with <paramref name="prefix"/>) and a client signed in as it.</summary>
    public async Task<(PortalUser User, PortalClient Client)> SignedInAsync(string prefix, params string[] roles)
    {
        var user = await CreateUserAsync(TestUsers.UniqueEmail(prefix), TestUsers.Password, roles);
        var client = CreatePortalClient();
        await client.SignInAsync(user.Email!);
        return (user, client);
    }

    /// <summary>As <see cref="SignedInAsync"/>, for a test that needs only the client.</summary>
    public async Task<PortalClient> SignedInClientAsync(string prefix, params string[] roles) => (await SignedInAsync(prefix, roles)).Client;

    /// <summary>As <see cref="CreateUserAsync"/>, leaving even a privileged account without a second factor (as one given its role later).</summary>
    public Task<PortalUser> CreateUserWithoutSecondFactorAsync(string email, string password = TestUsers.Password, params string[] roles) =>
        WithScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<PortalUser>>();
            var db = sp.GetRequiredService<PortalDbContext>();
            var agency = await db.Agencies.OrderBy(a => a.SortOrder).FirstAsync();
            var user = new PortalUser
            {
                UserName = email,
                Email = email,
                EmailConfirmed = true,
                DisplayName = "Test " + email.Split('@')[0],
                JobRole = "Social worker",
                AgencyId = agency.Id,
                CreatedUtc = DateTime.UtcNow,
            };
            var result = await users.CreateAsync(user, password);
            Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Description)));
            await users.AddToRoleAsync(user, PortalRoles.Practitioner);
            foreach (var role in roles.Where(r => r != PortalRoles.Practitioner))
            {
                await users.AddToRoleAsync(user, role);
            }

            return user;
        });

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Smtp.DisposeAsync();
        await Database.DisposeAsync();
        if (Directory.Exists(SearchIndexPath))
        {
            Directory.Delete(SearchIndexPath, recursive: true);
        }

        GC.SuppressFinalize(this);
    }

    async Task IAsyncLifetime.DisposeAsync() => await DisposeAsync();
}

public static class TestUsers
{
    /// <summary>A password that passes the portal's rules.</summary>
    public const string Password = "correct horse battery staple 42";

    public static string UniqueEmail(string prefix = "user") => $"{prefix}-{Guid.NewGuid():N}@example.org";
}
