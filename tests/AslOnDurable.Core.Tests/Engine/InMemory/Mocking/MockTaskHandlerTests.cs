using AslOnDurable.Core.Engine;
using AslOnDurable.Core.Engine.InMemory.Mocking;
using AslOnDurable.Core.Engine.Tasks;
using AslOnDurable.Core.Errors;

namespace AslOnDurable.Core.Tests.Engine.InMemory.Mocking;

public sealed class MockTaskHandlerTests
{
    private static MockTaskHandler Handler() => new(
        MockConfiguration.Parse("""
            {"StateMachines":{"M":{"TestCases":{"Case":{"Invoke":"R"}}}},
             "MockedResponses":{"R":{"0":{"Throw":{"Error":"Boom","Cause":"c"}},"1":{"Return":{"n":1}}}}}
            """).GetTestCase(null, "Case"),
        TaskHandlerRegistry.Empty);

    private static TaskInvocation Call(string state) => new() { StateName = state, Resource = "arn:aws:states:::lambda:invoke", ExecutionId = "e" };

    [Fact]
    public async Task InvokeAsync_CountsInvocationsPerState()
    {
        var handler = Handler();

        var first = await handler.InvokeAsync(Call("Invoke"));
        var second = await handler.InvokeAsync(Call("Invoke"));
        var third = await handler.InvokeAsync(Call("Invoke"));

        Assert.Equal(new AslError("Boom", "c"), first.Error);
        Assert.Equal(1, second.Result!["n"]!.GetValue<int>());
        Assert.Equal(StatesErrorNames.Runtime, third.Error!.Error);
    }

    [Fact]
    public async Task InvokeAsync_StateNotInTestCase_GoesToFallback()
    {
        var outcome = await Handler().InvokeAsync(Call("Other"));

        Assert.Contains("no mocked response", outcome.Error!.Cause, StringComparison.Ordinal);
    }
}
