using System.Globalization;

namespace LearningPortal.Tests.Fleet;

[CollectionDefinition(Name)]
public sealed class FleetCollection : ICollectionFixture<FleetFixture>
{
    public const string Name = "Fleet";
}

/// <summary>
/// Production's shape on loopback: one PostgreSQL database, one Redis, one SMTP server (in the test process), two
/// site processes A and B (published output, Production, forwarded headers, each with its own media folder and
/// search index) behind Debian's nginx with the compose file's proxy configuration. A third, in-process host on the
/// same database and Redis (<see cref="Control"/>, its background jobs off) arranges data the way the other tests
/// do, through the site's services. Every host protects the data-protection keys with one throwaway certificate, as
/// Production requires. Always PostgreSQL, whatever LP_TEST_DB says.
/// </summary>
public sealed class FleetFixture : IAsyncLifetime
{
    public const string HealthToken = "fleet-test-health-token";

    private RedisServer? redis;

    public TestDatabase Database { get; private set; } = default!;

    public SmtpTestServer Smtp { get; private set; } = default!;

    public string RedisConfiguration { get; private set; } = "";

    /// <summary>The fleet's Redis:InstanceName: the prefix of every key its hosts write.</summary>
    public string RedisPrefix { get; } = $"lp-test-{Guid.NewGuid():N}:";

    public FleetControl Control { get; private set; } = default!;

    public SiteProcess A { get; private set; } = default!;

    public SiteProcess B { get; private set; } = default!;

    public NginxProxy Proxy { get; } = new();

    /// <summary>
    /// Whether the fleet runs on a Redis of its own that a test may stop and start again (persisting to disk, see
    /// <see cref="OwnRedis"/>); otherwise it uses the one tests/run.sh started (LP_TEST_REDIS), or its own when that is unset.
    /// </summary>
    public bool RestartableRedis { get; init; }

    /// <summary>Whether nginx is started in front of A and B.</summary>
    public bool WithProxy { get; init; } = true;

    /// <summary>The fleet's own Redis, when it started one.</summary>
    public RedisServer? OwnRedis => redis;

    public IReadOnlyDictionary<string, string> SharedEnvironment { get; private set; } = default!;

    /// <summary>The PKCS#12 file (password <see cref="TestCertificates.Password"/>) that protects the keys of every host.</summary>
    public string KeyCertificate { get; } = TestCertificates.CreatePfx();

    public async Task InitializeAsync()
    {
        var shared = Environment.GetEnvironmentVariable("LP_TEST_REDIS");
        if (RestartableRedis || string.IsNullOrEmpty(shared))
        {
            // For a filtered run outside tests/run.sh, or a test that stops Redis: a throwaway Redis of our own.
            redis = new RedisServer(persist: RestartableRedis);
            await redis.StartAsync();
        }

        RedisConfiguration = redis?.Configuration ?? shared!;
        Database = await TestDatabase.CreatePostgresAsync();
        Smtp = SmtpTestServer.Start();
        var prefix = RedisPrefix;
        SharedEnvironment = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["ASPNETCORE_FORWARDEDHEADERS_ENABLED"] = "true",
            ["Database__Provider"] = "PostgreSql",
            ["Database__ConnectionString"] = Database.ConnectionString.Replace("Maximum Pool Size=50", "Maximum Pool Size=40;Timeout=60;Command Timeout=120", StringComparison.Ordinal),
            ["Redis__Configuration"] = RedisConfiguration,
            ["Redis__InstanceName"] = prefix,
            ["DataProtection__CertificatePath"] = KeyCertificate,
            ["DataProtection__CertificatePassword"] = TestCertificates.Password,
            ["Email__SmtpHost"] = "127.0.0.1",
            ["Email__SmtpPort"] = Smtp.Port.ToString(CultureInfo.InvariantCulture),
            ["Email__SmtpSecurity"] = "None",
            ["Email__PollInterval"] = "00:00:00.500",
            ["Email__LeaseDuration"] = "00:00:05",
            ["Email__RetryBaseDelay"] = "00:00:01",
            ["Content__ImportStarterContent"] = "false",
            ["Content__SchedulerInterval"] = "00:00:00.500",
            // Long enough that a publish slowed by a busy machine is not taken over half-way (no test kills a scheduler).
            ["Content__SchedulerLease"] = "00:00:30",
            ["Accounts__SessionRecheckInterval"] = "00:00:02",
            ["Search__CheckOnStart"] = "false",
            ["Health__Token"] = HealthToken,
            ["Logging__LogLevel__Default"] = "Warning",
        };

        // The control host migrates the new database first; A and B then start together and prepare it again under the lock.
        Control = new FleetControl(Database, RedisConfiguration, prefix, KeyCertificate);
        await Control.InitializeAsync();
        A = NewSite("A");
        B = NewSite("B");
        await Task.WhenAll(A.StartAsync(), B.StartAsync());
        if (WithProxy)
        {
            await Proxy.StartAsync([A.Port, B.Port]);
        }
    }

    /// <summary>The settings of instance <paramref name="name"/>: the shared ones plus its own media folder and search index.</summary>
    public Dictionary<string, string> EnvironmentFor(string name)
    {
        var own = Path.Combine(Path.GetTempPath(), "lp-tests", $"fleet-{name}-{Guid.NewGuid():N}");
        return new Dictionary<string, string>(SharedEnvironment)
        {
            ["Search__IndexPath"] = Path.Combine(own, "search"),
            ["Content__MediaPath"] = Path.Combine(own, "media"),
        };
    }

    public SiteProcess NewSite(string name) => new(name, EnvironmentFor(name));

    /// <summary>
    /// Starts a killed instance again on its port, so the proxy's upstream is whole for the next test. Its search index
    /// folder goes, as a replaced container's would: an instance without an index builds one from the database.
    /// </summary>
    public static async Task RestartAsync(SiteProcess site)
    {
        if (!site.IsRunning)
        {
            site.DeleteSearchIndex();
            await site.StartAsync();
        }
    }

    /// <summary>A client for a site or the proxy, keeping its own cookies.</summary>
    public static PortalClient ClientFor(Uri address) => new(address);

    public async Task DisposeAsync()
    {
        // Null-tolerant: a fleet that failed to start is disposed too.
        await Proxy.DisposeAsync();
        await Task.WhenAll(A?.DisposeAsync().AsTask() ?? Task.CompletedTask, B?.DisposeAsync().AsTask() ?? Task.CompletedTask);
        if (Control is not null)
        {
            await Control.DisposeAsync();
        }

        if (Smtp is not null)
        {
            await Smtp.DisposeAsync();
        }

        if (Database is not null)
        {
            await Database.DisposeAsync();
        }
        if (redis is not null)
        {
            await redis.DisposeAsync();
        }
    }
}

/// <summary>
/// The fleet's in-process helper host: the site on the fleet's database and Redis, its scheduler, email sender and
/// training jobs off, so that A and B alone do the work the tests watch.
/// </summary>
public sealed class FleetControl(TestDatabase fleetDatabase, string redis, string redisPrefix, string keyCertificate) : EmptyContentSite
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => Task.FromResult(fleetDatabase.Borrow());

    protected override IDictionary<string, string?> ExtraSettings
    {
        get
        {
            var settings = base.ExtraSettings;
            settings["Redis:Configuration"] = redis;
            settings["Redis:InstanceName"] = redisPrefix;
            settings["DataProtection:CertificatePath"] = keyCertificate;
            settings["DataProtection:CertificatePassword"] = TestCertificates.Password;
            settings["Email:SenderEnabled"] = "false";
            settings["Training:JobInterval"] = "1.00:00:00";
            settings["Supervision:JobInterval"] = "1.00:00:00";
            return settings;
        }
    }
}
