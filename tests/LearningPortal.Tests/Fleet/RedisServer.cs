using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;

namespace LearningPortal.Tests.Fleet;

/// <summary>
/// A throwaway Debian redis-server on a loopback port of its own, which a test may stop (SIGTERM, as an operator or
/// an orchestrator stops it) and start again on the same port. With <c>persist</c> it keeps an append-only file in its
/// own folder, so that a restarted Redis comes back with what it held, as a production Redis with persistence does.
/// </summary>
public sealed class RedisServer(bool persist = false) : IAsyncDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "lp-tests", "redis-" + Guid.NewGuid().ToString("N"));
    private Process? process;

    public int Port { get; } = SiteProcess.FreePort();

    /// <summary>The StackExchange.Redis configuration string for this server.</summary>
    public string Configuration => $"127.0.0.1:{Port}";

    public async Task StartAsync()
    {
        Directory.CreateDirectory(folder);
        string[] arguments = ["--port", Port.ToString(CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--dir", folder, "--save", "",
            "--appendonly", persist ? "yes" : "no"];
        process = Process.Start(new ProcessStartInfo("redis-server", arguments)
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
        })!;
        process.OutputDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        for (var i = 0; i < 100; i++)
        {
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

        throw new TimeoutException("redis-server did not start.");
    }

    /// <summary>Stops the server as SIGTERM does (it writes its append-only file first) and waits until it has gone.</summary>
    public async Task StopAsync()
    {
        if (process is { HasExited: false })
        {
            using (var term = Process.Start("kill", ["-TERM", process.Id.ToString(CultureInfo.InvariantCulture)]))
            {
                await term.WaitForExitAsync();
            }

            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(15));
            await process.WaitForExitAsync(wait.Token);
        }

        process?.Dispose();
        process = null;
    }

    public async ValueTask DisposeAsync()
    {
        if (process is { HasExited: false })
        {
            process.Kill();
            await process.WaitForExitAsync();
        }

        process?.Dispose();
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
