using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace LearningPortal.Web.Fleet;

/// <summary>Settings of telemetry (section "OpenTelemetry").</summary>
public sealed class TelemetryOptions
{
    public const string Section = "OpenTelemetry";

    /// <summary>
    /// The OTLP collector, e.g. "http://otel-collector:4317" (gRPC) or "http://otel-collector:4318" with
    /// <see cref="Protocol"/> "HttpProtobuf". Unset (and no OTEL_EXPORTER_OTLP_ENDPOINT), nothing is exported.
    /// </summary>
    public string? OtlpEndpoint { get; set; }

    /// <summary>"Grpc" (default) or "HttpProtobuf".</summary>
    public string Protocol { get; set; } = "Grpc";

    /// <summary>The service name on every span and metric.</summary>
    public string ServiceName { get; set; } = "learningportal";
}

public static class TelemetryServiceCollectionExtensions
{
    /// <summary>
    /// Traces (ASP.NET Core, outgoing HTTP, EF Core, Npgsql) and metrics (ASP.NET Core, HTTP, .NET runtime) sent to an
    /// OTLP collector when one is configured; and trace, span and request ids in every log line's scope either way.
    /// </summary>
    public static IServiceCollection AddPortalTelemetry(this IServiceCollection services, IConfiguration configuration, ILoggingBuilder logging)
    {
        logging.Configure(o => o.ActivityTrackingOptions = ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId | ActivityTrackingOptions.ParentId);
        var options = configuration.GetSection(TelemetryOptions.Section).Get<TelemetryOptions>() ?? new TelemetryOptions();
        var endpoint = options.OtlpEndpoint ?? configuration["OTEL_EXPORTER_OTLP_ENDPOINT"];
        if (string.IsNullOrWhiteSpace(endpoint))
        {
            return services;
        }

        var protocol = string.Equals(options.Protocol, "HttpProtobuf", StringComparison.OrdinalIgnoreCase) ? OtlpExportProtocol.HttpProtobuf : OtlpExportProtocol.Grpc;
        services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(options.ServiceName, serviceInstanceId: Environment.MachineName + "/" + Environment.ProcessId))
            .WithTracing(t => t
                .AddAspNetCoreInstrumentation(o => o.Filter = context => !context.Request.Path.StartsWithSegments("/health", StringComparison.Ordinal))
                .AddHttpClientInstrumentation()
                .AddEntityFrameworkCoreInstrumentation()
                .AddSource("Npgsql"))
            .WithMetrics(m => m
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation())
            .UseOtlpExporter(protocol, new Uri(endpoint));
        return services;
    }
}
