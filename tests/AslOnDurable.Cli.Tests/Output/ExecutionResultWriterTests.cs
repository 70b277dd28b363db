using System.Text.Json.Nodes;
using AslOnDurable.Cli.Output;
using AslOnDurable.Core.Engine;
using AslOnDurable.Core.Errors;
using AslOnDurable.Testing;

namespace AslOnDurable.Cli.Tests.Output;

public sealed class ExecutionResultWriterTests
{
    [Fact]
    public void ToJson_Succeeded_HasStatusAndOutputOnly()
    {
        var json = ExecutionResultWriter.ToJson(new ExecutionResult(ExecutionStatus.Succeeded, JsonNode.Parse("[1]"), null));

        JsonAssert.Equal("""{"status":"SUCCEEDED","output":[1]}""", json);
    }

    [Fact]
    public void ToJson_FailedWithoutError_UsesNulls()
    {
        var json = ExecutionResultWriter.ToJson(new ExecutionResult(ExecutionStatus.Failed, null, null));

        JsonAssert.Equal("""{"status":"FAILED","error":null,"cause":null}""", json);
    }

    [Fact]
    public void WriteJson_TimedOut_WritesOneLine()
    {
        using var writer = new StringWriter();

        ExecutionResultWriter.WriteJson(new ExecutionResult(ExecutionStatus.TimedOut, null, new AslError("States.Timeout", null)), writer);

        var lines = writer.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Single(lines);
        JsonAssert.Equal("""{"status":"TIMED_OUT","error":"States.Timeout","cause":null}""", JsonNode.Parse(lines[0]));
    }
}
