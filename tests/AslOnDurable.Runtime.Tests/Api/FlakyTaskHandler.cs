using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using AslOnDurable.Core.Engine;
using AslOnDurable.Core.Engine.Tasks;
using AslOnDurable.Core.Errors;

namespace AslOnDurable.Runtime.Tests.Api;

/// <summary>Fails each resource's first call; later calls succeed with the input and the attempt number.</summary>
internal sealed class FailsOnceHandler : ITaskHandler
{
    private readonly ConcurrentDictionary<string, int> calls = new(StringComparer.Ordinal);

    public int Calls(string function) => calls.Where(c => c.Key.EndsWith(":" + function, StringComparison.Ordinal)).Sum(c => c.Value);

    public ValueTask<TaskOutcome> InvokeAsync(TaskInvocation invocation)
    {
        int attempt = calls.AddOrUpdate(invocation.Resource, 1, (_, n) => n + 1);
        if (attempt == 1)
        {
            return ValueTask.FromResult(TaskOutcome.Failure(new AslError("Flaky.Failed", "the first call fails")));
        }

        JsonObject result = invocation.Input?.DeepClone() as JsonObject ?? [];
        result["attempt"] = attempt;
        return ValueTask.FromResult(TaskOutcome.Success(result));
    }
}
