using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using AslOnDurable.Core.Errors;
using AslOnDurable.Core.Json;

namespace AslOnDurable.Core.Engine.Lifecycle;

/// <summary>
/// Measures payloads against the quota (AWS: 256 KiB of UTF-8). Serializes into a counting buffer, so no output
/// is kept; the engine measures only where data can grow without bound: the execution input, task parameters and results, Map
/// and Parallel results, the final output and the values a state assigns to variables (against the variable limits;
/// Pass/Choice chains without Assign are not measured, to keep them cheap).
/// </summary>
public static class PayloadSizeGuard
{
    /// <summary>Whether the serialized node exceeds <paramref name="limit"/> bytes.</summary>
    /// <param name="node">The payload.</param>
    /// <param name="limit">The quota in bytes.</param>
    /// <returns>Whether it is too large.</returns>
    /// <exception cref="AslErrorException"><c>States.Runtime</c>: the payload nests deeper than <see cref="JsonLimits.MaxDepth"/>.</exception>
    /// <remarks>
    /// A quick upper bound first (<see cref="PayloadUpperBound"/>, which does not build the nodes of a deserialized
    /// payload); the exact count only when that bound is over the quota.
    /// </remarks>
    public static bool Exceeds(JsonNode? node, int limit) =>
        node is not null && !(PayloadUpperBound.Of(node) <= limit) && Size(node) > limit;

    /// <summary>
    /// <see cref="Exceeds(JsonNode?, int)"/> unless <paramref name="knownBound"/>, an upper bound of the node's size
    /// known to the caller (whose text nests within the depth limit), already shows it is within the quota.
    /// </summary>
    /// <param name="node">The payload.</param>
    /// <param name="limit">The quota in bytes.</param>
    /// <param name="knownBound">At least the node's size, or <see langword="null"/> when unknown.</param>
    /// <returns>Whether it is too large.</returns>
    internal static bool Exceeds(JsonNode? node, int limit, long? knownBound) =>
        Exceeds(node, limit, knownBound is { } size ? PayloadBound.Written(size) : null, out _); // a known size: text written or read within the depth

    /// <summary>
    /// <see cref="Exceeds(JsonNode?, int)"/>, also giving an upper bound of the size when the node is within the quota
    /// (a later check of the same unchanged node, or of a part or copy of it, can skip measuring).
    /// </summary>
    /// <param name="node">The payload.</param>
    /// <param name="limit">The quota in bytes.</param>
    /// <param name="bound">At least the node's size when within the quota, else <see langword="null"/>.</param>
    /// <returns>Whether it is too large.</returns>
    internal static bool Exceeds(JsonNode? node, int limit, out long? bound)
    {
        var exceeds = Exceeds(node, limit, null, out var known);
        bound = node is null ? null : known?.Size; // nothing to measure for a null node: no bound
        return exceeds;
    }

    /// <summary>
    /// <see cref="Exceeds(JsonNode?, int)"/> unless <paramref name="known"/> proves the node within the quota and the depth
    /// limit; also giving what is known of the node when it is within (for a later check of the node, or of a value
    /// made of it, to skip measuring).
    /// </summary>
    /// <param name="node">The payload.</param>
    /// <param name="limit">The quota in bytes.</param>
    /// <param name="known">What the caller knows of the node, or <see langword="null"/>.</param>
    /// <param name="bound">The node's bound when within the quota, else <see langword="null"/>.</param>
    /// <returns>Whether it is too large.</returns>
    /// <exception cref="AslErrorException"><c>States.Runtime</c>: the payload nests deeper than <see cref="JsonLimits.MaxDepth"/>.</exception>
    internal static bool Exceeds(JsonNode? node, int limit, PayloadBound? known, out PayloadBound? bound)
    {
        if (known is { } given && given.ProvesWithin(limit))
        {
            bound = given;
            return false;
        }

        if (node is null)
        {
            bound = PayloadBound.Null;
            return false;
        }

        if (PayloadUpperBound.Of(node) is { } upper && upper <= limit)
        {
            bound = PayloadBound.Written(upper);
            return false;
        }

        var size = Size(node);
        bound = size <= limit ? PayloadBound.Measured(size) : null;
        return bound is null;
    }

    /// <summary>The UTF-8 size of the node's compact JSON text.</summary>
    /// <remarks>
    /// AWS measures the payload as UTF-8 text: a non-ASCII character counts its UTF-8 bytes (not a <c>\uXXXX</c>
    /// escape) and only <c>"</c>, <c>\</c> and control characters are escaped, as in compact JSON.
    /// </remarks>
    /// <param name="node">The payload.</param>
    /// <returns>The size in bytes.</returns>
    /// <exception cref="AslErrorException"><c>States.Runtime</c>: the payload nests deeper than <see cref="JsonLimits.MaxDepth"/>.</exception>
    public static long Size(JsonNode? node) => Size(node, 0);

    private static long Size(JsonNode? node, int depth)
    {
        if (depth >= JsonLimits.MaxDepth && node is JsonObject or JsonArray)
        {
            throw new AslErrorException(StatesErrorNames.Runtime, $"The payload nests arrays and objects deeper than the limit of {JsonLimits.MaxDepth} levels.");
        }

        switch (node)
        {
            case null:
                return 4;
            case JsonObject obj:
                {
                    long size = 2 + Math.Max(0, obj.Count - 1);
                    foreach (var (key, value) in obj)
                    {
                        size += StringSize(key) + 1 + Size(value, depth + 1);
                    }

                    return size;
                }

            case JsonArray array:
                {
                    long size = 2 + Math.Max(0, array.Count - 1);
                    foreach (var item in array)
                    {
                        size += Size(item, depth + 1);
                    }

                    return size;
                }

            default:
                {
                    var value = node.AsValue();
                    return value.GetValueKind() switch
                    {
                        JsonValueKind.String when value.TryGetValue<string>(out var text) => StringSize(text),
                        JsonValueKind.True => 4,
                        JsonValueKind.False => 5,
                        JsonValueKind.Null => 4,
                        JsonValueKind.Number => NumberSize(value),
                        _ => Encoding.UTF8.GetByteCount(value.ToJsonString(JsonLimits.SerializerOptions)),
                    };
                }
        }
    }

    private static long NumberSize(JsonValue value)
    {
        if (value.TryGetValue<JsonElement>(out var element))
        {
            return JsonMarshal.GetRawUtf8Value(element).Length;
        }

        Span<byte> buffer = stackalloc byte[32];

        // A double (JSONata results) is written by the serializer in its shortest round-trip form, as here.
        if (value.TryGetValue<double>(out var real) && double.IsFinite(real) && real.TryFormat(buffer, out var realWritten, default, CultureInfo.InvariantCulture))
        {
            return realWritten;
        }

        if (value.TryGetValue<int>(out var small) && small.TryFormat(buffer, out var smallWritten, default, CultureInfo.InvariantCulture))
        {
            return smallWritten;
        }

        return value.TryGetValue<long>(out var whole) && whole.TryFormat(buffer, out var written, default, CultureInfo.InvariantCulture)
            ? written
            : Encoding.UTF8.GetByteCount(value.ToJsonString(JsonLimits.SerializerOptions));
    }

    private static long StringSize(string text)
    {
        long size = 2 + Encoding.UTF8.GetByteCount(text);
        foreach (var c in text)
        {
            if (c == '"' || c == '\\' || c is '\b' or '\f' or '\n' or '\r' or '\t')
            {
                size += 1;
            }
            else if (c < 0x20)
            {
                size += 5;
            }
        }

        return size;
    }
}
