using System.Reflection;
using YamlDotNet.RepresentationModel;

namespace LearningPortal.Tests.Fleet;

/// <summary>
/// No container engine runs here, so the deployment files are checked by reading them: docker-compose.yml has the
/// production shape and sets only settings the site reads, and the Dockerfile builds with the script the tests run.
/// </summary>
public sealed partial class ComposeFileTests
{
    private static readonly string Root = SiteProcess.RepositoryRoot;

    private static readonly string[] HostSettings = ["ASPNETCORE_ENVIRONMENT", "ASPNETCORE_FORWARDEDHEADERS_ENABLED", "ASPNETCORE_URLS", "ASPNETCORE_HTTP_PORTS"];

    [Fact]
    public void Compose_runs_two_sites_behind_nginx_on_postgres_redis_and_smtp4dev_with_health_checks_everywhere()
    {
        var services = Services();
        Assert.Equal(new[] { "db", "migrate", "proxy", "redis", "site1", "site2", "smtp4dev" }, services.Keys.Order(StringComparer.Ordinal));
        Assert.StartsWith("postgres:", Scalar(services["db"], "image"));
        Assert.StartsWith("redis:", Scalar(services["redis"], "image"));
        Assert.StartsWith("nginx:", Scalar(services["proxy"], "image"));
        Assert.StartsWith("rnwood/smtp4dev:", Scalar(services["smtp4dev"], "image"));
        foreach (var name in new[] { "site1", "site2", "proxy", "db", "redis", "smtp4dev" })
        {
            var check = Assert.IsType<YamlMappingNode>(services[name].Children[new YamlScalarNode("healthcheck")]);
            Assert.True(check.Children.ContainsKey(new YamlScalarNode("test")), $"{name} has no health check test");
        }

        // The sites answer readiness, and only nginx is published (on loopback): nothing reaches an instance but the proxy.
        Assert.Contains("/health/ready", string.Join(" ", Sequence(Mapping(services["site1"], "healthcheck"), "test")));
        Assert.False(services["site1"].Children.ContainsKey(new YamlScalarNode("ports")));
        Assert.False(services["site2"].Children.ContainsKey(new YamlScalarNode("ports")));
        Assert.StartsWith("127.0.0.1:", Sequence(services["proxy"], "ports").Single());
        Assert.Contains("./deploy/nginx/learningportal.conf:/etc/nginx/conf.d/default.conf:ro", Sequence(services["proxy"], "volumes"));

        // Uploaded files and data-protection keys are in PostgreSQL, whose data is a named volume (survives down/up).
        Assert.Contains("db-data:/var/lib/postgresql/data", Sequence(services["db"], "volumes"));
        var environment = Environment(services["site1"]);
        Assert.Equal("Database", environment["Content__MediaStore"]);
        Assert.Equal("PostgreSql", environment["Database__Provider"]);
        Assert.Equal("redis:6379", environment["Redis__Configuration"]);
        Assert.Equal("true", environment["ASPNETCORE_FORWARDEDHEADERS_ENABLED"]);
        Assert.Equal(environment, Environment(services["site2"]));

        // Production refuses to start without the certificate that encrypts the data-protection keys: every site has it.
        Assert.Equal("/run/secrets/dataprotection-certificate", environment["DataProtection__CertificatePath"]);
        Assert.Equal("/run/secrets/dataprotection-key", environment["DataProtection__CertificateKeyPath"]);
        Assert.Equal(new[] { "dataprotection-certificate", "dataprotection-key" }, Sequence(services["site1"], "secrets"));
        Assert.Equal(new[] { "dataprotection-certificate", "dataprotection-key" }, Sequence(services["migrate"], "secrets"));
        Assert.Equal(new[] { "migrate" }, Sequence(services["migrate"], "command"));
    }

    [Fact]
    public void Every_setting_compose_gives_the_sites_is_one_the_site_reads()
    {
        var sections = SettingsSections();
        var source = string.Join("\n", Directory.EnumerateFiles(Path.Combine(Root, "src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(File.ReadAllText));
        foreach (var (key, _) in Environment(Services()["site1"]))
        {
            if (HostSettings.Contains(key))
            {
                continue;
            }

            var parts = key.Split("__");
            Assert.True(parts.Length == 2, $"{key} is not a Section__Setting key");
            var known = sections.TryGetValue(parts[0], out var type)
                ? type.GetProperty(parts[1], BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase) is { CanWrite: true }
                : source.Contains($"\"{parts[0]}:{parts[1]}\"", StringComparison.Ordinal);
            Assert.True(known, $"docker-compose.yml sets {key}, which the site does not read");
        }
    }

    [Fact]
    public void The_image_is_built_by_the_publish_script_the_tests_run()
    {
        var dockerfile = File.ReadAllText(Path.Combine(Root, "src", "LearningPortal.Web", "Dockerfile"));
        Assert.Contains("RUN bash build/publish.sh --skip-frontend --output /app/publish", dockerfile);
        Assert.Contains("COPY --from=build /app/publish ./", dockerfile);
        // No hand-kept list of project files to forget one from.
        Assert.DoesNotMatch(CsprojCopy(), dockerfile);
        Assert.Contains("build/publish.sh --skip-frontend --output \"$root/artifacts/publish\"", File.ReadAllText(Path.Combine(Root, "tests", "run.sh")));
        Assert.Contains("LP_PUBLISHED_SITE", File.ReadAllText(Path.Combine(Root, "tests", "run.sh")));
    }

    [Fact]
    public void The_tests_nginx_configuration_is_the_compose_one_with_only_the_addresses_replaced()
    {
        var original = File.ReadAllText(NginxProxy.ComposeProxyConfig);
        var generated = NginxProxy.ConfigFor([41001, 41002, 41003], 41000);
        Assert.Contains("server 127.0.0.1:41003 max_fails=2 fail_timeout=10s;", generated);
        Assert.Contains("listen 127.0.0.1:41000;", generated);
        Assert.DoesNotContain("site1:8080", generated);
        Assert.Equal(StripAddresses(original), StripAddresses(generated));
    }

    private static string StripAddresses(string config) => Addresses().Replace(config, "").Replace("\n\n", "\n", StringComparison.Ordinal);

    /// <summary>Every options class the site binds, by its section name (the classes' Section constant).</summary>
    private static Dictionary<string, Type> SettingsSections() =>
        new[] { typeof(Program).Assembly, typeof(Core.Content.ContentOptions).Assembly, typeof(global::LearningPortal.Search.SearchOptions).Assembly }
            .SelectMany(a => a.GetTypes())
            .Select(t => (Type: t, Field: t.GetField("Section", BindingFlags.Public | BindingFlags.Static)))
            .Where(x => x.Field is { IsLiteral: true } && x.Field.FieldType == typeof(string))
            .ToDictionary(x => (string)x.Field!.GetRawConstantValue()!, x => x.Type);

    private static Dictionary<string, YamlMappingNode> Services()
    {
        var yaml = new YamlStream();
        using (var reader = new StreamReader(Path.Combine(Root, "docker-compose.yml")))
        {
            yaml.Load(reader);
        }

        var root = (YamlMappingNode)yaml.Documents[0].RootNode;
        return Mapping(root, "services").Children.ToDictionary(c => ((YamlScalarNode)c.Key).Value!, c => Flatten((YamlMappingNode)c.Value));
    }

    // YAML merge keys (<<: *site) as compose reads them: the service's own keys win over the anchor's.
    private static YamlMappingNode Flatten(YamlMappingNode service)
    {
        var merged = new YamlMappingNode();
        if (service.Children.TryGetValue(new YamlScalarNode("<<"), out var anchor))
        {
            foreach (var (key, value) in Flatten((YamlMappingNode)anchor).Children)
            {
                merged.Children[key] = value;
            }
        }

        foreach (var (key, value) in service.Children.Where(c => ((YamlScalarNode)c.Key).Value != "<<"))
        {
            merged.Children[key] = value;
        }

        return merged;
    }

    private static Dictionary<string, string> Environment(YamlMappingNode service) =>
        Mapping(service, "environment").Children.ToDictionary(c => ((YamlScalarNode)c.Key).Value!, c => ((YamlScalarNode)c.Value).Value ?? "");

    private static YamlMappingNode Mapping(YamlMappingNode node, string key) => (YamlMappingNode)node.Children[new YamlScalarNode(key)];

    private static string Scalar(YamlMappingNode node, string key) => ((YamlScalarNode)node.Children[new YamlScalarNode(key)]).Value!;

    private static List<string> Sequence(YamlMappingNode node, string key) =>
        ((YamlSequenceNode)node.Children[new YamlScalarNode(key)]).Children.Select(c => ((YamlScalarNode)c).Value!).ToList();

    [GeneratedRegex(@"COPY\s+\S+\.csproj")]
    private static partial Regex CsprojCopy();

    [GeneratedRegex(@"[ \t]*server (site\d+|127\.0\.0\.1):\d+[^\n]*\n|listen [^;]+;")]
    private static partial Regex Addresses();
}
