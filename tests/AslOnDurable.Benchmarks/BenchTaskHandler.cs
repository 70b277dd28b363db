using System.Text.Json.Nodes;
using AslOnDurable.Core.Engine;
using AslOnDurable.Core.Engine.Tasks;
using AslOnDurable.Core.Errors;

namespace AslOnDurable.Benchmarks;

/// <summary>
/// The in-process task mocks of the bench contract: <c>bench-echo</c> returns its input; <c>bench-risky</c> throws
/// <c>Custom.Fatal</c> when <c>i % fatalEvery == 0</c>, else <c>Custom.Boom</c> when <c>i % failEvery == 0</c>,
/// else returns <c>{"ok":true,"i":i}</c>. Synchronous, no I/O.
/// </summary>
internal sealed class BenchTaskHandler : ITaskHandler
{
    public ValueTask<TaskOutcome> InvokeAsync(TaskInvocation invocation)
    {
        var function = invocation.Resource[(invocation.Resource.LastIndexOf(':') + 1)..];
        return ValueTask.FromResult(function switch
        {
            "bench-echo" => TaskOutcome.Success(invocation.Input?.DeepClone()),
            "bench-risky" => Risky(invocation.Input!),
            _ => TaskOutcome.Failure(new AslError("States.TaskFailed", $"no bench mock for {invocation.Resource}")),
        });
    }

    private static TaskOutcome Risky(JsonNode input)
    {
        var i = input["i"]!.GetValue<long>();
        if (i % input["fatalEvery"]!.GetValue<long>() == 0)
        {
            return TaskOutcome.Failure(new AslError("Custom.Fatal", $"fatal at {i}"));
        }

        if (i % input["failEvery"]!.GetValue<long>() == 0)
        {
            return TaskOutcome.Failure(new AslError("Custom.Boom", $"boom at {i}"));
        }

        return TaskOutcome.Success(new JsonObject { ["ok"] = true, ["i"] = i });
    }
}
