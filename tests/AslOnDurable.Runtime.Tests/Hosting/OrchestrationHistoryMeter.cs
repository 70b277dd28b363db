using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace AslOnDurable.Runtime.Tests.Hosting;

/// <summary>
/// Measures the durable history of every execution (generation) from DurableTask.Core's structured logs, for backends
/// that do not serve history (the in-memory one): each inbound message processed (ProcessingOrchestrationMessage) and
/// each action scheduled (OrchestrationExecuted.ActionCount) is one history event, plus an OrchestratorStarted and
/// OrchestratorCompleted pair per episode.
/// </summary>
internal sealed class OrchestrationHistoryMeter : ILoggerFactory, ILogger
{
    private readonly ConcurrentDictionary<string, int[]> byExecution = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> instances = new(StringComparer.Ordinal);

    /// <summary>The instance id of every execution id seen (when the log names it).</summary>
    public IReadOnlyDictionary<string, string> InstanceIds => instances;

    /// <summary>History events per execution id (messages + actions + 2 per episode).</summary>
    public IReadOnlyDictionary<string, int> HistorySizes =>
        byExecution.ToDictionary(e => e.Key, e => e.Value[0] + e.Value[1] + (2 * e.Value[2]), StringComparer.Ordinal);

    public ILogger CreateLogger(string categoryName) => this;

    public void AddProvider(ILoggerProvider provider)
    {
    }

    public void Dispose()
    {
    }

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (state is not IReadOnlyDictionary<string, object> fields || !fields.TryGetValue("ExecutionId", out object? id) || id is not string executionId || executionId.Length == 0)
        {
            return;
        }

        if (fields.TryGetValue("InstanceId", out object? instance) && instance is string instanceId)
        {
            instances.TryAdd(executionId, instanceId);
        }

        switch (eventId.Name)
        {
            case "ProcessingOrchestrationMessage":
                Interlocked.Increment(ref Counters(executionId)[0]);
                break;
            case "OrchestrationExecuted" when fields.TryGetValue("ActionCount", out object? actions) && actions is int count:
                int[] counters = Counters(executionId);
                Interlocked.Add(ref counters[1], count);
                Interlocked.Increment(ref counters[2]);
                break;
        }
    }

    private int[] Counters(string executionId) => byExecution.GetOrAdd(executionId, _ => new int[3]);
}
