using B12Bot.Conversation.Telemetry;
using BotRuntime.Builder;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace B12Bot.Hosting;

/// <summary>
/// OpenTelemetry for the bot's own meters and spans ("BotRuntime": turns, latency, errors; "B12Bot": answered or not,
/// clarifications, escalations by class, walkthrough outcomes, consent and deletions). Nothing from HTTP
/// instrumentation is added: its URLs and headers are not ours to vet, and every tag here is a fixed vocabulary.
/// </summary>
public static class TelemetryServiceCollectionExtensions
{
    public static WebApplicationBuilder AddB12Telemetry(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(TelemetryOptions.SectionName).Get<TelemetryOptions>() ?? new TelemetryOptions();
        if (options.OtlpEndpoint is { OriginalString.Length: 0 })
        {
            options.OtlpEndpoint = null;
        }
        if (options.OtlpEndpoint is { IsAbsoluteUri: false })
        {
            throw new InvalidOperationException("Telemetry:OtlpEndpoint must be an absolute address, e.g. http://otel-collector:4317.");
        }

        if (options.OtlpProtocol is not ("Grpc" or "HttpProtobuf"))
        {
            throw new InvalidOperationException("Telemetry:OtlpProtocol must be \"Grpc\" or \"HttpProtobuf\".");
        }

        var protocol = options.OtlpProtocol == "HttpProtobuf" ? OtlpExportProtocol.HttpProtobuf : OtlpExportProtocol.Grpc;
        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("B12Bot"))
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(TurnTelemetryMiddleware.MeterName, B12BotTelemetry.MeterName);
                if (options.PrometheusEndpoint)
                {
                    metrics.AddPrometheusExporter();
                }

                if (options.OtlpEndpoint is { } endpoint)
                {
                    metrics.AddOtlpExporter(otlp => (otlp.Endpoint, otlp.Protocol) = (endpoint, protocol));
                }
            });
        if (options.OtlpEndpoint is { } traceEndpoint)
        {
            // Spans only when they go somewhere: a tracer without an exporter still listens, so every turn and every
            // request would build a span (and ASP.NET Core its request activity) for nobody.
            telemetry.WithTracing(tracing => tracing
                .AddSource(TurnTelemetryMiddleware.ActivitySourceName)
                .AddOtlpExporter(otlp => (otlp.Endpoint, otlp.Protocol) = (traceEndpoint, protocol)));
        }
        builder.Services.AddSingleton(options);
        return builder;
    }

    public static WebApplication MapB12Telemetry(this WebApplication app)
    {
        if (app.Services.GetRequiredService<TelemetryOptions>().PrometheusEndpoint)
        {
            app.MapPrometheusScrapingEndpoint("/metrics");
        }

        return app;
    }
}
