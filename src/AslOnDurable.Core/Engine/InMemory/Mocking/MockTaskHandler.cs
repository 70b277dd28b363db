using AslOnDurable.Core.Errors;
using AslOnDurable.Core.Engine.Tasks;

namespace AslOnDurable.Core.Engine.InMemory.Mocking;

/// <summary>
/// Answers Task states from a mock test case, counting invocations per state (zero-based, retries included);
/// states the test case does not list go to the fallback handler. One instance per execution.
/// </summary>
/// <param name="testCase">The test case.</param>
/// <param name="fallback">Handles states the test case does not mock.</param>
public sealed class MockTaskHandler(MockTestCase testCase, ITaskHandler fallback) : ITaskHandler
{
    private readonly Dictionary<string, int> invocations = new(StringComparer.Ordinal);

    /// <inheritdoc/>
    public ValueTask<TaskOutcome> InvokeAsync(TaskInvocation invocation)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        if (!testCase.States.TryGetValue(invocation.StateName, out var response))
        {
            return fallback.InvokeAsync(invocation);
        }

        invocations.TryGetValue(invocation.StateName, out var count);
        invocations[invocation.StateName] = count + 1;
        return response.TryGet(count, out var result)
            ? new(result.ToOutcome())
            : new(TaskOutcome.Failure(new AslError(
                StatesErrorNames.Runtime,
                $"Mocked response '{response.Name}' has no answer for invocation {count} of state '{invocation.StateName}' (test case '{testCase.Name}').")));
    }
}
