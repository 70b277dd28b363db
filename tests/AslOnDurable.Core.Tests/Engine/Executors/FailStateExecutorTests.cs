using AslOnDurable.Core.Engine;
using AslOnDurable.Testing;

namespace AslOnDurable.Core.Tests.Engine.Executors;

public sealed class FailStateExecutorTests
{
    [Fact]
    public void Execute_ErrorAndCause_FailTheExecution()
    {
        var result = EngineRun.Run("""{"StartAt":"F","States":{"F":{"Type":"Fail","Error":"E","Cause":"C"}}}""");

        Assert.Equal(ExecutionStatus.Failed, result.Status);
        Assert.Equal(new("E", "C"), result.Error);
    }

    [Fact]
    public void Execute_ErrorPathAndCausePath_ReadInputAndContext()
    {
        var result = EngineRun.Run("""{"StartAt":"F","States":{"F":{"Type":"Fail","ErrorPath":"$.e","CausePath":"$$.State.Name"}}}""", """{"e":"Err"}""");

        Assert.Equal(new("Err", "F"), result.Error);
    }

    [Fact]
    public void Execute_NoError_FailsWithoutErrorName()
    {
        var result = EngineRun.Run("""{"StartAt":"F","States":{"F":{"Type":"Fail"}}}""");

        Assert.Equal(ExecutionStatus.Failed, result.Status);
        Assert.Null(result.Error);
    }

    [Fact]
    public void Execute_ErrorPathMissing_FailsWithRuntimeCause()
    {
        var result = EngineRun.Run("""{"StartAt":"F","States":{"F":{"Type":"Fail","ErrorPath":"$.x"}}}""", """{"a":1}""");

        Assert.Equal(
            "An error occurred while executing the state 'F' (entered at the event id #2). The JSONPath '$.x' specified for the field 'ErrorPath' could not be found in the input '{\"a\":1}'",
            result.Error!.Cause);
    }
}
