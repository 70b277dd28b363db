using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using AslOnDurable.Core.Engine;
using AslOnDurable.Core.Engine.Tasks;
using AslOnDurable.Core.Errors;

namespace AslOnDurable.Runtime.Tests.Api;

/// <summary>
/// A Task handler for redrive tests: the first <c>failures</c> calls of each key fail with <c>Flaky.Failed</c>, later
/// calls succeed with the input, the call number (<c>attempt</c>) and the task's retry count (<c>retry</c>). A key is the
/// resource, or the resource and the input when <c>perInput</c>; only resources ending with <c>:only</c> fail when given.
/// </summary>
/// <param name="only">The function name whose calls fail, or <see langword="null"/> for every resource.</param>
/// <param name="perInput">Whether calls are counted per resource and input (else per resource).</param>
/// <param name="failures">How many calls of each key fail.</param>
internal sealed class FlakyTaskHandler(string? only = null, bool perInput = false, int failures = 1) : ITaskHandler
{
    private readonly ConcurrentDictionary<string, int> calls = new(StringComparer.Ordinal);

    /// <summary>How many calls of each key fail (set before the first call).</summary>
    public int Failures { get; set; } = failures;

    /// <summary>How many times <paramref name="function"/> was called, over every input.</summary>
    public int Calls(string function) =>
        calls.Where(c => c.Key.Split('|')[0].EndsWith(":" + function, StringComparison.Ordinal)).Sum(c => c.Value);

    public ValueTask<TaskOutcome> InvokeAsync(TaskInvocation invocation)
    {
        string key = perInput ? invocation.Resource + "|" + (invocation.Input?.ToJsonString() ?? "null") : invocation.Resource;
        int attempt = calls.AddOrUpdate(key, 1, (_, n) => n + 1);
        if (attempt <= Failures && (only is null || invocation.Resource.EndsWith(":" + only, StringComparison.Ordinal)))
        {
            return ValueTask.FromResult(TaskOutcome.Failure(new AslError("Flaky.Failed", $"call {attempt} fails")));
        }

        JsonObject result = invocation.Input?.DeepClone() as JsonObject ?? [];
        result["attempt"] = attempt;
        if (invocation.RetryCount > 0)
        {
            result["retry"] = invocation.RetryCount;
        }

        return ValueTask.FromResult(TaskOutcome.Success(result));
    }
}
