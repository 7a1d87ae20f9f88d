using System.Reflection;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace FeedbackBot.Infrastructure.Telemetry;

internal static class TelemetryServiceCollectionExtensions
{
    /// <summary>The standard OpenTelemetry variable; telemetry is on only when it names a collector.</summary>
    public const string EndpointKey = "OTEL_EXPORTER_OTLP_ENDPOINT";

    public const string ServiceNameKey = "OTEL_SERVICE_NAME";

    public const string DefaultServiceName = "feedbackbot";

    // Npgsql starts its spans and records its metrics under this name; its Npgsql.OpenTelemetry package only adds it
    // by name, and that package's one version served here would lift Npgsql itself (docs/decisions/0023-opentelemetry-when-a-collector-is-named.md).
    private const string NpgsqlSource = "Npgsql";

    /// <summary>
    /// Traces, metrics and logs over OTLP when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set; otherwise nothing is
    /// registered, so a bot without a collector does no telemetry work at all. The exporter reads the other standard
    /// variables itself (<c>OTEL_EXPORTER_OTLP_PROTOCOL</c>, <c>_HEADERS</c>, <c>OTEL_BSP_SCHEDULE_DELAY</c>,
    /// <c>OTEL_METRIC_EXPORT_INTERVAL</c>, ...).
    /// </summary>
    public static IServiceCollection AddFeedbackTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        if (string.IsNullOrWhiteSpace(configuration[EndpointKey]))
        {
            return services;
        }

        var serviceName = configuration[ServiceNameKey] is { Length: > 0 } name ? name : DefaultServiceName;
        var version = typeof(BotTelemetry).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;

        // Every log line written inside a span carries its trace and span id, in the exported logs and in the
        // console's scopes (Logging:Console:IncludeScopes), so a line in either leads to its trace.
        services.Configure<LoggerFactoryOptions>(o => o.ActivityTrackingOptions |= ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId);
        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(serviceName, serviceVersion: version))
            .WithTracing(tracing => tracing
                // A caller's "not sampled" flag is not the operator's choice: Teams and Slack may send one, and the
                // request would go untraced. An incoming request is traced whatever its caller decided.
                .SetSampler(new ParentBasedSampler(new NoStrayClientSpans(), remoteParentNotSampled: new AlwaysOnSampler()))
                .AddSource(BotTelemetry.Name)
                .AddSource(NpgsqlSource)
                .AddAspNetCoreInstrumentation(o => o.Filter = http => !IsProbe(http.Request.Path))
                .AddHttpClientInstrumentation())
            .WithMetrics(metrics => metrics
                .AddMeter(BotTelemetry.Name + "*")
                .AddMeter(NpgsqlSource)
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation())
            .WithLogging()
            .UseOtlpExporter();
        services.AddHostedService<OutboxGauges>();
        return services;
    }

    // Orchestrators probe every few seconds; a span for each would bury the requests people make.
    private static bool IsProbe(PathString path) => path.StartsWithSegments("/healthz") || path.StartsWithSegments("/readyz");
}
