using System.Buffers;
using System.Text.Json;
using System.Text.Json.Nodes;
using AslOnDurable.Core.Json;

namespace AslOnDurable.Core.Engine.History;

/// <summary>
/// Numbers events as AWS does and forwards them to the sink; with no sink it only counts. The closing event
/// (ExecutionSucceeded, ExecutionFailed or ExecutionTimedOut) is final: a branch or iteration still running when the
/// execution ended (a Parallel or Map abandons its pending children when it fails) records nothing after it, so the
/// history ends with its closing event as AWS's does and a redrive reads it whole.
/// </summary>
/// <param name="sink">The sink, or <see langword="null"/> to record nothing.</param>
/// <param name="host">The host whose clock stamps events.</param>
internal sealed class HistoryRecorder(IHistorySink? sink, IExecutionHost host)
{
    private readonly IDirectHistorySink? direct = sink as IDirectHistorySink;
    private long lastId;
    private int closed;

    /// <summary>The id of the last event recorded (0 before the first).</summary>
    public long LastId => Interlocked.Read(ref lastId);

    /// <summary>Continues numbering after <paramref name="id"/> (a run resumed from a checkpoint).</summary>
    public void ContinueFrom(long id) => Interlocked.Exchange(ref lastId, id);

    /// <summary>Whether events are kept (callers build details only then).</summary>
    public bool IsEnabled => sink is not null;

    /// <summary>Records an event and returns its id.</summary>
    public long Record(string type, long previousEventId, JsonObject? details = null)
    {
        if (AfterTheEnd(type))
        {
            return LastId;
        }

        // Interlocked: with an in-memory host, branches whose tasks complete asynchronously may record concurrently.
        var id = Interlocked.Increment(ref lastId);
        if (direct is not null)
        {
            direct.Record(id, previousEventId, type, host.UtcNow, details);
        }
        else
        {
            sink?.Record(new HistoryEvent(id, previousEventId, type, host.UtcNow, details));
        }

        return id;
    }

    /// <summary>Whether an event of <paramref name="type"/> comes after the closing event (a closing event closes the history).</summary>
    private bool AfterTheEnd(string type)
    {
        var closing = type is HistoryEventTypes.ExecutionSucceeded or HistoryEventTypes.ExecutionFailed or HistoryEventTypes.ExecutionTimedOut;
        return closing ? Interlocked.Exchange(ref closed, 1) != 0 : Volatile.Read(ref closed) != 0;
    }

    /// <summary>
    /// Records a state entered (<paramref name="assigned"/> unused) or exited event in the compact form
    /// (<see cref="StateEventDetails"/>); the payload is kept as JSON text, as AWS's history reports it, and exited events
    /// carry the variables the state assigned as AWS reports them: <c>assignedVariables</c> maps each name to its value as
    /// JSON text, beside <c>assignedVariablesDetails</c> (never truncated here). A redrive rebuilds the top-level variables
    /// from them (<see cref="RedriveCheckpoints"/>). Callers check <see cref="IsEnabled"/> first (the text is built by them).
    /// </summary>
    /// <returns>The event id.</returns>
    public long RecordState(string type, long previousEventId, string name, ReadOnlyMemory<byte> payload, bool exited, Context.AssignedVariable[]? assigned = null)
    {
        if (Volatile.Read(ref closed) != 0)
        {
            return LastId;
        }

        KeyValuePair<string, string>[]? variables = null;
        if (assigned is { Length: > 0 })
        {
            variables = new KeyValuePair<string, string>[assigned.Length];
            for (var i = 0; i < assigned.Length; i++)
            {
                variables[i] = new(assigned[i].Name, Text(assigned[i].Value));
            }
        }

        var id = Interlocked.Increment(ref lastId);
        if (direct is not null)
        {
            direct.RecordState(id, previousEventId, type, host.UtcNow, name, payload.Span, exited, variables);
        }
        else
        {
            sink?.Record(new HistoryEvent(id, previousEventId, type, host.UtcNow, null) { State = new StateEventDetails(name, payload, exited, variables) });
        }

        return id;
    }

    /// <summary>
    /// Records an event whose details are <c>{"resource": resource, member: payload as JSON text}</c> (no resource member
    /// when <paramref name="resource"/> is <see langword="null"/>): the Task scheduled/succeeded and execution succeeded
    /// events. With a sink that copies what it keeps, the text is written in UTF-8 into a buffer of the thread and handed
    /// over as it is (no string, no details object). Callers check <see cref="IsEnabled"/> first.
    /// </summary>
    /// <returns>The event id.</returns>
    public long RecordPayload(string type, long previousEventId, string? resource, string member, JsonNode? payload)
    {
        if (direct is null)
        {
            var details = resource is null ? new JsonObject() : new JsonObject { ["resource"] = resource };
            details[member] = Text(payload);
            return Record(type, previousEventId, details);
        }

        if (AfterTheEnd(type))
        {
            return LastId; // ExecutionSucceeded comes this way: it closes the history as well
        }

        var id = Interlocked.Increment(ref lastId);
        if (payload is null)
        {
            direct.RecordPayload(id, previousEventId, type, host.UtcNow, resource, member, NullUtf8);
            return id;
        }

        var buffer = utf8Buffer ??= new ArrayBufferWriter<byte>(4096);
        try
        {
            Write(payload, buffer);
            direct.RecordPayload(id, previousEventId, type, host.UtcNow, resource, member, buffer.WrittenSpan);
        }
        finally
        {
            buffer.ResetWrittenCount();
            if (buffer.Capacity > LargeBuffer)
            {
                utf8Buffer = null;
            }
        }

        return id;
    }

    /// <summary>A payload as JSON text: a snapshot that later mutation of the node cannot change, and compact to keep.</summary>
    public static string Text(JsonNode? payload) => payload?.ToJsonString(JsonLimits.SerializerOptions) ?? "null";

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? utf8Buffer;

    [ThreadStatic]
    private static Utf8JsonWriter? utf8Writer;

    private static readonly byte[] NullUtf8 = "null"u8.ToArray();

    /// <summary>
    /// A payload as compact JSON text in UTF-8 (the same text as <see cref="Text"/>): a snapshot that later mutation of
    /// the node cannot change, written through a writer kept per thread (no intermediate string).
    /// </summary>
    public static ReadOnlyMemory<byte> Utf8(JsonNode? payload)
    {
        if (payload is null)
        {
            return NullUtf8;
        }

        var buffer = utf8Buffer ??= new ArrayBufferWriter<byte>(4096);
        try
        {
            Write(payload, buffer);
            return buffer.WrittenSpan.ToArray();
        }
        finally
        {
            buffer.ResetWrittenCount();
            if (buffer.Capacity > LargeBuffer)
            {
                // One huge payload must not pin its buffer to the thread for good.
                utf8Buffer = null;
            }
        }
    }

    /// <summary>
    /// A payload as <see cref="Utf8"/> writes it, for <see cref="RecordState"/>: when the sink copies what it keeps
    /// (<see cref="IDirectHistorySink"/>), written into <paramref name="buffer"/> (the caller's, reused: the text is valid
    /// until the caller's next snapshot into it), otherwise a copy of its own.
    /// </summary>
    public ReadOnlyMemory<byte> Snapshot(JsonNode? payload, ref ArrayBufferWriter<byte>? buffer)
    {
        if (direct is null)
        {
            return Utf8(payload);
        }

        if (payload is null)
        {
            return NullUtf8;
        }

        if (buffer is null || buffer.Capacity > LargeBuffer)
        {
            buffer = new ArrayBufferWriter<byte>(); // grows to the frame's payloads (a Map iteration's are mostly small); a huge payload's buffer is not kept past the next snapshot
        }
        else
        {
            buffer.ResetWrittenCount();
        }

        Write(payload, buffer);
        return buffer.WrittenMemory;
    }

    private const int LargeBuffer = 1024 * 1024;

    /// <summary>Writes <paramref name="payload"/> as compact JSON into <paramref name="target"/> through the thread's writer.</summary>
    private static void Write(JsonNode payload, ArrayBufferWriter<byte> target)
    {
        var writer = utf8Writer ??= new Utf8JsonWriter(target, new JsonWriterOptions { MaxDepth = JsonLimits.MaxDepth, SkipValidation = true }); // nodes are well-formed: no structure to check
        writer.Reset(target);
        try
        {
            payload.WriteTo(writer, JsonLimits.SerializerOptions);
            writer.Flush();
        }
        finally
        {
            writer.Reset(Stream.Null); // holds no caller's buffer between uses; the next use points it at its own
        }
    }

    /// <summary>Details for failure events.</summary>
    public static JsonObject Failure(Errors.AslError error) => new() { ["error"] = error.Error, ["cause"] = error.Cause };
}
