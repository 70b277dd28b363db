using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using AslOnDurable.Core.Json;

namespace AslOnDurable.Core.Paths;

/// <summary>Reads JSON numbers exactly, whether a node was parsed from text or built from a CLR number.</summary>
internal static class JsonNumbers
{
    /// <summary>Whether the node is a JSON number.</summary>
    /// <param name="node">The node.</param>
    /// <returns><see langword="true"/> for numbers.</returns>
    public static bool IsNumber(JsonNode? node) => node is JsonValue value && value.GetValueKind() == JsonValueKind.Number;

    /// <summary>Reads a number as a decimal when it fits.</summary>
    /// <param name="node">The node.</param>
    /// <param name="number">The value.</param>
    /// <returns>Whether the node is a number that fits a decimal.</returns>
    public static bool TryGetDecimal(JsonNode? node, out decimal number)
    {
        number = 0;
        if (node is not JsonValue value)
        {
            return false;
        }

        if (value.TryGetValue(out JsonElement element))
        {
            return element.ValueKind == JsonValueKind.Number && element.TryGetDecimal(out number);
        }

        if (value.TryGetValue(out long l))
        {
            number = l;
            return true;
        }

        if (value.TryGetValue(out int i))
        {
            number = i;
            return true;
        }

        if (value.TryGetValue(out decimal d))
        {
            number = d;
            return true;
        }

        if (value.TryGetValue(out double dbl))
        {
            if (double.IsFinite(dbl) && Math.Abs(dbl) < 7.9e28)
            {
                number = (decimal)dbl;
                return true;
            }

            return false;
        }

        if (value.TryGetValue(out float f) && float.IsFinite(f) && Math.Abs(f) < 7.9e28f)
        {
            number = (decimal)f;
            return true;
        }

        return TryGetDouble(node, out var other) && double.IsFinite(other) && Math.Abs(other) < 7.9e28
            && decimal.TryParse(other.ToString("R", CultureInfo.InvariantCulture), NumberStyles.Float, CultureInfo.InvariantCulture, out number);
    }

    /// <summary>Reads a number as a double.</summary>
    /// <param name="node">The node.</param>
    /// <param name="number">The value.</param>
    /// <returns>Whether the node is a number.</returns>
    public static bool TryGetDouble(JsonNode? node, out double number)
    {
        number = 0;
        if (node is not JsonValue value || value.GetValueKind() != JsonValueKind.Number)
        {
            return false;
        }

        if (value.TryGetValue(out JsonElement element))
        {
            return element.TryGetDouble(out number);
        }

        if (value.TryGetValue(out number))
        {
            return true;
        }

        if (value.TryGetValue(out long l))
        {
            number = l;
            return true;
        }

        if (value.TryGetValue(out int i))
        {
            number = i;
            return true;
        }

        if (value.TryGetValue(out decimal d))
        {
            number = (double)d;
            return true;
        }

        return double.TryParse(value.ToJsonString(JsonLimits.SerializerOptions), NumberStyles.Float, CultureInfo.InvariantCulture, out number);
    }

    /// <summary>Reads a number that is integral (no fraction) and fits a 64-bit integer.</summary>
    /// <param name="node">The node.</param>
    /// <param name="number">The value.</param>
    /// <returns>Whether the node is such a number.</returns>
    public static bool TryGetInt64(JsonNode? node, out long number)
    {
        number = 0;
        if (node is JsonValue value && value.TryGetValue(out long l))
        {
            number = l;
            return true;
        }

        if (TryGetDecimal(node, out var d) && decimal.Truncate(d) == d && d >= long.MinValue && d <= long.MaxValue)
        {
            number = (long)d;
            return true;
        }

        return false;
    }

    /// <summary>Compares two numbers exactly when possible.</summary>
    /// <param name="left">The left number.</param>
    /// <param name="right">The right number.</param>
    /// <param name="comparison">The sign of left minus right.</param>
    /// <returns>Whether both nodes are numbers.</returns>
    public static bool TryCompare(JsonNode? left, JsonNode? right, out int comparison)
    {
        comparison = 0;
        if (TryGetDecimal(left, out var l) && TryGetDecimal(right, out var r))
        {
            comparison = l.CompareTo(r);
            return true;
        }

        if (TryGetDouble(left, out var dl) && TryGetDouble(right, out var dr))
        {
            comparison = dl.CompareTo(dr);
            return true;
        }

        return false;
    }
}
