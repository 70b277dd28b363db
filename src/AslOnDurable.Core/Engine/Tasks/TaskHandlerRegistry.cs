using System.Collections.Frozen;
using AslOnDurable.Core.Errors;

namespace AslOnDurable.Core.Engine.Tasks;

/// <summary>
/// Resolves a Task state's <c>Resource</c> to a handler: an exact resource match first, then the longest registered
/// prefix ending in <c>*</c> (for example <c>arn:aws:lambda:*</c>). Built once, read-only.
/// </summary>
public sealed class TaskHandlerRegistry : ITaskHandler
{
    private readonly FrozenDictionary<string, ITaskHandler> exact;
    private readonly KeyValuePair<string, ITaskHandler>[] prefixes;

    /// <summary>Creates the registry.</summary>
    /// <param name="handlers">Resources (or prefixes ending in <c>*</c>) and their handlers.</param>
    public TaskHandlerRegistry(IEnumerable<KeyValuePair<string, ITaskHandler>> handlers)
    {
        var exactMap = new Dictionary<string, ITaskHandler>(StringComparer.Ordinal);
        var prefixList = new List<KeyValuePair<string, ITaskHandler>>();
        foreach (var (resource, handler) in handlers)
        {
            if (resource.EndsWith('*'))
            {
                prefixList.Add(new(resource[..^1], handler));
            }
            else
            {
                exactMap[resource] = handler;
            }
        }

        prefixList.Sort((a, b) => b.Key.Length.CompareTo(a.Key.Length));
        exact = exactMap.ToFrozenDictionary(StringComparer.Ordinal);
        prefixes = [.. prefixList];
    }

    /// <summary>A registry with no handlers: every task fails with a clear error.</summary>
    public static TaskHandlerRegistry Empty { get; } = new([]);

    /// <summary>Finds the handler for a resource.</summary>
    /// <param name="resource">The resource ARN or URI.</param>
    /// <param name="handler">The handler.</param>
    /// <returns>Whether one is registered.</returns>
    public bool TryResolve(string resource, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out ITaskHandler? handler)
    {
        if (exact.TryGetValue(resource, out handler))
        {
            return true;
        }

        foreach (var (prefix, candidate) in prefixes)
        {
            if (resource.StartsWith(prefix, StringComparison.Ordinal))
            {
                handler = candidate;
                return true;
            }
        }

        handler = null;
        return false;
    }

    /// <inheritdoc/>
    public ValueTask<TaskOutcome> InvokeAsync(TaskInvocation invocation)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        return TryResolve(invocation.Resource, out var handler)
            ? handler.InvokeAsync(invocation)
            : new(TaskOutcome.Failure(new AslError(
                StatesErrorNames.Runtime,
                $"No task handler is registered for resource '{invocation.Resource}' (state '{invocation.StateName}') and no mocked response applies.")));
    }
}
