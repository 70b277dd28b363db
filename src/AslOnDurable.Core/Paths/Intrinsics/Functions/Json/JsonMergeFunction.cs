using System.Text.Json;
using System.Text.Json.Nodes;
using AslOnDurable.Core.Paths.Intrinsics.Arguments;

namespace AslOnDurable.Core.Paths.Intrinsics.Functions.Json;

/// <summary>
/// <c>States.JsonMerge(object1, object2, false)</c>: a shallow merge where keys of the second object win. Only
/// shallow merging exists: the third argument must be <c>false</c>.
/// </summary>
/// <remarks>
/// AWS builds the merged object as a Java <c>HashMap</c>, so its keys come out in hash-bucket order, not insertion
/// order; the result reproduces that order (for example <c>{"a":…,"b":…,"c":…,"d":…}</c> whatever the inputs' order).
/// </remarks>
internal sealed class JsonMergeFunction : IntrinsicFunction
{
    /// <inheritdoc/>
    public override string Name => "States.JsonMerge";

    /// <inheritdoc/>
    public override int MinArguments => 3;

    /// <inheritdoc/>
    public override int MaxArguments => 3;

    /// <inheritdoc/>
    public override string? Prepare(IReadOnlyList<IntrinsicArgument> arguments, out object? prepared)
    {
        prepared = null;
        if (arguments[2] is LiteralArgument literal)
        {
            var kind = literal.Value?.GetValueKind() ?? JsonValueKind.Null;
            if (kind is not (JsonValueKind.True or JsonValueKind.False))
            {
                return $"the third argument of {Name} must be a boolean";
            }
        }

        return null;
    }

    /// <inheritdoc/>
    public override JsonNode? Invoke(JsonNode?[] arguments, IntrinsicCall call, IntrinsicScope scope)
    {
        var left = RequireObject(arguments[0], 1);
        var right = RequireObject(arguments[1], 2);
        var deep = arguments[2]?.GetValueKind() switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw Fail($"argument 3 must be a boolean, but was {Describe(arguments[2])}"),
        };
        if (deep)
        {
            throw Fail("deep merging is not supported: the third argument must be false");
        }

        var entries = new List<KeyValuePair<string, JsonNode?>>(left.Count + right.Count);
        var positions = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var source in (JsonObject[])[left, right])
        {
            foreach (var property in source)
            {
                if (positions.TryGetValue(property.Key, out var position))
                {
                    entries[position] = property;
                }
                else
                {
                    positions[property.Key] = entries.Count;
                    entries.Add(property);
                }
            }
        }

        var order = JavaHashMapOrder(entries);
        var result = new JsonObject();
        foreach (var index in order)
        {
            result[entries[index].Key] = entries[index].Value?.DeepClone();
        }

        return result;
    }

    private static int[] JavaHashMapOrder(List<KeyValuePair<string, JsonNode?>> entries)
    {
        var capacity = 16;
        while (entries.Count > capacity * 3 / 4)
        {
            capacity *= 2;
        }

        var buckets = new int[entries.Count];
        var order = new int[entries.Count];
        for (var i = 0; i < entries.Count; i++)
        {
            var hash = JavaStringHash(entries[i].Key);
            buckets[i] = (hash ^ (int)((uint)hash >> 16)) & (capacity - 1);
            order[i] = i;
        }

        // A stable sort by bucket keeps insertion order inside a bucket, as HashMap's chains do.
        System.Array.Sort(buckets, order);
        var stable = new int[entries.Count];
        var written = 0;
        for (var start = 0; start < entries.Count;)
        {
            var end = start;
            while (end < entries.Count && buckets[end] == buckets[start])
            {
                end++;
            }

            System.Array.Sort(order, start, end - start);
            for (var k = start; k < end; k++)
            {
                stable[written++] = order[k];
            }

            start = end;
        }

        return stable;
    }

    private static int JavaStringHash(string key)
    {
        var hash = 0;
        foreach (var c in key)
        {
            hash = unchecked((31 * hash) + c);
        }

        return hash;
    }
}
