using System.Text.Json;
using System.Text.Json.Nodes;
using AslOnDurable.Core.Engine.Lifecycle;
using AslOnDurable.Core.Engine.Plan;
using AslOnDurable.Core.Errors;
using AslOnDurable.Core.Json;

namespace AslOnDurable.Core.Engine.Executors;

/// <summary>Runs Fail states: Error/ErrorPath and Cause/CausePath (JSONata: Error/Cause expressions).</summary>
/// <remarks>A Fail state without an error name fails with no error, as AWS does (the empty name stands for "none").</remarks>
internal static class FailStateExecutor
{
    /// <summary>Runs the state.</summary>
    public static StepResult Execute(FailStatePlan state, ExecutionFrame frame, JsonNode? raw)
    {
        string? error;
        string? cause;
        if (state.IsJsonata)
        {
            var states = JsonataStates.Create(raw, null, null, frame.Environment);
            try
            {
                error = Text(state.JsonataError?.Evaluate(states, frame.Environment));
                cause = Text(state.JsonataCause?.Evaluate(states, frame.Environment));
            }
            finally
            {
                JsonataStates.Release(states, frame.Environment);
            }
        }
        else
        {
            error = state.ErrorPath is not null ? Select(state.ErrorPath, "ErrorPath", frame, raw) : state.Error;
            cause = state.CausePath is not null ? Select(state.CausePath, "CausePath", frame, raw) : state.Cause;
        }

        return StepResult.Fail(new AslError(error ?? "", cause));
    }

    private static string? Select(ValueSelector selector, string field, ExecutionFrame frame, JsonNode? raw)
    {
        if (!selector.TryEvaluate(raw, frame.Environment, out var value))
        {
            throw StateFailure.Runtime(
                $"The JSONPath '{selector.Text}' specified for the field '{field}' could not be found in the input '{raw?.ToJsonString(JsonLimits.SerializerOptions) ?? "null"}'");
        }

        return Text(value);
    }

    private static string? Text(JsonNode? value) => value switch
    {
        null => null,
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        _ => value.ToJsonString(JsonLimits.SerializerOptions),
    };
}
