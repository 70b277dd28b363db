using AslOnDurable.Cli.Telemetry;
using AslOnDurable.Testing;

namespace AslOnDurable.Cli.Tests.Telemetry;

/// <summary><c>asl run --otel</c>: which exporter, from the option or the standard OTEL_* variables.</summary>
public sealed class TelemetryExportTests
{
    [Theory]
    [InlineData("console", null, null, "console")]
    [InlineData("otlp", null, null, "otlp")]
    [InlineData("none", "otlp", "http://127.0.0.1:4317", null)]
    [InlineData(null, "otlp", null, "otlp")]
    [InlineData(null, "CONSOLE", null, "console")]
    [InlineData(null, "none", "http://127.0.0.1:4317", null)]
    [InlineData(null, null, "http://127.0.0.1:4317", "otlp")]
    [InlineData(null, null, null, null)]
    [InlineData(null, "zipkin", null, null)]
    public void Choose_OptionThenVariables_PicksTheExporter(string? option, string? tracesExporter, string? endpoint, string? expected)
    {
        Dictionary<string, string?> variables = new() { ["OTEL_TRACES_EXPORTER"] = tracesExporter, ["OTEL_EXPORTER_OTLP_ENDPOINT"] = endpoint };

        Assert.Equal(expected, TelemetryExport.Choose(option, name => variables.GetValueOrDefault(name)));
    }

    [Fact]
    public void Start_Off_NoExport()
    {
        Assert.Null(TelemetryExport.Start(null, _ => null));
    }

    [Fact]
    public void Start_Console_TelemetryListens()
    {
        using TelemetryExport export = TelemetryExport.Start("console", _ => null)!;

        Assert.True(export.Telemetry.IsEnabled);
    }

    [Theory]
    [InlineData("--express")]
    [InlineData("--real-time")]
    public void Run_OtelConsole_ExecutionRunsAndTheResultIsUnchanged(string engine)
    {
        var (code, stdout, stderr) = CliRun.Invoke("run", DefinitionFiles.PathOf("nested", "child-echo"), engine, "--otel", "console", "--format", "json");

        Assert.True(code == 0, stderr);
        Assert.Contains("\"SUCCEEDED\"", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_OtelUnknown_UsageError()
    {
        var (code, _, stderr) = CliRun.Invoke("run", DefinitionFiles.PathOf("observability", "traced"), "--otel", "zipkin");

        Assert.NotEqual(0, code);
        Assert.Contains("zipkin", stderr, StringComparison.Ordinal);
    }
}
