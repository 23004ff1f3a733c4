using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;

namespace LearningPortal.Tests.Fleet;

/// <summary>
/// Debian's nginx in front of the test instances, with the proxy configuration docker-compose.yml mounts
/// (deploy/nginx/learningportal.conf): only the upstream servers and the listen address are replaced.
/// </summary>
public sealed partial class NginxProxy : IAsyncDisposable
{
    public const string Executable = "/usr/sbin/nginx";

    private readonly string folder = Path.Combine(Path.GetTempPath(), "lp-tests", "nginx-" + Guid.NewGuid().ToString("N"));
    private Process? process;

    public int Port { get; } = SiteProcess.FreePort();

    public Uri Address => new($"http://127.0.0.1:{Port}");

    public static string ComposeProxyConfig => Path.Combine(SiteProcess.RepositoryRoot, "deploy", "nginx", "learningportal.conf");

    /// <summary>The compose file's proxy configuration pointed at the given instances and listening on <paramref name="port"/>.</summary>
    public static string ConfigFor(IEnumerable<int> upstreamPorts, int port)
    {
        var original = File.ReadAllText(ComposeProxyConfig);
        var servers = UpstreamServer().Matches(original);
        if (servers.Count == 0 || !Listen().IsMatch(original))
        {
            throw new InvalidOperationException($"{ComposeProxyConfig} has no upstream server lines or no listen line.");
        }

        var options = servers[0].Groups["options"].Value;
        var replaced = string.Join("\n", upstreamPorts.Select(p => $"    server 127.0.0.1:{p}{options};"));
        var config = original[..servers[0].Index] + replaced + original[(servers[^1].Index + servers[^1].Length)..];
        return Listen().Replace(config, $"listen 127.0.0.1:{port};");
    }

    public async Task StartAsync(IEnumerable<int> upstreamPorts)
    {
        Directory.CreateDirectory(folder);
        foreach (var temp in new[] { "body", "proxy", "fastcgi", "uwsgi", "scgi" })
        {
            // nginx's workers may run as nobody when the tests run as root.
            var path = Directory.CreateDirectory(Path.Combine(folder, temp)).FullName;
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(path, (UnixFileMode)0x1FF); // rwxrwxrwx
            }
        }

        await File.WriteAllTextAsync(Path.Combine(folder, "site.conf"), ConfigFor(upstreamPorts, Port));
        await File.WriteAllTextAsync(Path.Combine(folder, "nginx.conf"), $$"""
            daemon off;
            worker_processes 1;
            pid {{folder}}/nginx.pid;
            error_log {{folder}}/error.log warn;
            events { worker_connections 4096; }
            http {
                access_log off;
                client_body_temp_path {{folder}}/body;
                proxy_temp_path {{folder}}/proxy;
                fastcgi_temp_path {{folder}}/fastcgi;
                uwsgi_temp_path {{folder}}/uwsgi;
                scgi_temp_path {{folder}}/scgi;
                include {{folder}}/site.conf;
            }
            """);
        process = Process.Start(new ProcessStartInfo(Executable, ["-p", folder, "-c", Path.Combine(folder, "nginx.conf")])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        })!;
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException("nginx exited: " + await process.StandardError.ReadToEndAsync() + ReadLog());
            }

            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync("127.0.0.1", Port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(100);
            }
        }

        throw new TimeoutException("nginx did not listen: " + ReadLog());
    }

    public async ValueTask DisposeAsync()
    {
        if (process is { HasExited: false })
        {
            using (var quit = Process.Start("kill", ["-QUIT", process.Id.ToString(CultureInfo.InvariantCulture)]))
            {
                await quit.WaitForExitAsync();
            }

            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            try
            {
                await process.WaitForExitAsync(wait.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
            }
        }

        process?.Dispose();
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS to clean up with the temp folder.
        }
    }

    private string ReadLog()
    {
        var log = Path.Combine(folder, "error.log");
        return File.Exists(log) ? File.ReadAllText(log) : "";
    }

    [GeneratedRegex(@"^[ \t]*server[ \t]+site\d+:8080(?<options>[^;\n]*);[ \t]*$", RegexOptions.Multiline)]
    private static partial Regex UpstreamServer();

    [GeneratedRegex(@"listen[ \t]+80;")]
    private static partial Regex Listen();
}
