namespace AslOnDurable.Core.Engine.History;

/// <summary>How <see cref="CompactHistorySink"/> packs an event's entry and finds its bytes again.</summary>
public sealed partial class CompactHistorySink
{
    private const int SamePayload = -1; // an entry's payload is the one stored last
    private const ushort NoName = ushort.MaxValue; // also the first name id that does not fit an entry
    private const int OwnBlockAbove = BytesPerBlock / 4; // a larger stored text gets a block of its own

    private readonly Dictionary<int, WideEntry> wide = new(); // by entry index: what did not fit its entry

    private void Add(in Entry entry)
    {
        if (count % EntriesPerBlock == 0)
        {
            entries.Add(new Entry[EntriesPerBlock]);
        }

        entries[count / EntriesPerBlock][count % EntriesPerBlock] = entry;
        count++;
    }

    private ReadOnlyMemory<byte> Bytes(long at, int length) => blocks[(int)(at >> 32)].AsMemory((int)(at & uint.MaxValue), length);

    /// <summary>
    /// One event without references, 28 bytes: its id, previous id and time as differences from the event recorded before
    /// it (ids are mostly consecutive, times close), name ids, and the lengths of its stored texts. Where the texts are is
    /// not kept: they were stored in recording order, so reading in that order finds them again (<see cref="Placement"/>).
    /// An event whose values do not fit (the first, a long wait, another time zone, thousands of names) keeps them in
    /// <see cref="wide"/>.
    /// </summary>
    private struct Entry
    {
        public int IdDelta; // the id minus the previous entry's
        public int PreviousDelta; // the id minus the previous event id
        public int TicksDelta; // the time minus the previous entry's, in ticks
        public int PayloadLength; // the stored difference's length, SamePayload, or 0 (no payload: not a state event)
        public int ExtraLength; // the stored details' length, 0 (state event) or -1 (other event) when none
        public ushort Type;
        public ushort Name; // NoName when none
        public byte Kind;
        public bool Wide;
        public bool RawVariables; // the assigned variables' values are stored as their JSON texts, not as JSON strings
    }

    /// <summary>An entry's values in full, when they do not fit it.</summary>
    private readonly record struct WideEntry(long Id, long PreviousEventId, long Ticks, short OffsetMinutes, int Type, int Name);

    /// <summary>
    /// Where stored texts go, one after another: into the current block while they fit, a large one into a block of its
    /// own. Deterministic, so the reader replays it over the texts' lengths, in recording order, to find each text again.
    /// </summary>
    private struct Placement()
    {
        private int blockCount;
        private int current = -1;
        private int used;

        /// <summary>Where a text of <paramref name="length"/> bytes goes (block index in the high half, offset in the low).</summary>
        public long Next(int length)
        {
            if (length > OwnBlockAbove)
            {
                return (long)blockCount++ << 32;
            }

            if (current < 0 || used + length > BytesPerBlock)
            {
                current = blockCount++;
                used = 0;
            }

            var at = ((long)current << 32) | (uint)used;
            used += length;
            return at;
        }
    }

    /// <summary>Packs entries against the entry recorded before (under the sink's lock).</summary>
    private struct EntryEncoder
    {
        private long lastId;
        private long lastTicks;
        private short lastOffset;

        public Entry Begin(CompactHistorySink sink, long id, long previousEventId, int type, int name, DateTimeOffset timestamp)
        {
            var ticks = timestamp.Ticks;
            var offset = (short)timestamp.TotalOffsetMinutes;
            long idDelta = id - lastId, previousDelta = id - previousEventId, ticksDelta = ticks - lastTicks;
            Entry entry = new() { Name = NoName, ExtraLength = -1 };
            if (sink.count > 0 && Fits(idDelta) && Fits(previousDelta) && Fits(ticksDelta) && offset == lastOffset && type < NoName && name <= NoName)
            {
                (entry.IdDelta, entry.PreviousDelta, entry.TicksDelta, entry.Type, entry.Name) = ((int)idDelta, (int)previousDelta, (int)ticksDelta, (ushort)type, (ushort)name);
            }
            else
            {
                entry.Wide = true;
                sink.wide.Add(sink.count, new WideEntry(id, previousEventId, ticks, offset, type, name));
            }

            (lastId, lastTicks, lastOffset) = (id, ticks, offset);
            return entry;
        }

        private static bool Fits(long value) => value is >= int.MinValue and <= int.MaxValue;
    }

    /// <summary>Rebuilds the events in recording order: ids and times from the entry before, texts from their differences.</summary>
    private struct EntryDecoder(CompactHistorySink sink)
    {
        private Placement placement = new();
        private long lastId;
        private long lastTicks;
        private short lastOffset;
        private byte[] lastPayload = [];
        private byte[] lastExtra = [];
        private byte[] lastVariables = [];

        public HistoryEvent Next(int index, in Entry entry)
        {
            long id, previousEventId, ticks;
            int type, name;
            if (entry.Wide)
            {
                var full = sink.wide[index];
                (id, previousEventId, ticks, lastOffset, type, name) = (full.Id, full.PreviousEventId, full.Ticks, full.OffsetMinutes, full.Type, full.Name);
            }
            else
            {
                id = lastId + entry.IdDelta;
                (previousEventId, ticks, type, name) = (id - entry.PreviousDelta, lastTicks + entry.TicksDelta, entry.Type, entry.Name);
            }

            (lastId, lastTicks) = (id, ticks);
            var typeName = sink.names[type];
            var timestamp = new DateTimeOffset(ticks, TimeSpan.FromMinutes(lastOffset));
            if (entry.Kind == Generic)
            {
                var details = entry.ExtraLength < 0 ? null : System.Text.Json.Nodes.JsonNode.Parse(Decode(ref lastExtra, entry.ExtraLength))!.AsObject();
                return new HistoryEvent(id, previousEventId, typeName, timestamp, details);
            }

            // The payload was stored before the details (see RecordState): read in the same order.
            var payload = entry.PayloadLength == SamePayload ? lastPayload : Decode(ref lastPayload, entry.PayloadLength); // shared by events recording the same payload
            KeyValuePair<string, string>[]? assigned = null;
            if (entry.ExtraLength > 0)
            {
                var extra = Decode(ref lastVariables, entry.ExtraLength);
                assigned = entry.RawVariables
                    ? RawVariables(extra)
                    : [.. System.Text.Json.Nodes.JsonNode.Parse(extra)!.AsObject().Select(v => new KeyValuePair<string, string>(v.Key, v.Value!.GetValue<string>()))];
            }

            return new HistoryEvent(id, previousEventId, typeName, timestamp, null)
            {
                State = new StateEventDetails(sink.names[name], payload, entry.Kind == Exited, assigned),
            };
        }

        /// <summary>Variables stored with their texts as the members' values: each value's text, byte for byte as recorded.</summary>
        private static KeyValuePair<string, string>[] RawVariables(byte[] extra)
        {
            using var document = System.Text.Json.JsonDocument.Parse(extra, new System.Text.Json.JsonDocumentOptions { MaxDepth = AslOnDurable.Core.Json.JsonLimits.MaxDepth + 1 });
            return [.. document.RootElement.EnumerateObject().Select(v => new KeyValuePair<string, string>(v.Name, v.Value.GetRawText()))];
        }

        /// <summary>The next stored text: its difference from <paramref name="last"/> applied (and kept as the new last).</summary>
        private byte[] Decode(ref byte[] last, int length)
        {
            var delta = sink.Bytes(placement.Next(length), length).Span;
            var prefix = System.Buffers.Binary.BinaryPrimitives.ReadInt32LittleEndian(delta);
            var suffix = System.Buffers.Binary.BinaryPrimitives.ReadInt32LittleEndian(delta[sizeof(int)..]);
            var between = delta[DeltaHeader..];
            var text = new byte[prefix + between.Length + suffix];
            last.AsSpan(0, prefix).CopyTo(text);
            between.CopyTo(text.AsSpan(prefix));
            last.AsSpan(last.Length - suffix).CopyTo(text.AsSpan(prefix + between.Length));
            last = text;
            return text;
        }
    }
}
