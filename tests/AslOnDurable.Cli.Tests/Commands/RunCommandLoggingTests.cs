using System.Text.Json.Nodes;
using AslOnDurable.Testing;

namespace AslOnDurable.Cli.Tests.Commands;

/// <summary><c>asl run --log-level</c>: execution events on standard error, as a loggingConfiguration would log them.</summary>
public sealed class RunCommandLoggingTests
{
    [Theory]
    [InlineData("--express")]
    [InlineData("--real-time")]
    public void Run_LogLevelAll_EveryEventOnStderrResultOnStdout(string engine)
    {
        var (code, stdout, stderr) = CliRun.Invoke(
            "run", DefinitionFiles.PathOf("nested", "child-echo"), engine, "--log-level", "ALL", "--format", "json", "--input", """{"a":1}""");

        Assert.Equal(0, code);
        Assert.Contains("SUCCEEDED", stdout, StringComparison.Ordinal);
        string[] types = [.. stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!["type"]!.GetValue<string>())];
        Assert.Equal(["ExecutionStarted", "PassStateEntered", "PassStateExited", "ExecutionSucceeded"], types);
        Assert.DoesNotContain("\"a\"", stderr, StringComparison.Ordinal); // no --log-execution-data: no payloads
    }

    [Fact]
    public void Run_LogLevelAllWithExecutionData_PayloadsLogged()
    {
        var (code, _, stderr) = CliRun.Invoke(
            "run", DefinitionFiles.PathOf("nested", "child-echo"), "--express", "--log-level", "ALL", "--log-execution-data", "--input", """{"a":1}""");

        Assert.Equal(0, code);
        Assert.Contains("""{\"a\":1}""", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_LogLevelFatalSucceeded_NothingLogged()
    {
        var (code, _, stderr) = CliRun.Invoke("run", DefinitionFiles.PathOf("nested", "child-echo"), "--express", "--log-level", "FATAL");

        Assert.Equal(0, code);
        Assert.Equal("", stderr);
    }

    [Fact]
    public void Run_LogLevelUnknown_UsageError()
    {
        var (code, _, stderr) = CliRun.Invoke("run", DefinitionFiles.PathOf("nested", "child-echo"), "--log-level", "DEBUG");

        Assert.NotEqual(0, code);
        Assert.Contains("DEBUG", stderr, StringComparison.Ordinal);
    }
}
