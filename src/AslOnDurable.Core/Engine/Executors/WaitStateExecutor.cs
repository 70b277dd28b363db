using System.Text.Json;
using System.Text.Json.Nodes;
using AslOnDurable.Core.Paths;
using AslOnDurable.Core.Engine.Lifecycle;
using AslOnDurable.Core.Engine.Plan;
using AslOnDurable.Core.Errors;
using AslOnDurable.Core.Json;

namespace AslOnDurable.Core.Engine.Executors;

/// <summary>Runs Wait states (Seconds, SecondsPath, Timestamp, TimestampPath) on a durable timer from the host.</summary>
/// <remarks>AWS rejects negative or fractional seconds, non-RFC 3339 timestamps and delays longer than 2^31-1 seconds.</remarks>
internal static class WaitStateExecutor
{
    private const double MaxDelaySeconds = int.MaxValue;

    /// <summary>Runs the state.</summary>
    public static async ValueTask<StepResult> ExecuteAsync(WaitStatePlan state, ExecutionFrame frame, JsonNode? raw)
    {
        var run = frame.Run;
        var now = run.Host.UtcNow;
        var fireAt = state.IsJsonata ? JsonataFireAt(state, frame, raw, now) : FireAt(state, frame, raw, now);
        if ((fireAt - now).TotalSeconds > MaxDelaySeconds)
        {
            throw StateFailure.Runtime("Wait state delay is too long.");
        }

        if (fireAt > now && !await run.WaitUntilAsync(fireAt))
        {
            return StepResult.Fail(new AslError(StatesErrorNames.Timeout, null));
        }

        if (state.IsJsonata)
        {
            return StateCompletion.CompleteJsonata(frame, raw, null, false, state.JsonataAssign, state.Output, state.NextIndex);
        }

        var effective = InputProcessor.ApplyInputPath(state, frame, raw);
        return StateCompletion.PassThrough(state, frame, raw, effective, state.Assign, state.NextIndex);
    }

    private static DateTimeOffset FireAt(WaitStatePlan state, ExecutionFrame frame, JsonNode? raw, DateTimeOffset now)
    {
        if (state.Seconds is { } seconds)
        {
            return now.AddSeconds(Math.Min(seconds, MaxDelaySeconds + 1));
        }

        if (state.Timestamp is { } timestamp)
        {
            return Rfc3339.TryParse(timestamp, out var at) ? at : throw StateFailure.Runtime("The Timestamp field is not a valid ISO-8601 extended offset date-time format string: " + timestamp);
        }

        var effective = InputProcessor.ApplyInputPath(state, frame, raw);
        if (state.SecondsPath is { } secondsPath)
        {
            if (!secondsPath.TryEvaluate(effective, frame.Environment, out var value))
            {
                throw StateFailure.Runtime("The SecondsPath parameter does not reference an input value: " + secondsPath.Text);
            }

            if (!JsonNumbers.TryGetInt64(value, out var whole))
            {
                throw StateFailure.Runtime($"The SecondsPath parameter cannot be parsed as a long value: {secondsPath.Text} == {Show(value)}");
            }

            return whole < 0
                ? throw StateFailure.Runtime($"The SecondsPath parameter references a negative value: {secondsPath.Text} == {whole}")
                : now.AddSeconds(Math.Min(whole, MaxDelaySeconds + 1));
        }

        if (state.TimestampPath is { } timestampPath)
        {
            if (!timestampPath.TryEvaluate(effective, frame.Environment, out var value))
            {
                throw StateFailure.Runtime("The TimestampPath parameter does not reference an input value: " + timestampPath.Text);
            }

            var text = value?.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;
            return Rfc3339.TryParse(text, out var at)
                ? at
                : throw StateFailure.Runtime(
                    $"The TimestampPath parameter does not reference a valid ISO-8601 extended offset date-time format string: {timestampPath.Text} == {Show(value)}");
        }

        return now;
    }

    private static DateTimeOffset JsonataFireAt(WaitStatePlan state, ExecutionFrame frame, JsonNode? raw, DateTimeOffset now)
    {
        var states = JsonataStates.Create(raw, null, null, frame.Environment);
        try
        {
            if (state.JsonataSeconds is { } secondsTemplate)
            {
                var value = secondsTemplate.Evaluate(states, frame.Environment);
                return JsonNumbers.TryGetInt64(value, out var whole) && whole >= 0
                    ? now.AddSeconds(Math.Min(whole, MaxDelaySeconds + 1))
                    : throw new AslErrorException(StatesErrorNames.QueryEvaluationError, "The Seconds field must be a non-negative integer: " + Show(value));
            }

            if (state.JsonataTimestamp is { } timestampTemplate)
            {
                var value = timestampTemplate.Evaluate(states, frame.Environment);
                var text = value?.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;
                return Rfc3339.TryParse(text, out var at)
                    ? at
                    : throw new AslErrorException(StatesErrorNames.QueryEvaluationError, "The Timestamp field cannot be parsed as an ISO-8601 extended offset date-time format string: " + Show(value));
            }

            return now;
        }
        finally
        {
            JsonataStates.Release(states, frame.Environment);
        }
    }

    private static string Show(JsonNode? value) => value switch
    {
        null => "null",
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        _ => value.ToJsonString(JsonLimits.SerializerOptions),
    };
}
