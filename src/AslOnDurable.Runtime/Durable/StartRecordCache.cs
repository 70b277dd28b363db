using System.Collections.Concurrent;
using AslOnDurable.Runtime.Durable.Payloads;

namespace AslOnDurable.Runtime.Durable;

/// <summary>
/// The decoded <see cref="StateMachineInput"/> of each running instance, so an orchestrator episode that replays an
/// execution does not decode its input again (the record carries the definition text: ~100 µs per episode for 100
/// states). Keyed by instance id and checked against the whole input text, so a new generation (continue-as-new) or a
/// reused instance id decodes afresh; the record is derived only from that text, so a hit, a miss or an eviction never
/// changes what the orchestrator does (replay-safe). Thread-safe and bounded; callers must not mutate the record's
/// <see cref="StateMachineInput.Input"/>.
/// </summary>
/// <param name="capacity">How many instances to keep; the cache is emptied when it is full.</param>
public sealed class StartRecordCache(int capacity = StartRecordCache.DefaultCapacity)
{
    /// <summary>The default capacity.</summary>
    public const int DefaultCapacity = 1024;

    private readonly ConcurrentDictionary<string, Entry> entries = new(StringComparer.Ordinal);

    /// <summary>Gets the number of cached records.</summary>
    public int Count => entries.Count;

    /// <summary>Returns the decoded record of an orchestration input, decoding it on first use.</summary>
    /// <param name="instanceId">The orchestration instance id.</param>
    /// <param name="inputText">The orchestration input text.</param>
    /// <returns>The record (shared: do not mutate its input).</returns>
    /// <exception cref="System.Text.Json.JsonException">The text is not a <see cref="StateMachineInput"/>.</exception>
    public StateMachineInput Decode(string instanceId, string inputText)
    {
        ArgumentNullException.ThrowIfNull(instanceId);
        ArgumentNullException.ThrowIfNull(inputText);
        if (entries.TryGetValue(instanceId, out Entry? cached) && string.Equals(cached.Text, inputText, StringComparison.Ordinal))
        {
            return cached.Record;
        }

        StateMachineInput record = DurableJson.Deserialize<StateMachineInput>(inputText);
        if (entries.Count >= Math.Max(1, capacity))
        {
            entries.Clear();
        }

        entries[instanceId] = new Entry(inputText, record);
        return record;
    }

    private sealed record Entry(string Text, StateMachineInput Record);
}
