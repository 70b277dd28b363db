using System.Text.Json.Nodes;
using AslOnDurable.Core.Engine;
using AslOnDurable.Core.Json;

namespace AslOnDurable.Core.Tests.Fuzzing;

/// <summary>What every execution must end with, whatever its definition and input.</summary>
internal static class ExecutionAssert
{
    /// <summary>
    /// The run ended SUCCEEDED, FAILED or TIMED_OUT; a failure names an error (or is a Fail state's empty one); an
    /// output is well-formed JSON that reads back strictly (UTF-8 writable, no lone surrogate, within the depth limit).
    /// </summary>
    public static void Ended(ExecutionResult result, bool statesErrorsOnly = false)
    {
        Assert.Contains(result.Status, new[] { ExecutionStatus.Succeeded, ExecutionStatus.Failed, ExecutionStatus.TimedOut });
        if (result.Status == ExecutionStatus.Succeeded)
        {
            var text = result.Output?.ToJsonString() ?? "null";
            Assert.True(JsonNode.DeepEquals(result.Output, StrictJson.Parse(text)), text);
        }
        else if (statesErrorsOnly)
        {
            Assert.StartsWith("States.", result.Error!.Error, StringComparison.Ordinal);
        }
    }
}
