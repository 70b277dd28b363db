using System.Text.Json.Nodes;
using AslOnDurable.Core.Engine.Plan;
using AslOnDurable.Core.Paths;

namespace AslOnDurable.Core.Engine.Lifecycle;

/// <summary>The output half of the JSONPath data flow: ResultPath, then OutputPath.</summary>
internal static class OutputProcessor
{
    /// <summary>
    /// Applies ResultPath to the raw input. <paramref name="resultOwned"/> says whether the result may be attached
    /// as it is; otherwise it is copied (or detached from the raw input when that is discarded anyway).
    /// </summary>
    public static JsonNode? ApplyResultPath(JsonNode? raw, string? resultPath, JsonNode? result, bool resultOwned)
    {
        if (resultPath is null)
        {
            return raw;
        }

        if (resultPath == "$")
        {
            return resultOwned ? result : Own(result, raw);
        }

        var owned = resultOwned && !ReferenceEquals(result, raw) ? result : result?.DeepClone();
        return ResultPathApplier.Apply(raw, resultPath, owned);
    }

    /// <summary>Applies OutputPath to the combined output (owned); the result is owned by the caller.</summary>
    public static JsonNode? ApplyOutputPath(StatePlan state, ExecutionFrame frame, JsonNode? combined)
    {
        var path = state.OutputPath;
        if (path is null)
        {
            return new JsonObject();
        }

        if (path.IsRoot)
        {
            return combined;
        }

        return path.TryEvaluate(combined, frame.Environment, out var value)
            ? (path.IsIntrinsic ? value : Own(value, combined))
            : throw StateFailure.Runtime(PathFailureMessage.For(path.Text, combined));
    }

    /// <summary>
    /// Makes <paramref name="node"/> a root the caller owns: itself when it is <paramref name="discardedRoot"/>,
    /// detached when it lies inside that tree (which the caller is discarding), otherwise a copy.
    /// </summary>
    public static JsonNode? Own(JsonNode? node, JsonNode? discardedRoot)
    {
        if (node is null || ReferenceEquals(node, discardedRoot))
        {
            return node;
        }

        if (discardedRoot is not null && node.Parent is { } parent && ReferenceEquals(node.Root, discardedRoot))
        {
            if (parent is JsonObject obj)
            {
                obj.Remove(node.GetPropertyName());
            }
            else if (parent is JsonArray array)
            {
                array.RemoveAt(node.GetElementIndex());
            }

            return node;
        }

        return node.DeepClone();
    }
}
