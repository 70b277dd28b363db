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
        entryLog.Append(in entry);
        count++;
    }

    private ReadOnlyMemory<byte> Bytes(long at, int length) => blocks[(int)(at >> 32)].AsMemory((int)(at & uint.MaxValue), length);

    /// <summary>
    /// One event without references: its id, previous id and time as differences from the event recorded before it (ids
    /// are mostly consecutive, times close), name ids, and the lengths of its stored texts. Where the texts are is not
    /// kept: they were stored in recording order, so reading in that order finds them again (<see cref="Placement"/>).
    /// An event whose values do not fit (the first, a long wait, another time zone, thousands of names) keeps them in
    /// <see cref="wide"/>. Kept packed in <see cref="EntryLog"/> (mostly 8-11 bytes).
    /// </summary>
    private struct Entry
    {
        public int IdDelta; // the id minus the previous entry's
        public int PreviousDelta; // the id minus the previous event id
        public int TicksDelta; // the time minus the previous entry's, in ticks
        public int PayloadLength; // the stored difference's length, SamePayload, or 0 (no payload: neither a state event nor PayloadDetails)
        public int ExtraLength; // the stored details' length, 0 (state event) or -1 (other event) when none
        public ushort Type;
        public ushort Name; // NoName when none
        public byte Kind;
        public bool Wide;
        public bool RawVariables; // the assigned variables' values are stored as their JSON texts, not as JSON strings
        public bool VariablesAgainstEarlier; // the assigned variables are stored against those assigned before the last (see EndVariables)
    }

    /// <summary>
    /// The entries, one after another as variable-length integers in blocks of bytes (a header byte with the kind,
    /// whether the entry is wide and whether its variables are raw texts, then the differences zigzag-encoded, then the name ids and text lengths): every byte
    /// kept is memory the process must first touch, which costs more than the encoding. Read back in order only.
    /// </summary>
    private sealed class EntryLog
    {
        private const int MaxEntryBytes = 1 + (7 * 5);
        private const int FirstBlock = 1024;
        private const int LargestBlock = 64 * 1024;

        private readonly List<byte[]> blocks = [];
        private readonly List<int> used = [];

        public void Append(in Entry entry)
        {
            var block = blocks.Count == 0 ? null : blocks[^1];
            var at = block is null ? 0 : used[^1];
            if (block is null || at + MaxEntryBytes > block.Length)
            {
                block = NewBlock(block is null ? FirstBlock : Math.Min(LargestBlock, 2 * block.Length));
                blocks.Add(block);
                used.Add(0);
                at = 0;
            }

            block[at++] = (byte)(entry.Kind | (entry.Wide ? 4 : 0) | (entry.RawVariables ? 8 : 0) | (entry.VariablesAgainstEarlier ? 16 : 0));
            if (!entry.Wide)
            {
                WriteVarint(block, ref at, ZigZag(entry.IdDelta));
                WriteVarint(block, ref at, ZigZag(entry.PreviousDelta));
                WriteVarint(block, ref at, ZigZag(entry.TicksDelta));
                WriteVarint(block, ref at, entry.Type);
                WriteVarint(block, ref at, entry.Name == NoName ? 0u : entry.Name + 1u);
            }

            WriteVarint(block, ref at, ZigZag(entry.PayloadLength));
            WriteVarint(block, ref at, ZigZag(entry.ExtraLength));
            used[^1] = at;
        }

        /// <summary>Reads the entries in the order they were appended.</summary>
        public struct Reader(EntryLog log)
        {
            private int block;
            private int at;

            public Entry Next()
            {
                if (at >= log.used[block])
                {
                    (block, at) = (block + 1, 0);
                }

                var bytes = log.blocks[block];
                var header = bytes[at++];
                Entry entry = new() { Kind = (byte)(header & 3), Wide = (header & 4) != 0, RawVariables = (header & 8) != 0, VariablesAgainstEarlier = (header & 16) != 0, Name = NoName };
                if (!entry.Wide)
                {
                    entry.IdDelta = UnZigZag(ReadVarint(bytes, ref at));
                    entry.PreviousDelta = UnZigZag(ReadVarint(bytes, ref at));
                    entry.TicksDelta = UnZigZag(ReadVarint(bytes, ref at));
                    entry.Type = (ushort)ReadVarint(bytes, ref at);
                    var name = ReadVarint(bytes, ref at);
                    entry.Name = name == 0 ? NoName : (ushort)(name - 1);
                }

                entry.PayloadLength = UnZigZag(ReadVarint(bytes, ref at));
                entry.ExtraLength = UnZigZag(ReadVarint(bytes, ref at));
                return entry;
            }
        }

        private static uint ZigZag(int value) => (uint)((value << 1) ^ (value >> 31));

        private static int UnZigZag(uint value) => (int)(value >> 1) ^ -(int)(value & 1);
    }

    /// <summary>Writes <paramref name="value"/> at <paramref name="at"/> as a variable-length integer (7 bits a byte, low first).</summary>
    private static void WriteVarint(Span<byte> bytes, ref int at, uint value)
    {
        while (value >= 0x80)
        {
            bytes[at++] = (byte)(value | 0x80);
            value >>= 7;
        }

        bytes[at++] = (byte)value;
    }

    /// <summary>Reads the variable-length integer <see cref="WriteVarint"/> wrote at <paramref name="at"/>.</summary>
    private static uint ReadVarint(ReadOnlySpan<byte> bytes, ref int at)
    {
        uint value = 0;
        for (var shift = 0; ; shift += 7)
        {
            var b = bytes[at++];
            value |= (uint)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                return value;
            }
        }
    }

    /// <summary>How many bytes <see cref="WriteVarint"/> writes for <paramref name="value"/>.</summary>
    private static int VarintLength(uint value)
    {
        var length = 1;
        while (value >= 0x80)
        {
            value >>= 7;
            length++;
        }

        return length;
    }

    /// <summary>An entry's values in full, when they do not fit it.</summary>
    private readonly record struct WideEntry(long Id, long PreviousEventId, long Ticks, short OffsetMinutes, int Type, int Name);

    /// <summary>
    /// Where stored texts go, one after another: into the current block while they fit, a large one into a block of its
    /// own. Shared blocks start small and double up to <see cref="BytesPerBlock"/> (a short execution's history holds a
    /// few hundred bytes, not a whole block). Deterministic, so the reader replays it over the texts' lengths, in
    /// recording order, to find each text again.
    /// </summary>
    private struct Placement()
    {
        private const int FirstBlock = 1024;

        private int blockCount;
        private int current = -1;
        private int used;
        private int capacity;

        /// <summary>
        /// Where a text of <paramref name="length"/> bytes goes (block index in the high half, offset in the low), and
        /// the length of the block to add for it (0 when it goes into a block already placed).
        /// </summary>
        public long Next(int length, out int newBlock)
        {
            if (length > OwnBlockAbove)
            {
                newBlock = length;
                return (long)blockCount++ << 32;
            }

            newBlock = 0;
            if (current < 0 || used + length > capacity)
            {
                capacity = current < 0 ? FirstBlock : Math.Min(BytesPerBlock, 2 * capacity);
                while (capacity < length)
                {
                    capacity *= 2;
                }

                current = blockCount++;
                used = 0;
                newBlock = capacity;
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
        private byte[] lastTaskPayload = [];
        private byte[] lastExtra = [];
        private byte[] lastVariables = [];
        private byte[] earlierVariables = [];

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

            if (entry.Kind == PayloadDetails)
            {
                // The payload was stored before the details, in its own chain (see RecordPayload).
                var payload = entry.PayloadLength == SamePayload ? lastTaskPayload : Decode(ref lastTaskPayload, entry.PayloadLength);
                System.Text.Json.Nodes.JsonObject withPayload = name == NoName ? [] : new() { ["resource"] = sink.names[name] };
                withPayload[sink.names[entry.ExtraLength]] = System.Text.Encoding.UTF8.GetString(payload);
                return new HistoryEvent(id, previousEventId, typeName, timestamp, withPayload);
            }

            // The payload was stored before the details (see RecordState): read in the same order.
            var statePayload = entry.PayloadLength == SamePayload ? lastPayload : Decode(ref lastPayload, entry.PayloadLength); // shared by events recording the same payload
            KeyValuePair<string, string>[]? assigned = null;
            if (entry.ExtraLength > 0)
            {
                // Stored against the variables assigned last or before them; either way they become the last (see EndVariables).
                byte[] extra;
                if (entry.VariablesAgainstEarlier)
                {
                    extra = Decode(ref earlierVariables, entry.ExtraLength);
                    (earlierVariables, lastVariables) = (lastVariables, earlierVariables);
                }
                else
                {
                    var before = lastVariables;
                    extra = Decode(ref lastVariables, entry.ExtraLength);
                    earlierVariables = before;
                }

                assigned = entry.RawVariables
                    ? RawVariables(extra)
                    : [.. System.Text.Json.Nodes.JsonNode.Parse(extra)!.AsObject().Select(v => new KeyValuePair<string, string>(v.Key, v.Value!.GetValue<string>()))];
            }

            return new HistoryEvent(id, previousEventId, typeName, timestamp, null)
            {
                State = new StateEventDetails(sink.names[name], statePayload, entry.Kind == Exited, assigned),
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
            last = Delta.Apply(last, sink.Bytes(placement.Next(length, out _), length).Span);
            return last;
        }
    }
}
