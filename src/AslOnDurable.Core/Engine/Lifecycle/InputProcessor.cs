using System.Text.Json.Nodes;
using AslOnDurable.Core.Engine.Plan;
using AslOnDurable.Core.Paths.Templates;

namespace AslOnDurable.Core.Engine.Lifecycle;

/// <summary>The input half of the JSONPath data flow: InputPath, then Parameters.</summary>
internal static class InputProcessor
{
    /// <summary>
    /// Applies InputPath. The result is the raw input itself for <c>$</c>, a new <c>{}</c> for null, otherwise the
    /// selected node where it is (read-only; not owned).
    /// </summary>
    public static JsonNode? ApplyInputPath(StatePlan state, ExecutionFrame frame, JsonNode? raw)
    {
        var path = state.InputPath;
        if (path is null)
        {
            return new JsonObject();
        }

        if (path.IsRoot)
        {
            return raw;
        }

        return path.TryEvaluate(raw, frame.Environment, out var value)
            ? value
            : throw StateFailure.Runtime(PathFailureMessage.For(path.Text, raw));
    }

    /// <summary>Applies Parameters when present (a new node), else returns the effective input unchanged.</summary>
    public static JsonNode? ApplyParameters(PayloadTemplate? parameters, ExecutionFrame frame, JsonNode? effective, out bool owned)
    {
        if (parameters is null)
        {
            owned = false;
            return effective;
        }

        owned = true;
        return parameters.Evaluate(effective, frame.Environment);
    }
}
