using System.Collections.Concurrent;
using AslOnDurable.Core.Engine;
using AslOnDurable.Core.Engine.Lifecycle;

namespace AslOnDurable.Runtime.Durable;

/// <summary>
/// Parsed and compiled definitions by their text, so replays and executions of one definition compile it once (the
/// text itself is the key: hashing and comparing it costs a few microseconds per orchestrator episode, a digest of it
/// ten times more). Thread-safe and bounded; the cached data is immutable and derived only from the text, so evicting or
/// racing never changes a result (replay-safe).
/// </summary>
/// <param name="capacity">How many definitions to keep; the cache is emptied when it is full.</param>
public sealed class ExecutionPlanCache(int capacity = ExecutionPlanCache.DefaultCapacity)
{
    /// <summary>The default capacity.</summary>
    public const int DefaultCapacity = 128;

    private readonly ConcurrentDictionary<string, CompiledDefinition> entries = new(StringComparer.Ordinal);
    private readonly JsonataLibraryEvaluator jsonata = new();

    /// <summary>Gets the decoded start records of running instances (orchestrator episodes share them with the plans).</summary>
    public StartRecordCache StartRecords { get; } = new();

    /// <summary>Gets the number of cached definitions.</summary>
    public int Count => entries.Count;

    /// <summary>Returns the compiled definition for a definition text, compiling it on first use.</summary>
    /// <param name="definitionJson">The definition text.</param>
    /// <returns>The plan, or why there is none.</returns>
    public CompiledDefinition Get(string definitionJson)
    {
        ArgumentNullException.ThrowIfNull(definitionJson);
        if (entries.TryGetValue(definitionJson, out CompiledDefinition? cached))
        {
            return cached;
        }

        CompiledDefinition compiled = Compile(definitionJson);
        if (entries.Count >= Math.Max(1, capacity))
        {
            entries.Clear();
        }

        return entries.GetOrAdd(definitionJson, compiled);
    }

    private CompiledDefinition Compile(string definitionJson) =>
        ExecutionPlan.FromText(definitionJson, jsonata, out string? problem) is { } plan
            ? new CompiledDefinition(plan, null)
            : new CompiledDefinition(null, problem);
}
