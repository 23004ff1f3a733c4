using System.Collections.Concurrent;
using System.Text;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace LearningPortal.Tests.Site;

/// <summary>With OpenTelemetry:OtlpEndpoint set, traces (requests and database calls) and metrics reach the collector.</summary>
public sealed class TelemetryTests : IAsyncLifetime
{
    private readonly HttpListener collector = new();
    private readonly ConcurrentBag<(string Path, byte[] Body)> received = [];
    private readonly int port = Fleet.SiteProcess.FreePort();
    private TelemetrySite site = default!;
    private Task? listening;

    public async Task InitializeAsync()
    {
        collector.Prefixes.Add($"http://127.0.0.1:{port}/");
        collector.Start();
        listening = Task.Run(ReceiveAsync);
        site = new TelemetrySite($"http://127.0.0.1:{port}");
        await site.InitializeAsync();
    }

    [Fact]
    public async Task Requests_database_calls_and_metrics_are_exported_over_otlp()
    {
        using var client = site.CreatePortalClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/learning")).StatusCode);

        Assert.True(site.Services.GetRequiredService<TracerProvider>().ForceFlush(10_000));
        Assert.True(site.Services.GetRequiredService<MeterProvider>().ForceFlush(10_000));

        await Eventually.TrueAsync(() => Task.FromResult(received.Any(r => r.Path == "/v1/traces") && received.Any(r => r.Path == "/v1/metrics")),
            "the collector received traces and metrics", TimeSpan.FromSeconds(15));
        var traces = Encoding.UTF8.GetString([.. received.Where(r => r.Path == "/v1/traces").SelectMany(r => r.Body)]);
        var metrics = Encoding.UTF8.GetString([.. received.Where(r => r.Path == "/v1/metrics").SelectMany(r => r.Body)]);
        Assert.Contains("learningportal", traces);
        Assert.Contains("/learning", traces);
        Assert.Contains("db.", traces);
        Assert.Contains("http.server.request.duration", metrics);
        Assert.Contains("dotnet.gc", metrics);
    }

    public async Task DisposeAsync()
    {
        await site.DisposeAsync();
        collector.Stop();
        collector.Close();
        if (listening is not null)
        {
            await listening;
        }
    }

    private async Task ReceiveAsync()
    {
        while (collector.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await collector.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            using var body = new MemoryStream();
            await context.Request.InputStream.CopyToAsync(body);
            received.Add((context.Request.Url!.AbsolutePath, body.ToArray()));
            context.Response.StatusCode = 200;
            context.Response.ContentType = "application/x-protobuf";
            context.Response.Close();
        }
    }

    private sealed class TelemetrySite(string endpoint) : PortalFactory
    {
        protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
        {
            ["OpenTelemetry:OtlpEndpoint"] = endpoint,
            ["OpenTelemetry:Protocol"] = "HttpProtobuf",
        };
    }
}
