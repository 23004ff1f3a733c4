using System.Diagnostics;
using System.Net.Sockets;
using System.Text;

namespace LearningPortal.Tests.Fleet;

/// <summary>
/// One instance of the site as production runs it: the published output (LP_PUBLISHED_SITE, which tests/run.sh
/// makes with build/publish.sh, as the container image does) or, when that is not set, the web project's build
/// output, started with <c>dotnet LearningPortal.Web.dll</c> in Production on a loopback port.
/// </summary>
public sealed class SiteProcess : IAsyncDisposable
{
    private readonly StringBuilder output = new();
    private readonly IReadOnlyDictionary<string, string> environment;
    private Process? process;

    public SiteProcess(string name, IReadOnlyDictionary<string, string> environment)
    {
        Name = name;
        this.environment = environment;
        Port = FreePort();
    }

    public string Name { get; }

    public int Port { get; }

    public Uri Address => new($"http://127.0.0.1:{Port}");

    public int ProcessId => process?.Id ?? 0;

    public bool IsRunning => process is { HasExited: false };

    /// <summary>What the instance wrote to its console, for a failing test's message.</summary>
    public string Output
    {
        get
        {
            lock (output)
            {
                return output.ToString();
            }
        }
    }

    public static string SiteFolder
    {
        get
        {
            var published = Environment.GetEnvironmentVariable("LP_PUBLISHED_SITE");
            var folder = !string.IsNullOrEmpty(published) ? published : Path.Combine(RepositoryRoot, "src", "LearningPortal.Web", "bin", "Release", "net10.0");
            return File.Exists(Path.Combine(folder, "LearningPortal.Web.dll"))
                ? folder
                : throw new InvalidOperationException($"No LearningPortal.Web.dll in {folder}: run build/publish.sh (tests/run.sh does) or build the solution in Release.");
        }
    }

    public static string RepositoryRoot
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "LearningPortal.sln")))
            {
                dir = dir.Parent;
            }

            return dir?.FullName ?? throw new InvalidOperationException("The repository root (LearningPortal.sln) was not found.");
        }
    }

    /// <summary>Starts the instance and (unless told not to) waits until /health/ready answers 200.</summary>
    public async Task StartAsync(TimeSpan? timeout = null, bool waitUntilReady = true)
    {
        var info = new ProcessStartInfo("dotnet", ["LearningPortal.Web.dll", .. Arguments])
        {
            WorkingDirectory = SiteFolder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }

        info.Environment["ASPNETCORE_URLS"] = Address.ToString().TrimEnd('/');
        info.Environment["ASPNETCORE_HTTP_PORTS"] = "";
        process = new Process { StartInfo = info, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (waitUntilReady)
        {
            await WaitUntilReadyAsync(timeout ?? TimeSpan.FromSeconds(300));
        }
    }

    /// <summary>Extra command-line arguments (a command such as "migrate" runs instead of the site).</summary>
    public string[] Arguments { get; init; } = [];

    /// <summary>Runs a command (create-admin, migrate, ...) of the same site with the same settings; returns its exit code and output.</summary>
    public static async Task<(int ExitCode, string Output)> RunCommandAsync(IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var info = new ProcessStartInfo("dotnet", ["LearningPortal.Web.dll", .. arguments])
        {
            WorkingDirectory = SiteFolder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }

        using var command = Process.Start(info)!;
        var stdout = command.StandardOutput.ReadToEndAsync();
        var stderr = command.StandardError.ReadToEndAsync();
        await command.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromMinutes(2)).Token);
        return (command.ExitCode, await stdout + await stderr);
    }

    /// <summary>Deletes this instance's search index folder (while it is stopped).</summary>
    public void DeleteSearchIndex()
    {
        if (environment.TryGetValue("Search__IndexPath", out var index) && Directory.Exists(index))
        {
            Directory.Delete(index, recursive: true);
        }
    }

    /// <summary>kill -9: no shutdown, no cleanup, open transactions and leases left as they are.</summary>
    public async Task KillAsync()
    {
        if (process is { HasExited: false })
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (process is { HasExited: false })
        {
            // A graceful stop (SIGTERM), as an orchestrator does, then a kill if it lingers.
            using (var term = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
                await term.WaitForExitAsync();
            }

            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(15));
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
    }

    private async Task WaitUntilReadyAsync(TimeSpan timeout)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (process!.HasExited)
            {
                throw new InvalidOperationException($"Site {Name} exited with {process.ExitCode} while starting:\n{Output}");
            }

            try
            {
                using var response = await http.GetAsync(new Uri(Address, "/health/ready"));
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Busy starting.
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"Site {Name} was not ready within {timeout.TotalSeconds} s:\n{Output}");
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            // The last lines are what explain a failure; keep the buffer from growing without end.
            if (output.Length > 200_000)
            {
                output.Remove(0, 100_000);
            }

            output.AppendLine(line);
        }
    }

    public static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
