using AslOnDurable.Runtime.Observability;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace AslOnDurable.Cli.Telemetry;

/// <summary>
/// Exports one <c>asl run</c>'s traces and metrics (<see cref="TelemetryNames.Source"/>) with OpenTelemetry:
/// <c>--otel console</c> (spans and metrics printed to standard output after the result), <c>--otel otlp</c> (an
/// OTLP collector, configured by the standard <c>OTEL_EXPORTER_OTLP_*</c> variables), or off. Without the option the
/// standard variables decide: <c>OTEL_TRACES_EXPORTER</c> (<c>otlp</c>, <c>console</c>, <c>none</c>), else
/// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> set means OTLP. <c>OTEL_SERVICE_NAME</c> names the service (default <c>asl</c>).
/// Disposing flushes both providers.
/// </summary>
internal sealed class TelemetryExport : IDisposable
{
    /// <summary>The <c>--otel</c> values.</summary>
    public static readonly string[] Exporters = ["console", "otlp", "none"];

    private readonly TracerProvider tracer;
    private readonly MeterProvider meter;

    private TelemetryExport(string exporter, Func<string, string?> environment, Microsoft.Extensions.Logging.ILogger? executionLog)
    {
        Telemetry = new ExecutionTelemetry(TelemetryNames.Source, executionLog);
        ResourceBuilder resource = ResourceBuilder.CreateDefault().AddService(environment("OTEL_SERVICE_NAME") ?? "asl");
        TracerProviderBuilder traces = Sdk.CreateTracerProviderBuilder().SetResourceBuilder(resource).AddSource(TelemetryNames.Source);
        MeterProviderBuilder metrics = Sdk.CreateMeterProviderBuilder().SetResourceBuilder(resource).AddMeter(TelemetryNames.Source);
        if (exporter == "console")
        {
            traces.AddConsoleExporter();
            metrics.AddConsoleExporter();
        }
        else
        {
            traces.AddOtlpExporter();
            metrics.AddOtlpExporter();
        }

        tracer = traces.Build();
        meter = metrics.Build();
    }

    /// <summary>Gets the telemetry the run reports to.</summary>
    public ExecutionTelemetry Telemetry { get; }

    /// <summary>Picks the exporter: the option if given, else the standard OpenTelemetry variables.</summary>
    /// <param name="option">The <c>--otel</c> value, or <see langword="null"/>.</param>
    /// <param name="environment">Reads an environment variable.</param>
    /// <returns><c>console</c>, <c>otlp</c>, or <see langword="null"/> for off.</returns>
    public static string? Choose(string? option, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        string? chosen = option ?? environment("OTEL_TRACES_EXPORTER")?.Trim().ToLowerInvariant() switch
        {
            "otlp" => "otlp",
            "console" => "console",
            "none" => "none",
            _ => string.IsNullOrWhiteSpace(environment("OTEL_EXPORTER_OTLP_ENDPOINT")) ? null : "otlp",
        };
        return chosen is "console" or "otlp" ? chosen : null;
    }

    /// <summary>Starts exporting, or returns <see langword="null"/> when telemetry is off.</summary>
    /// <param name="option">The <c>--otel</c> value, or <see langword="null"/>.</param>
    /// <param name="environment">Reads an environment variable.</param>
    /// <param name="executionLog">Where <c>--log-level</c> execution events go, or <see langword="null"/>.</param>
    /// <returns>The export, to dispose once the run has ended.</returns>
    public static TelemetryExport? Start(string? option, Func<string, string?> environment, Microsoft.Extensions.Logging.ILogger? executionLog = null) =>
        Choose(option, environment) is { } exporter ? new TelemetryExport(exporter, environment, executionLog) : null;

    /// <inheritdoc />
    public void Dispose()
    {
        tracer.Dispose();
        meter.Dispose();
        Telemetry.Dispose();
    }
}
