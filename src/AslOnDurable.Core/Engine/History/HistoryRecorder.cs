using System.Buffers;
using System.Text.Json;
using System.Text.Json.Nodes;
using AslOnDurable.Core.Engine.Context;
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

    /// <summary>Whether the sink takes payload texts written in the caller's buffers (<see cref="IDirectHistorySink"/>).</summary>
    public bool WritesIntoBuffers => direct is not null;

    /// <summary>Whether events are kept (callers build details only then).</summary>
    public bool IsEnabled => sink is not null;

    /// <summary>Records an event and returns its id.</summary>
    public long Record(string type, long previousEventId, JsonObject? details = null)
    {
        DateTimeOffset stamp = default;
        return Record(type, previousEventId, details, ref stamp);
    }

    /// <summary>
    /// Records an event and returns its id; <paramref name="stamp"/> takes the event's timestamp when it is kept (a frame
    /// remembers its last event's time: see <see cref="ExecutionFrame.RecordExited"/>), and is left as it was otherwise.
    /// </summary>
    public long Record(string type, long previousEventId, JsonObject? details, ref DateTimeOffset stamp)
    {
        if (!TryTakeId(type, out var id))
        {
            return id;
        }

        if (direct is not null)
        {
            direct.Record(id, previousEventId, type, stamp = host.UtcNow, details);
        }
        else if (sink is not null)
        {
            sink.Record(new HistoryEvent(id, previousEventId, type, stamp = host.UtcNow, details));
        }

        return id;
    }

    /// <summary>
    /// The next event's id, or false (with the last id) once the execution's closing event is recorded; taking the
    /// closing event's id closes the history.
    /// </summary>
    private bool TryTakeId(string type, out long id)
    {
        var closing = type is HistoryEventTypes.ExecutionSucceeded or HistoryEventTypes.ExecutionFailed or HistoryEventTypes.ExecutionTimedOut;
        if (closing ? Interlocked.Exchange(ref closed, 1) != 0 : Volatile.Read(ref closed) != 0)
        {
            id = LastId;
            return false;
        }

        // Interlocked: with an in-memory host, branches whose tasks complete asynchronously may record concurrently.
        id = Interlocked.Increment(ref lastId);
        return true;
    }

    /// <summary>Records a failure event with details <c>{"error", "cause"}</c> (<see cref="Failure"/>); callers check <see cref="IsEnabled"/> first.</summary>
    /// <returns>The event id.</returns>
    public long RecordFailure(string type, long previousEventId, Errors.AslError error)
    {
        DateTimeOffset stamp = default;
        return RecordFailure(type, previousEventId, error, ref stamp);
    }

    /// <summary>Records a failure event as <see cref="RecordFailure(string, long, Errors.AslError)"/> does; <paramref name="stamp"/> as <see cref="Record(string, long, JsonObject?, ref DateTimeOffset)"/> sets it.</summary>
    /// <returns>The event id.</returns>
    public long RecordFailure(string type, long previousEventId, Errors.AslError error, ref DateTimeOffset stamp)
    {
        if (direct is null)
        {
            return Record(type, previousEventId, Failure(error), ref stamp);
        }

        if (TryTakeId(type, out var id))
        {
            direct.RecordFailure(id, previousEventId, type, stamp = host.UtcNow, error.Error, error.Cause);
        }

        return id;
    }

    /// <summary>
    /// Records a Map iteration event with details <c>{"index", "name"}</c>; <paramref name="stamp"/> as
    /// <see cref="Record(string, long, JsonObject?, ref DateTimeOffset)"/> sets it. Callers check <see cref="IsEnabled"/> first.
    /// </summary>
    /// <returns>The event id.</returns>
    public long RecordIteration(string type, long previousEventId, int index, string name, ref DateTimeOffset stamp)
    {
        if (direct is null)
        {
            return Record(type, previousEventId, new JsonObject { ["index"] = index, ["name"] = name }, ref stamp);
        }

        if (TryTakeId(type, out var id))
        {
            direct.RecordIteration(id, previousEventId, type, stamp = host.UtcNow, index, name);
        }

        return id;
    }

    /// <summary>
    /// Records a state entered (<paramref name="assigned"/> unused) or exited event in the compact form
    /// (<see cref="StateEventDetails"/>); the payload is kept as JSON text, as AWS's history reports it, and exited events
    /// carry the variables the state assigned as AWS reports them: <c>assignedVariables</c> maps each name to its value as
    /// JSON text, beside <c>assignedVariablesDetails</c> (never truncated here). A redrive rebuilds the top-level variables
    /// from them (<see cref="RedriveCheckpoints"/>). Callers check <see cref="IsEnabled"/> first (the text is built by them).
    /// </summary>
    /// <returns>The event id.</returns>
    public long RecordState(string type, long previousEventId, string name, ReadOnlyMemory<byte> payload, bool exited, Context.AssignedVariable[]? assigned = null) =>
        RecordState(type, previousEventId, name, payload, exited, host.UtcNow, assigned);

    /// <summary>
    /// Records a state event as <see cref="RecordState(string, long, string, ReadOnlyMemory{byte}, bool, Context.AssignedVariable[])"/>
    /// does, stamped <paramref name="timestamp"/>: a time the caller read from the host's clock for this event (a state
    /// entered event shares the clock read that stamps the state's entered time in the context object).
    /// </summary>
    /// <returns>The event id.</returns>
    public long RecordState(string type, long previousEventId, string name, ReadOnlyMemory<byte> payload, bool exited, DateTimeOffset timestamp, Context.AssignedVariable[]? assigned = null)
    {
        if (Volatile.Read(ref closed) != 0)
        {
            return LastId;
        }

        if (direct is null)
        {
            KeyValuePair<string, string>[]? variables = null;
            if (assigned is { Length: > 0 })
            {
                variables = new KeyValuePair<string, string>[assigned.Length];
                for (var i = 0; i < assigned.Length; i++)
                {
                    variables[i] = new(assigned[i].Name, assigned[i].Held is { } held ? Text(held) : Text(assigned[i].Node));
                }
            }

            var eventId = Interlocked.Increment(ref lastId);
            sink?.Record(new HistoryEvent(eventId, previousEventId, type, timestamp, null) { State = new StateEventDetails(name, payload, exited, variables) });
            return eventId;
        }

        if (assigned is not { Length: > 0 })
        {
            var eventId = Interlocked.Increment(ref lastId);
            direct.RecordState(eventId, previousEventId, type, timestamp, name, payload.Span, exited, default);
            return eventId;
        }

        // The variables' texts in UTF-8, written from their values into the thread's buffer (no string per variable).
        var texts = variableTexts ??= new VariableTextBuffer();
        try
        {
            var variables = texts.Write(assigned);
            var id = Interlocked.Increment(ref lastId);
            direct.RecordState(id, previousEventId, type, timestamp, name, payload.Span, exited, variables);
            return id;
        }
        finally
        {
            texts.Release();
        }
    }

    [ThreadStatic]
    private static VariableTextBuffer? variableTexts;

    /// <summary>A thread's buffer for assigned variables' texts (<see cref="AssignedVariableTexts"/>), reused per event.</summary>
    private sealed class VariableTextBuffer
    {
        private readonly ArrayBufferWriter<byte> texts = new(4096);
        private string[] names = new string[4];
        private int[] ends = new int[4];

        public AssignedVariableTexts Write(Context.AssignedVariable[] assigned)
        {
            if (names.Length < assigned.Length)
            {
                (names, ends) = (new string[assigned.Length], new int[assigned.Length]);
            }

            for (var i = 0; i < assigned.Length; i++)
            {
                if (assigned[i].Held is { } held)
                {
                    HistoryRecorder.Write(new HeldText(held, default), texts);
                }
                else if (assigned[i].Node is { } node)
                {
                    HistoryRecorder.Write(new NodeText(node), texts);
                }
                else
                {
                    texts.Write(NullUtf8);
                }

                (names[i], ends[i]) = (assigned[i].Name, texts.WrittenCount);
            }

            return new(names.AsSpan(0, assigned.Length), ends.AsSpan(0, assigned.Length), texts.WrittenSpan);
        }

        /// <summary>Empties the buffer (and forgets it past one huge text, as <see cref="HistoryRecorder.Release"/> does).</summary>
        public void Release()
        {
            texts.ResetWrittenCount();
            Array.Clear(names);
            if (texts.Capacity > LargeBuffer)
            {
                variableTexts = null;
            }
        }
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
        DateTimeOffset stamp = default;
        return RecordPayload(type, previousEventId, resource, member, payload, ref stamp);
    }

    /// <summary>
    /// Records an event as <see cref="RecordPayload(string, long, string?, string, JsonNode?)"/> does; <paramref name="stamp"/>
    /// as <see cref="Record(string, long, JsonObject?, ref DateTimeOffset)"/> sets it.
    /// </summary>
    /// <returns>The event id.</returns>
    public long RecordPayload(string type, long previousEventId, string? resource, string member, JsonNode? payload, ref DateTimeOffset stamp)
    {
        if (direct is null)
        {
            var details = resource is null ? new JsonObject() : new JsonObject { ["resource"] = resource };
            details[member] = Text(payload);
            return Record(type, previousEventId, details, ref stamp);
        }

        if (!TryTakeId(type, out var id))
        {
            return id;
        }

        if (payload is null)
        {
            direct.RecordPayload(id, previousEventId, type, stamp = host.UtcNow, resource, member, NullUtf8);
            return id;
        }

        var buffer = utf8Buffer ??= new ArrayBufferWriter<byte>(4096);
        try
        {
            Write(new NodeText(payload), buffer);
            direct.RecordPayload(id, previousEventId, type, stamp = host.UtcNow, resource, member, buffer.WrittenSpan);
        }
        finally
        {
            Release(buffer);
        }

        return id;
    }

    /// <summary>
    /// Records a payload event as <see cref="RecordPayload(string, long, string?, string, JsonNode?, ref DateTimeOffset)"/>
    /// does, its text (written once) serving as the payload's quota check: only when the sink takes texts
    /// (<see cref="WritesIntoBuffers"/>), the text nests within <see cref="Lifecycle.PayloadUpperBound.MaxWriteDepth"/> and is
    /// at most <paramref name="limit"/> bytes. The text (default escaping) is never shorter than the size AWS counts, which
    /// <see cref="Lifecycle.PayloadSizeGuard"/> measures, so such a payload is within the quota and its exact walk would
    /// not fail for depth. Otherwise nothing is recorded and the caller measures and records as before.
    /// </summary>
    /// <returns>Whether the event was recorded (or the history is closed); <paramref name="id"/> as <c>RecordPayload</c> returns it.</returns>
    public bool TryRecordPayloadWithin(string type, long previousEventId, string? resource, string member, JsonNode payload, int limit, ref DateTimeOffset stamp, out long id)
    {
        id = 0;
        if (direct is null)
        {
            return false;
        }

        var buffer = utf8Buffer ??= new ArrayBufferWriter<byte>(4096);
        try
        {
            try
            {
                Write(new NodeText(payload), buffer, withinBoundDepth: true);
            }
            catch (Exception e) when (Lifecycle.PayloadUpperBound.IsUnwritable(e))
            {
                return false; // too deep, or a value the writer refuses: measured (and failed) as before
            }

            if (buffer.WrittenCount > limit)
            {
                return false; // maybe over the quota: measured exactly as before
            }

            if (TryTakeId(type, out id))
            {
                direct.RecordPayload(id, previousEventId, type, stamp = host.UtcNow, resource, member, buffer.WrittenSpan);
            }

            return true;
        }
        finally
        {
            Release(buffer);
        }
    }

    /// <summary>A payload as JSON text: a snapshot that later mutation of the node cannot change, and compact to keep.</summary>
    public static string Text(JsonNode? payload) => payload?.ToJsonString(JsonLimits.SerializerOptions) ?? "null";

    /// <summary>A value held as the evaluator's value as the JSON text <see cref="Text(JsonNode?)"/> gives for its node, without building it.</summary>
    public static string Text(HeldJsonataValue held)
    {
        var buffer = utf8Buffer ??= new ArrayBufferWriter<byte>(4096);
        try
        {
            Write(new HeldText(held, default), buffer);
            return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
        }
        finally
        {
            Release(buffer);
        }
    }

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? utf8Buffer;

    [ThreadStatic]
    private static Utf8JsonWriter? utf8Writer;

    [ThreadStatic]
    private static Utf8JsonWriter? boundedWriter; // nests only as deep as a payload bound may (TryRecordPayloadWithin)

    private static readonly byte[] NullUtf8 = "null"u8.ToArray();

    /// <summary>
    /// Where the thread's writers point between uses: nothing writes into it (every use points its writer at its own
    /// buffer first). A writer reset to a stream instead makes itself a new buffer writer each time.
    /// </summary>
    private static readonly ArrayBufferWriter<byte> Detached = new(1);

    /// <summary>
    /// A payload as compact JSON text in UTF-8 (the same text as <see cref="Text(JsonNode?)"/>): a snapshot that later
    /// mutation of the node cannot change, written through a writer kept per thread (no intermediate string).
    /// </summary>
    public static ReadOnlyMemory<byte> Utf8(JsonNode? payload) => payload is null ? NullUtf8 : Utf8(new NodeText(payload));

    private static byte[] Utf8<TPayload>(TPayload payload)
        where TPayload : struct, IPayloadText
    {
        var buffer = utf8Buffer ??= new ArrayBufferWriter<byte>(4096);
        try
        {
            Write(payload, buffer);
            return buffer.WrittenSpan.ToArray();
        }
        finally
        {
            Release(buffer);
        }
    }

    /// <summary>Empties the thread's buffer after a use; one huge payload must not pin its buffer to the thread for good.</summary>
    private static void Release(ArrayBufferWriter<byte> buffer)
    {
        buffer.ResetWrittenCount();
        if (buffer.Capacity > LargeBuffer)
        {
            utf8Buffer = null;
        }
    }

    /// <summary>
    /// A payload as <see cref="Utf8(JsonNode?)"/> writes it, for <see cref="RecordState(string, long, string, ReadOnlyMemory{byte}, bool, Context.AssignedVariable[])"/>: when the sink copies what it
    /// keeps (<see cref="IDirectHistorySink"/>), written into <paramref name="buffer"/> (the caller's, reused: the text is
    /// valid until the caller's next snapshot into it), otherwise a copy of its own.
    /// </summary>
    public ReadOnlyMemory<byte> Snapshot(JsonNode? payload, ref ArrayBufferWriter<byte>? buffer) =>
        payload is null ? NullUtf8 : Snapshot(new NodeText(payload), ref buffer);

    /// <summary>
    /// A payload held as the evaluator's value, as <see cref="Snapshot(JsonNode?, ref ArrayBufferWriter{byte}?)"/> gives
    /// the node it would become (the same text, byte for byte), without building that node; copying
    /// <paramref name="known"/>'s text (none: <see langword="default"/>) where the payload holds its object or begins with
    /// its members. <paramref name="buffer"/> must not hold that text.
    /// </summary>
    public ReadOnlyMemory<byte> Snapshot(HeldJsonataValue payload, in Jsonata.JsonataValueText known, ref ArrayBufferWriter<byte>? buffer) =>
        Snapshot(new HeldText(payload, known), ref buffer);

    private ReadOnlyMemory<byte> Snapshot<TPayload>(TPayload payload, ref ArrayBufferWriter<byte>? buffer)
        where TPayload : struct, IPayloadText
    {
        if (direct is null)
        {
            return Utf8(payload);
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

    /// <summary>
    /// The text <paramref name="before"/> with its bytes from <paramref name="start"/> to <paramref name="end"/> replaced by
    /// <paramref name="replacement"/> written as <see cref="Snapshot(JsonNode?, ref ArrayBufferWriter{byte}?)"/> writes it
    /// (<see cref="PayloadTextSplice"/>), into <paramref name="buffer"/> (reused; it must not hold <paramref name="before"/>).
    /// For sinks that take texts in the caller's buffers only (<see cref="WritesIntoBuffers"/>).
    /// </summary>
    public static ReadOnlyMemory<byte> Splice(ReadOnlyMemory<byte> before, int start, int end, JsonNode replacement, ref ArrayBufferWriter<byte>? buffer)
    {
        if (buffer is null || buffer.Capacity > LargeBuffer)
        {
            buffer = new ArrayBufferWriter<byte>(before.Length + 256);
        }
        else
        {
            buffer.ResetWrittenCount();
        }

        buffer.Write(before.Span[..start]);
        Write(new NodeText(replacement), buffer);
        buffer.Write(before.Span[end..]);
        return buffer.WrittenMemory;
    }

    private const int LargeBuffer = 1024 * 1024;

    /// <summary>Writes <paramref name="payload"/> as compact JSON into <paramref name="target"/> through the thread's writer.</summary>
    private static void Write<TPayload>(TPayload payload, ArrayBufferWriter<byte> target, bool withinBoundDepth = false)
        where TPayload : struct, IPayloadText
    {
        var writer = withinBoundDepth
            ? boundedWriter ??= new Utf8JsonWriter(target, new JsonWriterOptions { MaxDepth = Lifecycle.PayloadUpperBound.MaxWriteDepth, SkipValidation = true })
            : utf8Writer ??= new Utf8JsonWriter(target, new JsonWriterOptions { MaxDepth = JsonLimits.MaxDepth, SkipValidation = true }); // nodes are well-formed: no structure to check
        writer.Reset(target);
        try
        {
            payload.WriteTo(writer, target);
            writer.Flush();
        }
        finally
        {
            writer.Reset(Detached); // holds no caller's buffer between uses; the next use points it at its own
        }
    }

    /// <summary>Something whose JSON text the recorder writes (a struct per kind: the generic writers are specialized, no box).</summary>
    private interface IPayloadText
    {
        /// <summary>Writes the text with <paramref name="writer"/>, which writes into <paramref name="target"/>.</summary>
        void WriteTo(Utf8JsonWriter writer, ArrayBufferWriter<byte> target);
    }

    /// <summary>A node, written as itself.</summary>
    private readonly struct NodeText(JsonNode node) : IPayloadText
    {
        public void WriteTo(Utf8JsonWriter writer, ArrayBufferWriter<byte> target) => node.WriteTo(writer, JsonLimits.SerializerOptions);
    }

    /// <summary>
    /// A value held as the evaluator's value, written as the node it would become; the objects in it keep their texts
    /// (<see cref="Jsonata.JsonataValue.WriteTo(Utf8JsonWriter, ArrayBufferWriter{byte})"/>): held values share objects
    /// from state to state (the output as the next input, a variable's members in its next value), written again here.
    /// </summary>
    /// <remarks>With a known text (<see cref="Jsonata.JsonataValueText"/>), the object it is the text of is copied from it.</remarks>
    private readonly struct HeldText(HeldJsonataValue held, Jsonata.JsonataValueText known) : IPayloadText
    {
        public void WriteTo(Utf8JsonWriter writer, ArrayBufferWriter<byte> target) => held.Value.WriteTo(writer, target, in known);
    }

    /// <summary>Details for failure events.</summary>
    public static JsonObject Failure(Errors.AslError error) => new() { ["error"] = error.Error, ["cause"] = error.Cause };
}
