namespace B12Bot.Hosting;

/// <summary>Where metrics and traces go, bound from the "Telemetry" section.</summary>
public sealed class TelemetryOptions
{
    public const string SectionName = "Telemetry";

    /// <summary>An OTLP collector (e.g. http://otel-collector:4317); empty: nothing is exported over OTLP.</summary>
    public Uri? OtlpEndpoint { get; set; }

    /// <summary>"Grpc" (default) or "HttpProtobuf".</summary>
    public string OtlpProtocol { get; set; } = "Grpc";

    /// <summary>Serve the Prometheus scrape endpoint at /metrics (default on).</summary>
    public bool PrometheusEndpoint { get; set; } = true;
}
