using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace AslOnDurable.Core.Engine.History;

/// <summary>One execution history event, named and numbered as AWS's GetExecutionHistory reports it.</summary>
/// <param name="Id">The event id (1 for ExecutionStarted).</param>
/// <param name="PreviousEventId">The id of the event before it in the same branch (0 when none).</param>
/// <param name="Type">The AWS event type, for example <c>PassStateEntered</c>; see <see cref="HistoryEventTypes"/>.</param>
/// <param name="Timestamp">When it happened, by the host's clock.</param>
/// <param name="Details">The event details (AWS's <c>...EventDetails</c> fields), or <see langword="null"/>.</param>
/// <remarks>
/// The engine records its most frequent events, a state entered or exited, in a compact form (the state's name, its
/// payload as JSON text shared with the neighbouring event, the assigned variables as JSON texts): their
/// <see cref="Details"/> object is built on each read, so keeping history costs little more than the payload texts.
/// </remarks>
public sealed record HistoryEvent(long Id, long PreviousEventId, string Type, DateTimeOffset Timestamp, JsonObject? Details)
{
    private readonly JsonObject? details = Details;

    /// <summary>Gets the event details (AWS's <c>...EventDetails</c> fields), or <see langword="null"/>.</summary>
    /// <remarks>For an event recorded in the compact form, a new object on each read.</remarks>
    public JsonObject? Details
    {
        get => details ?? (State is { } state ? state.ToJson() : null);
        init => details = value;
    }

    /// <summary>Gets the compact details of a state entered or exited event recorded by the engine, or <see langword="null"/>.</summary>
    [JsonIgnore]
    public StateEventDetails? State { get; init; }
}

/// <summary>
/// The details of a <c>*StateEntered</c> or <c>*StateExited</c> event held compactly: <c>{"name", "input"}</c> or
/// <c>{"name", "output", "assignedVariables", "assignedVariablesDetails"}</c> are built from it on demand.
/// </summary>
/// <param name="Name">The state's name.</param>
/// <param name="PayloadUtf8">
/// The state's input (entered) or output (exited) as compact JSON text in UTF-8, never changed once recorded (the engine
/// hands the same memory to an exited event and the next entered event).
/// </param>
/// <param name="Exited">Whether this is an exited event (the payload is the output).</param>
/// <param name="AssignedVariables">The variables the state assigned, each as JSON text, in assignment order; <see langword="null"/> for none.</param>
public sealed record StateEventDetails(string Name, ReadOnlyMemory<byte> PayloadUtf8, bool Exited, IReadOnlyList<KeyValuePair<string, string>>? AssignedVariables = null)
{
    /// <summary>Gets the payload as JSON text (decoded on each read).</summary>
    public string Payload => System.Text.Encoding.UTF8.GetString(PayloadUtf8.Span);

    /// <summary>The details as AWS names them.</summary>
    /// <returns>A new object.</returns>
    public JsonObject ToJson()
    {
        var json = new JsonObject { ["name"] = Name, [Exited ? "output" : "input"] = Payload };
        if (AssignedVariables is { Count: > 0 } assigned)
        {
            var variables = new JsonObject();
            foreach (var (name, text) in assigned)
            {
                variables[name] = text;
            }

            json["assignedVariables"] = variables;
            json["assignedVariablesDetails"] = new JsonObject { ["truncated"] = false };
        }

        return json;
    }
}
