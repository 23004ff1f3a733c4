using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace LearningPortal.Benchmarks.Shared;

/// <summary>
/// The PostgreSQL server a benchmark runs on. With <c>LP_BENCH_PG</c> set, that server; otherwise a cluster of its
/// own (Debian's postgresql binaries), started with PostgreSQL's default durability settings, not the test suite's
/// <c>fsync=off</c>, so the figures are what production would see; it is stopped and removed on dispose. The
/// settings the figures were taken with are printed either way.
/// </summary>
public sealed class BenchmarkPostgres : IAsyncDisposable
{
    private readonly string? directory;
    private readonly string? bin;

    private BenchmarkPostgres(string server, string? directory, string? bin)
    {
        Server = server;
        this.directory = directory;
        this.bin = bin;
    }

    /// <summary>A connection string with no database, for <see cref="BenchmarkDatabase.CreateAsync"/>.</summary>
    public string Server { get; }

    public static async Task<BenchmarkPostgres> StartAsync()
    {
        if (Environment.GetEnvironmentVariable("LP_BENCH_PG") is { Length: > 0 } given)
        {
            var existing = new BenchmarkPostgres(given, null, null);
            await existing.PrintSettingsAsync("the server LP_BENCH_PG names");
            return existing;
        }

        var bin = Directory.GetDirectories("/usr/lib/postgresql").OrderDescending().Select(d => Path.Combine(d, "bin"))
            .FirstOrDefault(d => File.Exists(Path.Combine(d, "initdb")))
            ?? throw new InvalidOperationException("No PostgreSQL binaries under /usr/lib/postgresql: install Debian's postgresql package or set LP_BENCH_PG.");
        var directory = Path.Combine(Path.GetTempPath(), $"lp-bench-pg-{Guid.NewGuid():N}");
        Directory.CreateDirectory(directory);
        var port = FreePort();
        if (Environment.UserName == "root")
        {
            // PostgreSQL refuses to run as root: the cluster belongs to the postgres user.
            await RunAsync("chown", $"postgres \"{directory}\"");
        }

        await RunAsPostgresAsync($"'{bin}/initdb' -D '{directory}/data' -U postgres --auth=trust -E UTF8 --locale=C.UTF-8");
        await RunAsPostgresAsync($"'{bin}/pg_ctl' -D '{directory}/data' -l '{directory}/log' -o \"-c listen_addresses=127.0.0.1 -p {port} -k '{directory}' -c max_connections=300\" -w start");
        var started = new BenchmarkPostgres($"Host=127.0.0.1;Port={port};Username=postgres", directory, bin);
        await started.PrintSettingsAsync("its own cluster, default durability");
        return started;
    }

    public async ValueTask DisposeAsync()
    {
        if (directory is null)
        {
            return;
        }

        NpgsqlConnection.ClearAllPools();
        await RunAsPostgresAsync($"'{bin}/pg_ctl' -D '{directory}/data' -m fast -w stop");
        Directory.Delete(directory, recursive: true);
    }

    private async Task PrintSettingsAsync(string which)
    {
        await using var connection = new NpgsqlConnection(Server + ";Database=postgres");
        await connection.OpenAsync();
        var settings = new List<string>();
        foreach (var name in new[] { "server_version", "fsync", "synchronous_commit", "full_page_writes", "shared_buffers", "work_mem", "max_connections" })
        {
            await using var show = new NpgsqlCommand($"SHOW {name}", connection);
            settings.Add($"{name}={await show.ExecuteScalarAsync()}");
        }

        Console.WriteLine($"PostgreSQL ({which}): {string.Join(", ", settings)}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static Task RunAsPostgresAsync(string command) =>
        Environment.UserName == "root" ? RunAsync("su", $"postgres -s /bin/sh -c \"{command.Replace("\"", "\\\"")}\"") : RunAsync("/bin/sh", $"-c \"{command.Replace("\"", "\\\"")}\"");

    private static async Task RunAsync(string file, string arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var error = process.StandardError.ReadToEndAsync();
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {arguments} failed ({process.ExitCode}): {await error}");
        }
    }
}
