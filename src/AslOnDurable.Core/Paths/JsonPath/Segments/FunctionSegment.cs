using System.Text;
using System.Text.Json.Nodes;

namespace AslOnDurable.Core.Paths.JsonPath.Segments;

/// <summary>
/// A trailing Jayway function such as <c>.length()</c>, applied to each node that reaches it. Not part of a
/// reference path. Aggregations return doubles (rendered like Java: <c>6.0</c>); a function that does not apply
/// (for example <c>length()</c> of a string) yields <c>null</c>, and an aggregation over no numbers yields nothing.
/// </summary>
/// <param name="function">The function.</param>
/// <param name="name">Its name as written.</param>
internal sealed class FunctionSegment(JsonPathFunction function, string name) : JsonPathSegment
{
    /// <inheritdoc/>
    public override bool IsDefinite => false;

    /// <inheritdoc/>
    public override bool TryStep(JsonNode? current, out JsonNode? next)
    {
        switch (function)
        {
            case JsonPathFunction.Length:
                next = current switch
                {
                    JsonArray array => JsonValue.Create(array.Count),
                    JsonObject obj => JsonValue.Create(obj.Count),
                    _ => null,
                };
                return true;
            case JsonPathFunction.Keys:
                if (current is JsonObject keysOf)
                {
                    var keys = new JsonArray();
                    foreach (var property in keysOf)
                    {
                        keys.Add(JsonValue.Create(property.Key));
                    }

                    next = keys;
                }
                else
                {
                    next = null;
                }

                return true;
            case JsonPathFunction.First or JsonPathFunction.Last:
                if (current is JsonArray { Count: > 0 } items)
                {
                    next = items[function == JsonPathFunction.First ? 0 : items.Count - 1]?.DeepClone();
                    return true;
                }

                next = null;
                return false;
            default:
                return TryAggregate(current, out next);
        }
    }

    /// <inheritdoc/>
    public override void Select(JsonNode? current, JsonPathWalker walker, int nextIndex)
    {
        if (TryStep(current, out var next))
        {
            walker.Continue(next, nextIndex);
        }
    }

    /// <inheritdoc/>
    public override void AppendNormalized(StringBuilder builder) => builder.Append('.').Append(name).Append("()");

    private bool TryAggregate(JsonNode? current, out JsonNode? result)
    {
        result = null;
        if (current is not JsonArray array)
        {
            return false;
        }

        var count = 0;
        double sum = 0, sumOfSquares = 0, min = double.PositiveInfinity, max = double.NegativeInfinity;
        for (var i = 0; i < array.Count; i++)
        {
            if (!JsonNumbers.TryGetDouble(array[i], out var value))
            {
                continue;
            }

            count++;
            sum += value;
            sumOfSquares += value * value;
            min = Math.Min(min, value);
            max = Math.Max(max, value);
        }

        if (count == 0)
        {
            return false;
        }

        var average = sum / count;
        var aggregate = function switch
        {
            JsonPathFunction.Min => min,
            JsonPathFunction.Max => max,
            JsonPathFunction.Avg => average,
            JsonPathFunction.Stddev => Math.Sqrt(Math.Max(0, (sumOfSquares / count) - (average * average))),
            _ => sum,
        };
        if (!double.IsFinite(aggregate))
        {
            return false;
        }

        result = JsonNode.Parse(JavaDoubleText.Format(aggregate));
        return true;
    }
}
