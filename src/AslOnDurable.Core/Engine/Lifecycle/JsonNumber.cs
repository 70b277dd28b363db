using System.Text.Json;
using System.Text.Json.Nodes;

namespace AslOnDurable.Core.Engine.Lifecycle;

/// <summary>Reads JSON numbers whatever backs the node (parsed text or a CLR primitive).</summary>
internal static class JsonNumber
{
    /// <summary>Whether the node is a JSON number.</summary>
    public static bool IsNumber(JsonNode? node) => node is JsonValue && node.GetValueKind() == JsonValueKind.Number;

    /// <summary>Reads a number as a double.</summary>
    public static bool TryGetDouble(JsonNode? node, out double value)
    {
        value = 0;
        if (node is not JsonValue v || v.GetValueKind() != JsonValueKind.Number)
        {
            return false;
        }

        if (v.TryGetValue(out value))
        {
            return true;
        }

        if (v.TryGetValue(out JsonElement element))
        {
            return element.TryGetDouble(out value);
        }

        if (v.TryGetValue(out long l))
        {
            value = l;
            return true;
        }

        if (v.TryGetValue(out int i))
        {
            value = i;
            return true;
        }

        if (v.TryGetValue(out decimal m))
        {
            value = (double)m;
            return true;
        }

        if (v.TryGetValue(out float f))
        {
            value = f;
            return true;
        }

        return double.TryParse(v.ToJsonString(), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out value);
    }

    /// <summary>Reads an integral number as a long (false for fractions and non-numbers).</summary>
    public static bool TryGetInteger(JsonNode? node, out long value)
    {
        value = 0;
        if (node is not JsonValue v || v.GetValueKind() != JsonValueKind.Number)
        {
            return false;
        }

        if (v.TryGetValue(out value))
        {
            return true;
        }

        if (v.TryGetValue(out JsonElement element))
        {
            return element.TryGetInt64(out value);
        }

        if (v.TryGetValue(out int i))
        {
            value = i;
            return true;
        }

        if (TryGetDouble(node, out var d) && Math.Floor(d) == d && Math.Abs(d) < 9.2e18)
        {
            value = (long)d;
            return true;
        }

        return false;
    }
}
