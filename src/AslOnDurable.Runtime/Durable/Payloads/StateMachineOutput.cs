using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace AslOnDurable.Runtime.Durable.Payloads;

/// <summary>Output of <see cref="StateMachineOrchestrator"/>: how the execution ended (stored in durable history).</summary>
/// <param name="Version">The record version (<see cref="PayloadVersion.Current"/> when written).</param>
/// <param name="Status">AWS's status text: <c>SUCCEEDED</c>, <c>FAILED</c>, <c>TIMED_OUT</c> or <c>ABORTED</c>.</param>
[JsonConverter(typeof(StateMachineOutputConverter))]
public sealed record StateMachineOutput(int Version, string Status)
{
    /// <summary>Gets the output when the execution succeeded (<c>null</c> also for JSON null).</summary>
    public JsonNode? Output { get; init; }

    /// <summary>Gets the error name when it failed or timed out, if any.</summary>
    public string? Error { get; init; }

    /// <summary>Gets the cause when it failed or timed out, if any.</summary>
    public string? Cause { get; init; }
}
