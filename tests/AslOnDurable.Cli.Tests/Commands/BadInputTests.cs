using AslOnDurable.Testing;

namespace AslOnDurable.Cli.Tests.Commands;

/// <summary>Bad input gets one <c>error:</c> line and exit 2; an execution that ran prints its status.</summary>
public sealed class BadInputTests
{
    [Theory]
    [InlineData("run", "--format", "xml", "x.json")]
    [InlineData("run")]
    [InlineData("frob")]
    [InlineData("run", "x.json", "--max-payload-bytes", "abc")]
    public void Run_ParseError_OneErrorLineExit2(params string[] args)
    {
        var (code, _, stderr) = CliRun.Invoke(args);

        Assert.Equal(2, code);
        Assert.StartsWith("error: ", stderr, StringComparison.Ordinal);
        Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Theory]
    [InlineData("--input", "{\"a\":1,\"a\":2}", "Duplicate")]
    [InlineData("--input", "\"\\ud800\"", "surrogate")]
    [InlineData("--input", "@", "file name")]
    public void Run_BadInput_OneErrorLineExit2(string option, string value, string expected)
    {
        var (code, _, stderr) = CliRun.Invoke("run", DefinitionFiles.PathOf("limits", "pass"), "--express", option, value);

        Assert.Equal(2, code);
        Assert.Contains(expected, stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_DirectoryAsDefinition_PlainMessage()
    {
        var (code, _, stderr) = CliRun.Invoke("run", Path.GetTempPath());

        Assert.Equal(2, code);
        Assert.Contains("is a directory", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_EndlessDevZeroInput_RefusedAtTheLimit()
    {
        if (!File.Exists("/dev/zero"))
        {
            return; // Windows: no endless device file
        }

        var (code, _, stderr) = CliRun.Invoke("run", DefinitionFiles.PathOf("limits", "pass"), "--express", "--input", "@/dev/zero");

        Assert.Equal(2, code);
        Assert.Contains("larger than the limit", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--express")]
    [InlineData("--format")]
    public void Run_EndlessLoop_EndsWithFailedStatus(string mode)
    {
        string[] args = mode == "--express"
            ? ["run", DefinitionFiles.PathOf("limits", "endless-choice-loop"), "--express", "--input", "{\"x\":1}", "--max-transitions", "500"]
            : ["run", DefinitionFiles.PathOf("limits", "endless-choice-loop"), "--format", "json", "--input", "{\"x\":1}", "--max-transitions", "500"];

        var (code, stdout, _) = CliRun.Invoke(args);

        Assert.Equal(0, code);
        Assert.Contains("\"status\":\"FAILED\"", stdout, StringComparison.Ordinal);
        Assert.Contains("limit of 500 state transitions", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_JsonataRecursion_FailsCleanly()
    {
        var (code, stdout, _) = CliRun.Invoke("run", DefinitionFiles.PathOf("limits", "jsonata-recursion"), "--express");

        Assert.Equal(0, code);
        Assert.Contains("U1001", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_DeepOutput_PrintedNotCrashing()
    {
        var deep = new string('[', 100) + new string(']', 100);

        var (code, stdout, _) = CliRun.Invoke("run", DefinitionFiles.PathOf("limits", "pass"), "--express", "--input", deep);

        Assert.Equal(0, code);
        Assert.Contains(deep, stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Run_MaxRunSecondsPassed_TimedOutOneErrorLineExit3(bool express)
    {
        // Arrange: the clock says the deadline has passed; the transition cap is set far beyond what the loop reaches before
        // the deadline's callback runs on the thread pool, even on a loaded machine (the default cap takes ~0.5 s).
        string[] args = ["run", DefinitionFiles.PathOf("limits", "endless-choice-loop"), "--input", "{\"x\":1}", "--max-run-seconds", "5", "--max-transitions", "1000000000", "--format", "json"];

        // Act
        var (code, stdout, stderr) = CliRun.InvokeWithClock(new ExpiredClock(), express ? [.. args, "--express"] : args);

        // Assert
        Assert.Equal(3, code);
        Assert.Equal(
            """{"status":"TIMED_OUT","error":"States.Timeout","cause":"The run exceeded --max-run-seconds 5 and was stopped."}""",
            stdout.Trim());
        Assert.Equal("error: the execution did not finish within --max-run-seconds 5; it was stopped (TIMED_OUT).", stderr.Trim());
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Run_MaxRunSecondsNotReached_RunsToItsEnd(bool express)
    {
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(); // never advanced: the deadline never comes
        string[] args = ["run", DefinitionFiles.PathOf("limits", "pass"), "--input", "{\"a\":1}", "--max-run-seconds", "1", "--format", "json"];

        var (code, stdout, _) = CliRun.InvokeWithClock(clock, express ? [.. args, "--express"] : args);

        Assert.Equal(0, code);
        Assert.Contains("\"status\":\"SUCCEEDED\"", stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-3")]
    [InlineData("soon")]
    public void Run_MaxRunSecondsNotAPositiveNumber_OneErrorLineExit2(string value)
    {
        var (code, _, stderr) = CliRun.Invoke("run", DefinitionFiles.PathOf("limits", "pass"), "--max-run-seconds", value);

        Assert.Equal(2, code);
        Assert.StartsWith("error: ", stderr, StringComparison.Ordinal);
        Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void Run_JsonataCutsASurrogatePair_SameCatchableErrorInBothModes()
    {
        var path = DefinitionFiles.PathOf("limits", "jsonata-lone-surrogate");

        var express = CliRun.Invoke("run", path, "--express", "--format", "json");
        var durable = CliRun.Invoke("run", path, "--format", "json");

        Assert.Equal(0, express.ExitCode);
        Assert.Equal(0, durable.ExitCode);
        Assert.Equal("""{"status":"SUCCEEDED","output":{"caught":"States.QueryEvaluationError","pieces":2}}""", express.Stdout.Trim());
        Assert.Equal(express.Stdout, durable.Stdout);
    }
}
