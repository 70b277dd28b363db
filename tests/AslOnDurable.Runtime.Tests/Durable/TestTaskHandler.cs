using System.Text.Json.Nodes;
using AslOnDurable.Core.Engine;
using AslOnDurable.Core.Engine.Tasks;
using AslOnDurable.Core.Errors;

namespace AslOnDurable.Runtime.Tests.Durable;

/// <summary>
/// Stateless task handlers keyed by the Lambda function name, so the answer depends only on the invocation (input and
/// retry count) and not on the order activities happen to run in.
/// </summary>
internal sealed class TestTaskHandler : ITaskHandler
{
    private readonly TaskCompletionSource<TaskOutcome> hung = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private readonly TaskCompletionSource hangCalled = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when a "Hang" call has started.</summary>
    public Task HangCalled => hangCalled.Task;

    /// <summary>Lets every "Hang" call return (late) with <c>{"late": true}</c>.</summary>
    public void ReleaseHung() => hung.TrySetResult(TaskOutcome.Success(new JsonObject { ["late"] = true }));

    public ValueTask<TaskOutcome> InvokeAsync(TaskInvocation invocation)
    {
        string function = invocation.Resource[(invocation.Resource.LastIndexOf(':') + 1)..];
        return function switch
        {
            "Echo" => new(TaskOutcome.Success(invocation.Input?.DeepClone())),
            "Add" => new(Add(invocation.Input)),
            "FlakyOnce" => new(invocation.RetryCount == 0
                ? TaskOutcome.Failure(new AslError("Lambda.ServiceException", "try again"))
                : TaskOutcome.Success(new JsonObject { ["attempts"] = invocation.RetryCount + 1 })),
            "AlwaysFail" => new(TaskOutcome.Failure(new AslError("Custom.Error", "it broke"))),
            "Throw" => throw new AslErrorException("Custom.Thrown", "thrown cause"),
            "Crash" => throw new InvalidOperationException("handler crashed"),
            "Hang" => Hang(),
            _ => new(TaskOutcome.Failure(new AslError("States.Runtime", "unknown test function " + function))),
        };
    }

    private ValueTask<TaskOutcome> Hang()
    {
        hangCalled.TrySetResult();
        return new(hung.Task);
    }

    private static TaskOutcome Add(JsonNode? input)
    {
        decimal sum = decimal.Parse(input!["a"]!.ToJsonString()) + decimal.Parse(input["b"]!.ToJsonString());
        return TaskOutcome.Success(new JsonObject { ["sum"] = sum, ["odd"] = sum % 2 == 1 });
    }
}
