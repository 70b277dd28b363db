using System.Text.Json;
using System.Text.Json.Nodes;

namespace AslOnDurable.Core.Engine.History;

/// <summary>
/// Keeps history events in memory, in the order they were recorded (safe for concurrent branches), packed: each event
/// is a packed entry without references (a few bytes), its payload texts and other details UTF-8 bytes in large shared blocks,
/// state and type names stored once. A payload recorded again (a state's output is the next state's input) is stored
/// once, and a new payload is stored as its difference from the one before it (in recording order): the length of the
/// prefix and of the suffix they share, and the bytes between. <see cref="Events"/> rebuilds the events (decoding the
/// payloads in order).
/// </summary>
/// <remarks>
/// A long execution keeps many events for a long time; as separate objects (an event, its details object, their
/// members, the texts) they make every garbage collection copy and scan them, which made keeping history cost several
/// times the execution itself. Packed, the collector sees a few large arrays (which it neither copies nor scans
/// through). Successive payloads mostly differ in a few members (a counter, one field a state set): stored as
/// differences they hold tens of bytes instead of the whole text (the first bench's pass-chain: 946 B a payload whole,
/// about 32 B as a difference), and every byte not held is memory the process need not grow into (first touches of new
/// pages cost more than the copy, notably in virtual machines). Details read back are equal as JSON: the same members in
/// the same order, strings, numbers (as written) and literals; payloads are byte for byte the recorded ones.
/// </remarks>
/// <param name="maxEvents">How many events to keep (AWS's console shows at most 25,000); unbounded by default.</param>
public sealed partial class CompactHistorySink(int maxEvents = int.MaxValue) : IHistorySink, IDirectHistorySink
{
    private const int BytesPerBlock = 64 * 1024;
    private const byte Generic = 0;
    private const byte Entered = 1;
    private const byte Exited = 2;
    private const byte PayloadDetails = 3; // details {resource?, member: payload as a string}: the payload stored as state payloads are, the resource as the name, the member's name id as the extra length
    private const int MaxNamesByReference = 4096; // names built per event (not the plan's instances) must not grow it without end

    private readonly Gate gate = new(); // one compare-exchange per event to enter, a release write to leave (see Gate)
    private readonly EntryLog entryLog = new();
    private readonly List<byte[]> blocks = [];
    private readonly Dictionary<string, int> nameIds = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> nameIdsByReference = new(ReferenceEqualityComparer.Instance);
    private readonly List<string> names = [];
    private System.Buffers.ArrayBufferWriter<byte> scratch = new(1024);
    private System.Buffers.ArrayBufferWriter<byte> lastExtra = new(1024); // the details last written, which the next are written against
    private System.Buffers.ArrayBufferWriter<byte> lastVariables = new(1024); // the assigned variables last written (their own chain: see RecordState)
    private System.Buffers.ArrayBufferWriter<byte> earlierVariables = new(1024); // the ones written before those (see EndVariables)

    [ThreadStatic]
    private static Utf8JsonWriter? writer; // per thread, pointed at the recording sink's buffer on each use
    private Placement placement = new();
    private EntryEncoder encoder;
    private int count;
    private long dropped;
    private PayloadChain statePayloads; // state entered/exited payloads, each stored against the one before
    private PayloadChain taskPayloads; // PayloadDetails payloads (a Task's parameters and output, a retry's the same again): their own chain

    /// <summary>How many events are kept.</summary>
    public int Count
    {
        get
        {
            using (gate.Enter())
            {
                return count;
            }
        }
    }

    /// <summary>How many events were recorded past the bound and not kept.</summary>
    public long Dropped => Interlocked.Read(ref dropped);

    /// <summary>
    /// Lets go of what is kept only to write the next events (the details, variables and payloads last written, which
    /// the next are stored against, and a scratch buffer): call when the execution closed and its history is kept for
    /// reading. Events recorded later (a redrive) are still kept; the first of each kind is stored whole.
    /// </summary>
    public void ReleaseWorkingBuffers()
    {
        using (gate.Enter())
        {
            scratch = new();
            lastExtra = new();
            lastVariables = new();
            earlierVariables = new();
            statePayloads = default;
            taskPayloads = default;
        }
    }

    /// <summary>The events recorded so far, in order (the first <c>maxEvents</c> of them), rebuilt on each call.</summary>
    public IReadOnlyList<HistoryEvent> Events
    {
        get
        {
            using (gate.Enter())
            {
                var events = new HistoryEvent[count];
                EntryDecoder decoder = new(this);
                EntryLog.Reader reader = new(entryLog);
                for (var i = 0; i < count; i++)
                {
                    events[i] = decoder.Next(i, reader.Next());
                }

                return events;
            }
        }
    }

    /// <inheritdoc/>
    public void Record(HistoryEvent historyEvent)
    {
        ArgumentNullException.ThrowIfNull(historyEvent);
        if (historyEvent.State is { } state)
        {
            RecordState(historyEvent.Id, historyEvent.PreviousEventId, historyEvent.Type, historyEvent.Timestamp, state.Name, state.PayloadUtf8.Span, state.Exited, state.AssignedVariables, default);
        }
        else
        {
            Record(historyEvent.Id, historyEvent.PreviousEventId, historyEvent.Type, historyEvent.Timestamp, historyEvent.Details);
        }
    }

    /// <inheritdoc/>
    void IDirectHistorySink.RecordState(long id, long previousEventId, string type, DateTimeOffset timestamp, string name, ReadOnlySpan<byte> payload, bool exited, AssignedVariableTexts assignedVariables)
        => RecordState(id, previousEventId, type, timestamp, name, payload, exited, null, assignedVariables);

    /// <inheritdoc/>
    void IDirectHistorySink.Record(long id, long previousEventId, string type, DateTimeOffset timestamp, JsonObject? details)
        => Record(id, previousEventId, type, timestamp, details);

    /// <inheritdoc/>
    /// <remarks>
    /// The payload is stored as state payloads are (raw bytes, as a difference from the payload stored before it in a chain
    /// of their own), not escaped into a details text; the resource and the member are name ids, and the reader builds
    /// <c>{"resource"?, member: payload as a string}</c>.
    /// </remarks>
    void IDirectHistorySink.RecordPayload(long id, long previousEventId, string type, DateTimeOffset timestamp, string? resource, string member, ReadOnlySpan<byte> payload)
    {
        using (gate.Enter())
        {
            // The resource goes where a state event keeps its state's name, the member's name id where other events keep
            // their details' length: no text beside the payload (a Task's resource is the plan's string, found by reference).
            if (!TryBegin(id, previousEventId, type, resource, PayloadDetails, timestamp, out var entry))
            {
                return;
            }

            entry.PayloadLength = taskPayloads.Store(this, payload);
            entry.ExtraLength = NameId(member);
            Add(in entry);
        }
    }

    /// <inheritdoc/>
    void IDirectHistorySink.RecordFailure(long id, long previousEventId, string type, DateTimeOffset timestamp, string? error, string? cause)
    {
        using (gate.Enter())
        {
            if (BeginDetails(id, previousEventId, type, timestamp, out var entry) is not { } json)
            {
                return;
            }

            WriteStringOrNull(json, "error", error);
            WriteStringOrNull(json, "cause", cause);
            EndDetails(ref entry);
        }
    }

    /// <inheritdoc/>
    void IDirectHistorySink.RecordIteration(long id, long previousEventId, string type, DateTimeOffset timestamp, int index, string name)
    {
        using (gate.Enter())
        {
            if (BeginDetails(id, previousEventId, type, timestamp, out var entry) is not { } json)
            {
                return;
            }

            json.WriteNumber("index", index);
            json.WriteString("name", name);
            EndDetails(ref entry);
        }
    }

    /// <summary>
    /// Starts an event with details (under the lock): its entry and the details object opened in the writer, or
    /// <see langword="null"/> when the event is past the bound; the caller writes the members, then <see cref="EndDetails"/>.
    /// </summary>
    private Utf8JsonWriter? BeginDetails(long id, long previousEventId, string type, DateTimeOffset timestamp, out Entry entry)
    {
        if (!TryBegin(id, previousEventId, type, null, Generic, timestamp, out entry))
        {
            return null;
        }

        var json = BeginExtra();
        json.WriteStartObject();
        return json;
    }

    /// <summary>Closes the details object <see cref="BeginDetails"/> opened, stores it and adds the entry.</summary>
    private void EndDetails(ref Entry entry)
    {
        writer!.WriteEndObject();
        entry.ExtraLength = EndExtra(ref lastExtra);
        Add(in entry);
    }

    private static void WriteStringOrNull(Utf8JsonWriter json, string property, string? value)
    {
        if (value is null)
        {
            json.WriteNull(property);
        }
        else
        {
            json.WriteString(property, value);
        }
    }

    /// <summary>
    /// Stores a state event; its assigned variables given as strings (<paramref name="assignedVariables"/>) or as UTF-8
    /// texts (<paramref name="assignedTexts"/>, used when it holds any).
    /// </summary>
    private void RecordState(long id, long previousEventId, string type, DateTimeOffset timestamp, string name, ReadOnlySpan<byte> payload, bool exited, IReadOnlyList<KeyValuePair<string, string>>? assignedVariables, AssignedVariableTexts assignedTexts)
    {
        using (gate.Enter())
        {
            if (!TryBegin(id, previousEventId, type, name, exited ? Exited : Entered, timestamp, out var entry))
            {
                return;
            }

            entry.PayloadLength = statePayloads.Store(this, payload);
            if (assignedTexts.Count > 0)
            {
                // Texts written by the recorder (well-formed compact JSON) are kept as the members' values as they are, with
                // no escaping into JSON strings; the reader takes each value's text back (see EntryDecoder).
                var json = BeginExtra();
                json.WriteStartObject();
                for (var i = 0; i < assignedTexts.Count; i++)
                {
                    json.WritePropertyName(assignedTexts.Name(i));
                    json.WriteRawValue(assignedTexts.Text(i), skipInputValidation: true);
                }

                json.WriteEndObject();
                entry.ExtraLength = EndVariables(out entry.VariablesAgainstEarlier);
                entry.RawVariables = true;
            }
            else if (assignedVariables is { Count: > 0 } assigned)
            {
                var json = BeginExtra();
                json.WriteStartObject();
                foreach (var (variable, text) in assigned)
                {
                    json.WriteString(variable, text);
                }

                json.WriteEndObject();
                entry.ExtraLength = EndVariables(out entry.VariablesAgainstEarlier);
            }

            Add(in entry);
        }
    }

    /// <summary>Payloads stored one against the other: a copy of the last one (its first <c>size</c> bytes) to compare the next with.</summary>
    private struct PayloadChain
    {
        private byte[]? last;
        private int size;

        /// <summary>
        /// Stores a payload as its difference from the chain's last one (or as <see cref="SamePayload"/> when equal);
        /// returns the entry's payload length.
        /// </summary>
        public int Store(CompactHistorySink sink, ReadOnlySpan<byte> payload)
        {
            var previous = (last ?? []).AsSpan(0, size);
            if (last is not null && payload.SequenceEqual(previous))
            {
                // Compared by content: the recorder may hand every payload in the same reused buffer.
                return SamePayload;
            }

            var length = sink.WriteDelta(Delta.Between(previous, payload), payload);
            if (last is null || last.Length < payload.Length)
            {
                last = new byte[Math.Max(payload.Length, 2 * (last?.Length ?? 0))];
            }

            payload.CopyTo(last);
            size = payload.Length;
            return length;
        }
    }

    private void Record(long id, long previousEventId, string type, DateTimeOffset timestamp, JsonObject? details)
    {
        using (gate.Enter())
        {
            if (!TryBegin(id, previousEventId, type, null, Generic, timestamp, out var entry))
            {
                return;
            }

            if (details is not null)
            {
                details.WriteTo(BeginExtra());
                entry.ExtraLength = EndExtra(ref lastExtra);
            }
            else
            {
                entry.ExtraLength = -1;
            }

            Add(in entry);
        }
    }

    /// <summary>Starts an event's entry (under the lock), or counts the event as dropped past the bound.</summary>
    private bool TryBegin(long id, long previousEventId, string type, string? name, byte kind, DateTimeOffset timestamp, out Entry entry)
    {
        if (count >= maxEvents)
        {
            dropped++;
            entry = default;
            return false;
        }

        entry = encoder.Begin(this, id, previousEventId, NameId(type), name is null ? NoName : NameId(name), timestamp);
        entry.Kind = kind;
        return true;
    }

    private int NameId(string name)
    {
        // Names and types are mostly the same few string instances (the plan's, the type constants): found by reference
        // first (no hashing of the text), by text otherwise.
        if (nameIdsByReference.TryGetValue(name, out var id))
        {
            return id;
        }

        if (!nameIds.TryGetValue(name, out id))
        {
            id = names.Count;
            names.Add(name);
            nameIds.Add(name, id);
        }

        if (nameIdsByReference.Count < MaxNamesByReference)
        {
            nameIdsByReference.Add(name, id);
        }

        return id;
    }

    /// <summary>A writer for an event's other details (or a state's assigned variables), then <see cref="EndExtra"/>.</summary>
    /// <remarks>
    /// Escaping only what JSON requires: the strings read back are the same (and payload texts inside details keep their
    /// quotes as one byte each).
    /// </remarks>
    private Utf8JsonWriter BeginExtra()
    {
        scratch.ResetWrittenCount();
        if (writer is null)
        {
            // Escaping only what JSON requires: the text is parsed back on read, never served as it is.
            writer = new Utf8JsonWriter(scratch, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true });
        }
        else
        {
            writer.Reset(scratch);
        }

        return writer;
    }

    /// <summary>
    /// Stores the details written since <see cref="BeginExtra"/> as their difference from the ones stored before in the
    /// same chain (<paramref name="last"/>): other details, or assigned variables, which are written against the variables
    /// assigned before them (a state's assignment mostly changes a little of the same variables, as a payload does).
    /// </summary>
    private int EndExtra(ref System.Buffers.ArrayBufferWriter<byte> last)
    {
        writer!.Flush();
        var length = WriteDelta(Delta.Between(last.WrittenSpan, scratch.WrittenSpan), scratch.WrittenSpan);
        (last, scratch) = (scratch, last);
        return length;
    }

    /// <summary>
    /// Stores the assigned variables written since <see cref="BeginExtra"/> as their difference from the variables
    /// assigned last or from those assigned before them, whichever is smaller (<paramref name="againstEarlier"/>): states
    /// that assign different variables take turns (a Task's counter between the data a Pass state merges), and each
    /// assignment mostly changes a little of what the same variables held before.
    /// </summary>
    private int EndVariables(out bool againstEarlier)
    {
        const int SmallEnough = 64; // stored against the last in no more bytes than this: the earlier is not compared
        writer!.Flush();
        var text = scratch.WrittenSpan;
        var last = Delta.Between(lastVariables.WrittenSpan, text);
        var earlier = last.StoredLength(text.Length) <= SmallEnough ? last : Delta.Between(earlierVariables.WrittenSpan, text);
        againstEarlier = earlier.StoredLength(text.Length) < last.StoredLength(text.Length);
        var length = WriteDelta(againstEarlier ? earlier : last, text);
        (earlierVariables, lastVariables, scratch) = (lastVariables, scratch, earlierVariables);
        return length;
    }

    /// <summary>Reserves <paramref name="length"/> bytes in the blocks (see <see cref="Placement"/>).</summary>
    private void Reserve(int length, out Span<byte> span)
    {
        var at = placement.Next(length, out var newBlock);
        var index = (int)(at >> 32);
        if (newBlock > 0)
        {
            blocks.Add(NewBlock(newBlock));
        }

        span = blocks[index].AsSpan((int)(at & uint.MaxValue), length);
    }

    /// <summary>
    /// A block for kept bytes. Every byte of it is written before it is read, so a large one is not zeroed; and since a
    /// history that has grown past a few blocks lives as long as its execution is kept, a large one is allocated where
    /// the collector never moves it (the pinned heap, collected with the oldest generation) instead of being copied from
    /// generation to generation while the execution runs (for a long JSONata execution keeping its history, that
    /// zeroing and copying was about a tenth of the run). Small blocks (short histories, often dropped soon) are
    /// ordinary arrays.
    /// </summary>
    private static byte[] NewBlock(int length) =>
        length >= 16 * 1024 ? GC.AllocateUninitializedArray<byte>(length, pinned: true) : new byte[length];
}
