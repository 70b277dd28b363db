using System.Buffers;
using System.Text.Json;

namespace AslOnDurable.Jsonata.Evaluation;

/// <summary>
/// Writes an evaluator value as the JSON node <see cref="ValueConverter.ToJsonNode(object?)"/> would make of it writes
/// itself, without building that node: the same writer calls in the same order (so the same text with any writer's
/// options: System.Text.Json's number format and escaping, not JSONata's <see cref="JsonWriter"/>).
/// </summary>
/// <remarks>Every case mirrors one of <see cref="ValueConverter.ToJsonNode(object?)"/>'s; change them together.</remarks>
internal static partial class NodeTextWriter
{
    /// <summary>Writes <paramref name="value"/>; undefined and JSON null are written as <c>null</c> (their node is null).</summary>
    public static void Write(Utf8JsonWriter writer, object? value) => Write(writer, value, 0, null, 0);

    /// <summary>
    /// Writes <paramref name="value"/> as <see cref="Write(Utf8JsonWriter, object?)"/> does, into a writer over
    /// <paramref name="output"/> (nothing else writes into it meanwhile), and keeps the text of each object it writes
    /// (up to <see cref="KeptTextLimit"/> bytes) on that object from its second write on: a later write of the same object copies that text. Held
    /// values share objects (a variable's members in the next <c>$merge</c>, a state's output as the next one's input),
    /// so writing them again for the history is mostly copying. With an indenting writer or another encoder nothing is
    /// kept or used (the kept texts are written with neither). With a writer that has written nothing yet and nests at
    /// least as deep as values may, the text is written straight into <paramref name="output"/>, not through the writer
    /// (<see cref="WriteDirect"/>: the same bytes), so the value must be all the writer writes there.
    /// </summary>
    public static void WriteKeepingTexts(Utf8JsonWriter writer, ArrayBufferWriter<byte> output, object? value) =>
        WriteKeepingTexts(writer, output, value, default);

    /// <summary>
    /// Writes <paramref name="value"/> as <see cref="WriteKeepingTexts(Utf8JsonWriter, ArrayBufferWriter{byte}, object?)"/>
    /// does; when it is written straight into <paramref name="output"/>, an object <paramref name="known"/> gives the text
    /// of (the same object, or one that starts with its members) takes that text instead of being written again.
    /// </summary>
    public static void WriteKeepingTexts(Utf8JsonWriter writer, ArrayBufferWriter<byte> output, object? value, in KnownText known)
    {
        var keeps = !writer.Options.Indented && writer.Options.Encoder is null;
        if (keeps && IsFresh(writer))
        {
            WriteDirect(output, value, 0, KeptText.Epoch, in known);
            return;
        }

        Write(writer, value, 0, keeps ? output : null, keeps ? KeptText.Epoch : 0);
    }

    /// <summary>The longest text an object keeps (its texts nest: an object's text repeats those of the objects in it).</summary>
    public const int KeptTextLimit = 4096;

    /// <summary>Writes <paramref name="value"/> at <paramref name="depth"/>; returns the depth of its deepest container below it (-1 for no container).</summary>
    private static int Write(Utf8JsonWriter writer, object? value, int depth, ArrayBufferWriter<byte>? output, int epoch)
    {
        switch (value)
        {
            case bool b:
                writer.WriteBooleanValue(b);
                return -1;
            case double d when double.IsFinite(d):
                WriteNumber(writer, d);
                return -1;
            case string s:
                writer.WriteStringValue(s);
                return -1;
            case JList list:
                return output is not null && list.KeepsText ? WriteListKeepingText(writer, list, depth, output, epoch) : WriteList(writer, list, depth, output, epoch);

            case JObject obj:
                return output is null ? WriteObject(writer, obj, depth, null, epoch) : WriteObjectKeepingText(writer, obj, depth, output, epoch);

            case Callable:
                writer.WriteStringValue(string.Empty);
                return -1;
            default:
                // JSON null, undefined, a non-finite number and anything else have no node (null).
                writer.WriteNullValue();
                return -1;
        }
    }

    private static int WriteObject(Utf8JsonWriter writer, JObject obj, int depth, ArrayBufferWriter<byte>? output, int epoch)
    {
        ValueDepthLimit.Check(depth);
        var height = 0;
        writer.WriteStartObject();
        foreach (var kv in obj)
        {
            if (kv.Value is null || IsFunction(kv.Value))
            {
                continue;
            }

            writer.WritePropertyName(kv.Key);
            height = Math.Max(height, 1 + Write(writer, kv.Value, depth + 1, output, epoch));
        }

        writer.WriteEndObject();
        return height;
    }

    private static int WriteList(Utf8JsonWriter writer, JList list, int depth, ArrayBufferWriter<byte>? output, int epoch)
    {
        ValueDepthLimit.Check(depth);
        var items = list.OuterWrapper && list.Count == 1 && list[0] is JList inner ? inner : list;
        var height = 0;
        writer.WriteStartArray();
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            if (IsFunction(item))
            {
                writer.WriteNullValue();
            }
            else
            {
                height = Math.Max(height, 1 + Write(writer, item, depth + 1, output, epoch));
            }
        }

        writer.WriteEndArray();
        return height;
    }

    /// <summary>Writes the object's kept text, or writes the object and keeps its text (see <see cref="WriteKeepingTexts(Utf8JsonWriter, ArrayBufferWriter{byte}, object?)"/>).</summary>
    private static int WriteObjectKeepingText(Utf8JsonWriter writer, JObject obj, int depth, ArrayBufferWriter<byte> output, int epoch)
    {
        var kept = obj.KeptText(out var keptHeight);
        if (!kept.IsEmpty)
        {
            ValueDepthLimit.Check(depth + keptHeight); // where writing it would have failed, at its deepest container
            writer.WriteRawValue(kept, skipInputValidation: true);
            return keptHeight;
        }

        if (!obj.WrittenBefore())
        {
            return WriteObject(writer, obj, depth, output, epoch); // most objects are written once or twice (an output, then as the next input): keeping their texts costs more than it saves
        }

        var start = TextStart(writer, output);
        var height = WriteObject(writer, obj, depth, output, epoch);
        var text = TextSince(writer, output, start);
        if (text.Length <= KeptTextLimit)
        {
            obj.KeepText(text, height, epoch);
        }

        return height;
    }

    /// <summary>Writes the array's kept text, or writes the array and keeps its text from its second write on (a list that keeps texts).</summary>
    private static int WriteListKeepingText(Utf8JsonWriter writer, JList list, int depth, ArrayBufferWriter<byte> output, int epoch)
    {
        var kept = list.KeptText(out var keptHeight);
        if (!kept.IsEmpty)
        {
            ValueDepthLimit.Check(depth + keptHeight);
            writer.WriteRawValue(kept, skipInputValidation: true);
            return keptHeight;
        }

        if (!list.WrittenBefore())
        {
            return WriteList(writer, list, depth, output, epoch);
        }

        var start = TextStart(writer, output);
        var height = WriteList(writer, list, depth, output, epoch);
        var text = TextSince(writer, output, start);
        if (text.Length <= KeptTextLimit)
        {
            list.KeepText(text, height, epoch);
        }

        return height;
    }

    /// <summary>Where the text of the value written next starts: the output's end once a property name before it is written out.</summary>
    private static int TextStart(Utf8JsonWriter writer, ArrayBufferWriter<byte> output)
    {
        writer.Flush();
        return output.WrittenCount;
    }

    /// <summary>The text of the value written since <paramref name="start"/>, without the separator an array item is written with.</summary>
    private static ReadOnlySpan<byte> TextSince(Utf8JsonWriter writer, ArrayBufferWriter<byte> output, int start)
    {
        writer.Flush();
        var text = output.WrittenSpan[start..];
        return text[0] == (byte)',' ? text[1..] : text;
    }

    /// <summary>
    /// Whether <paramref name="value"/> is a function. The sealed kinds most values are (tested by their exact type, no
    /// call) are ruled out before the test against the abstract <see cref="Callable"/>, which walks the type's bases: it
    /// ran for every member and item written.
    /// </summary>
    private static bool IsFunction(object? value) =>
        value is not (string or double or JObject or JList or bool or JNull) && value is Callable;

    /// <summary>
    /// A finite number as <c>WriteNumberValue(double)</c> writes it. A whole number within <see cref="int"/>'s range
    /// (not -0, written <c>-0</c>) is written as that integer: the shortest round-trip text of such a double is its
    /// plain digits, the same bytes, without formatting a double (most of what writing a held value cost).
    /// </summary>
    private static void WriteNumber(Utf8JsonWriter writer, double d)
    {
        if (d is >= int.MinValue and <= int.MaxValue && (int)d == d && (d != 0 || !double.IsNegative(d)))
        {
            writer.WriteNumberValue((int)d);
        }
        else
        {
            writer.WriteNumberValue(d);
        }
    }
}
