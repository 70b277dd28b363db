using System.Text.Json;

namespace AslOnDurable.Jsonata.Evaluation;

/// <summary>
/// Writes an evaluator value as the JSON node <see cref="ValueConverter.ToJsonNode(object?)"/> would make of it writes
/// itself, without building that node: the same writer calls in the same order (so the same text with any writer's
/// options: System.Text.Json's number format and escaping, not JSONata's <see cref="JsonWriter"/>).
/// </summary>
/// <remarks>Every case mirrors one of <see cref="ValueConverter.ToJsonNode(object?)"/>'s; change them together.</remarks>
internal static class NodeTextWriter
{
    /// <summary>Writes <paramref name="value"/>; undefined and JSON null are written as <c>null</c> (their node is null).</summary>
    public static void Write(Utf8JsonWriter writer, object? value) => Write(writer, value, 0);

    private static void Write(Utf8JsonWriter writer, object? value, int depth)
    {
        switch (value)
        {
            case bool b:
                writer.WriteBooleanValue(b);
                break;
            case double d when double.IsFinite(d):
                WriteNumber(writer, d);
                break;
            case string s:
                writer.WriteStringValue(s);
                break;
            case JList list:
                {
                    ValueDepthLimit.Check(depth);
                    var items = list.OuterWrapper && list.Count == 1 && list[0] is JList inner ? inner : list;
                    writer.WriteStartArray();
                    for (var i = 0; i < items.Count; i++)
                    {
                        var item = items[i];
                        if (item is Callable)
                        {
                            writer.WriteNullValue();
                        }
                        else
                        {
                            Write(writer, item, depth + 1);
                        }
                    }

                    writer.WriteEndArray();
                    break;
                }

            case JObject obj:
                {
                    ValueDepthLimit.Check(depth);
                    writer.WriteStartObject();
                    foreach (var kv in obj)
                    {
                        if (kv.Value is null or Callable)
                        {
                            continue;
                        }

                        writer.WritePropertyName(kv.Key);
                        Write(writer, kv.Value, depth + 1);
                    }

                    writer.WriteEndObject();
                    break;
                }

            case Callable:
                writer.WriteStringValue(string.Empty);
                break;
            default:
                // JSON null, undefined, a non-finite number and anything else have no node (null).
                writer.WriteNullValue();
                break;
        }
    }

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
