using AslOnDurable.Core.Engine;
using AslOnDurable.Testing;

namespace AslOnDurable.Core.Tests.Engine.Executors;

public sealed class SucceedStateExecutorTests
{
    [Fact]
    public void Execute_InputPathAndOutputPath_ShapeTheExecutionOutput()
    {
        var result = EngineRun.Run("""{"StartAt":"S","States":{"S":{"Type":"Succeed","InputPath":"$.a","OutputPath":"$.b"}}}""", """{"a":{"b":3}}""");

        Assert.Equal(ExecutionStatus.Succeeded, result.Status);
        Assert.Equal(3, result.Output!.GetValue<int>());
    }
}
