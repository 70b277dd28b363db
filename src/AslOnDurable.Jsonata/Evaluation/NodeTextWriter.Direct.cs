using System.Buffers;
using System.Text;
using System.Text.Json;

namespace AslOnDurable.Jsonata.Evaluation;

/// <summary>
/// Writing a value's compact text straight into a buffer: the bytes <see cref="NodeTextWriter.Write(Utf8JsonWriter, object?)"/>
/// writes through a fresh <see cref="Utf8JsonWriter"/> with the default encoder, not indented, nesting at least
/// <see cref="JsonataLimits.MaxValueDepth"/> deep, without the writer's work per call (its state, separators, escaping
/// checks and transcoding from UTF-16): member names and strings made only of printable ASCII characters that the
/// default encoder writes as they are (most of them) are copied byte for byte; any other string, and any number that is
/// not a whole number within <see cref="int"/>'s range, is written by a scratch writer of the same kind and copied (the
/// writer's own escaping and number format, and its errors: a lone surrogate fails as it does).
/// </summary>
internal static partial class NodeTextWriter
{
    /// <summary>
    /// Printable ASCII the default encoder never escapes: all of U+0020-U+007E but <c>"</c>, <c>\</c> and the
    /// HTML-sensitive <c>&amp;</c>, <c>'</c>, <c>+</c>, <c>&lt;</c>, <c>&gt;</c> and <c>`</c> (controls, DEL and
    /// non-ASCII are escaped too).
    /// </summary>
    private static readonly SearchValues<char> Verbatim =
        SearchValues.Create(" !#$%()*,-./0123456789:;=?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[]^_abcdefghijklmnopqrstuvwxyz{|}~");

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? scratchBuffer;

    [ThreadStatic]
    private static Utf8JsonWriter? scratchWriter;

    /// <summary>
    /// Whether <paramref name="writer"/> writes what <see cref="WriteDirect"/> writes: nothing written yet (a value
    /// written straight into its buffer is then the whole document, needing no separator), the default encoder, not
    /// indented, and no lower depth limit than values have (it fails nowhere <see cref="ValueDepthLimit"/> does not).
    /// </summary>
    private static bool IsFresh(Utf8JsonWriter writer) =>
        writer.BytesCommitted == 0 && writer.BytesPending == 0 && writer.CurrentDepth == 0
        && writer.Options.MaxDepth >= JsonataLimits.MaxValueDepth;

    /// <summary>
    /// Writes <paramref name="value"/> at <paramref name="depth"/> into <paramref name="output"/> as
    /// <see cref="Write(Utf8JsonWriter, object?, int, ArrayBufferWriter{byte}?, int)"/> writes it keeping texts; returns the
    /// depth of its deepest container below it (-1 for no container).
    /// </summary>
    private static int WriteDirect(ArrayBufferWriter<byte> output, object? value, int depth, int epoch, in KnownText known)
    {
        switch (value)
        {
            case string s:
                WriteString(output, s, 0, 0);
                return -1;
            case double d when double.IsFinite(d):
                WriteNumber(output, d);
                return -1;
            case JObject obj:
                return WriteObjectDirect(output, obj, depth, epoch, in known);
            case JList list:
                return WriteListDirect(output, list, depth, epoch, in known);

            case bool b:
                output.Write(b ? "true"u8 : "false"u8);
                return -1;
            case Callable:
                output.Write("\"\""u8);
                return -1;
            default:
                // JSON null, undefined, a non-finite number and anything else have no node (null).
                output.Write("null"u8);
                return -1;
        }
    }

    /// <summary>
    /// Writes the array's text: its kept one, or written item by item, keeping it from its second write on when the list
    /// keeps texts (<see cref="JList.KeepsText"/>: a measured plain JSON array).
    /// </summary>
    private static int WriteListDirect(ArrayBufferWriter<byte> output, JList list, int depth, int epoch, in KnownText known)
    {
        var kept = list.KeptText(out var keptHeight);
        if (!kept.IsEmpty)
        {
            ValueDepthLimit.Check(depth + keptHeight); // where writing it would have failed, at its deepest container
            output.Write(kept);
            return keptHeight;
        }

        var keeps = list.KeepsText && list.WrittenBefore();
        var start = output.WrittenCount;
        ValueDepthLimit.Check(depth);
        var items = list.OuterWrapper && list.Count == 1 && list[0] is JList inner ? inner : list;
        var height = 0;
        Put(output, (byte)'[');
        for (var i = 0; i < items.Count; i++)
        {
            if (i > 0)
            {
                Put(output, (byte)',');
            }

            var item = items[i];
            if (IsFunction(item))
            {
                output.Write("null"u8);
            }
            else
            {
                height = Math.Max(height, 1 + WriteDirect(output, item, depth + 1, epoch, in known));
            }
        }

        Put(output, (byte)']');
        if (keeps && output.WrittenCount - start <= KeptTextLimit)
        {
            list.KeepText(output.WrittenSpan[start..], height, epoch);
        }

        return height;
    }

    /// <summary>
    /// Writes the object's text: the known one (<paramref name="known"/>) when it is that object, its kept one, or written
    /// member by member, keeping it from its second write on (as <see cref="WriteObjectKeepingText"/>). An object whose
    /// first members are all of the known object's (the same names and the same values, in order: <c>$merge</c> of a state's
    /// input with new members) starts with the known text.
    /// </summary>
    private static int WriteObjectDirect(ArrayBufferWriter<byte> output, JObject obj, int depth, int epoch, in KnownText known)
    {
        if (ReferenceEquals(obj, known.Object))
        {
            ValueDepthLimit.Check(depth + known.Height); // where writing it would have failed, at its deepest container
            output.Write(known.Text.Span);
            return known.Height;
        }

        var kept = obj.KeptText(out var keptHeight);
        if (!kept.IsEmpty)
        {
            ValueDepthLimit.Check(depth + keptHeight);
            output.Write(kept);
            return keptHeight;
        }

        var keeps = obj.WrittenBefore(); // most objects are written once or twice: keeping their texts costs more than it saves
        var start = output.WrittenCount;
        ValueDepthLimit.Check(depth);
        var height = 0;
        var first = true;
        var from = 0;
        if (known.Object is { } prefix && obj.StartsWithMembersOf(prefix))
        {
            // The known text without its closing brace; its members were written (or left out) as these would be.
            ValueDepthLimit.Check(depth + known.Height);
            var text = known.Text.Span;
            output.Write(text[..^1]);
            height = known.Height;
            first = text.Length == 2;
            from = prefix.Count;
        }
        else
        {
            Put(output, (byte)'{');
        }

        foreach (var (key, value) in obj.Members[from..])
        {
            if (value is null || IsFunction(value))
            {
                continue;
            }

            WriteString(output, key, first ? (byte)0 : (byte)',', (byte)':');
            first = false;
            height = Math.Max(height, 1 + WriteDirect(output, value, depth + 1, epoch, in known));
        }

        Put(output, (byte)'}');
        if (keeps && output.WrittenCount - start <= KeptTextLimit)
        {
            obj.KeepText(output.WrittenSpan[start..], height, epoch);
        }

        return height;
    }

    /// <summary>
    /// An object whose compact text is known: written before by <see cref="WriteDirect"/> (the same bytes it would write
    /// now: no in-place change since), with the depth of its deepest container below it. The default has none.
    /// </summary>
    internal readonly struct KnownText(JObject? obj, ReadOnlyMemory<byte> text, int height)
    {
        public JObject? Object { get; } = obj;

        public ReadOnlyMemory<byte> Text { get; } = text;

        public int Height { get; } = height;
    }

    /// <summary>
    /// Writes <paramref name="text"/> as a JSON string, after <paramref name="separator"/> and before
    /// <paramref name="colon"/> unless they are 0.
    /// </summary>
    private static void WriteString(ArrayBufferWriter<byte> output, string text, byte separator, byte colon)
    {
        var span = text.AsSpan();
        if (span.ContainsAnyExcept(Verbatim))
        {
            if (separator != 0)
            {
                Put(output, separator);
            }

            var scratch = Scratch();
            scratch.WriteStringValue(text);
            CopyScratch(output, scratch);
            if (colon != 0)
            {
                Put(output, colon);
            }

            return;
        }

        var lead = separator != 0 ? 1 : 0;
        var target = output.GetSpan(span.Length + 4);
        if (lead != 0)
        {
            target[0] = separator;
        }

        target[lead] = (byte)'"';
        _ = Ascii.FromUtf16(span, target[(lead + 1)..], out var written);
        var end = lead + 1 + written;
        target[end++] = (byte)'"';
        if (colon != 0)
        {
            target[end++] = colon;
        }

        output.Advance(end);
    }

    /// <summary>A finite number as <see cref="WriteNumber(Utf8JsonWriter, double)"/> writes it.</summary>
    private static void WriteNumber(ArrayBufferWriter<byte> output, double d)
    {
        if (d is >= int.MinValue and <= int.MaxValue && (int)d == d && (d != 0 || !double.IsNegative(d)))
        {
            // Its digits (and a minus sign), as the writer formats an int (the runtime's invariant integer formatting).
            _ = ((int)d).TryFormat(output.GetSpan(11), out var length, default, System.Globalization.CultureInfo.InvariantCulture);
            output.Advance(length);
            return;
        }

        var scratch = Scratch();
        scratch.WriteNumberValue(d);
        CopyScratch(output, scratch);
    }

    private static void Put(ArrayBufferWriter<byte> output, byte value)
    {
        output.GetSpan(1)[0] = value;
        output.Advance(1);
    }

    /// <summary>The thread's scratch writer (default encoder, not indented), emptied, writing one value.</summary>
    private static Utf8JsonWriter Scratch()
    {
        var buffer = scratchBuffer ??= new ArrayBufferWriter<byte>(256);
        buffer.ResetWrittenCount();
        var writer = scratchWriter ??= new Utf8JsonWriter(buffer, new JsonWriterOptions { SkipValidation = true });
        writer.Reset(buffer);
        return writer;
    }

    /// <summary>Copies what the scratch writer wrote, and lets its buffer go when one long string made it large.</summary>
    private static void CopyScratch(ArrayBufferWriter<byte> output, Utf8JsonWriter scratch)
    {
        scratch.Flush();
        var buffer = scratchBuffer!;
        output.Write(buffer.WrittenSpan);
        buffer.ResetWrittenCount();
        if (buffer.Capacity > 64 * 1024)
        {
            scratchBuffer = null;
            scratchWriter = null;
        }
    }
}
