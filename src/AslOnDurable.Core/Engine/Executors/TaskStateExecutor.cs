using System.Text.Json.Nodes;
using AslOnDurable.Core.Paths;
using AslOnDurable.Core.Engine.ErrorHandling;
using AslOnDurable.Core.Engine.History;
using AslOnDurable.Core.Engine.Lifecycle;
using AslOnDurable.Core.Engine.Plan;
using AslOnDurable.Core.Errors;
using AslOnDurable.Core.Json;

namespace AslOnDurable.Core.Engine.Executors;

/// <summary>
/// Runs Task states: InputPath → Parameters → host call → ResultSelector → ResultPath → OutputPath, with Retry on
/// durable timers and Catch. Each attempt re-evaluates Parameters (so <c>$$.State.RetryCount</c> is current).
/// </summary>
internal static class TaskStateExecutor
{
    /// <summary>Runs the state: attempts until it succeeds, is caught, or fails.</summary>
    /// <remarks>
    /// The interpreter does not come here: it awaits the first attempt's call in its own frame (<see cref="TryCall"/>,
    /// <see cref="Answered"/>), since in a durable host every Task state suspends once per episode, and each async
    /// frame costs a box and a resumption on the orchestrator's context.
    /// </remarks>
    public static ValueTask<StepResult> ExecuteAsync(TaskStatePlan state, ExecutionFrame frame, JsonNode? raw) =>
        TryCall(state, frame, raw, out var call, out var ended) ? AnswerAsync(state, frame, raw, call) : ended;

    /// <summary>
    /// Starts the first attempt: true with its pending call (the caller awaits it, then hands the outcome to
    /// <see cref="Answered"/>, or an <see cref="AslErrorException"/> it threw to <see cref="Recover"/>), or false with
    /// how the state goes on when the attempt ends before any call (Retry, Catch, or a failure).
    /// </summary>
    public static bool TryCall(TaskStatePlan state, ExecutionFrame frame, JsonNode? raw, out ValueTask<TaskOutcome> call, out ValueTask<StepResult> ended)
    {
        AslError? refused;
        try
        {
            refused = Begin(state, frame, raw, out call);
        }
        catch (AslErrorException e)
        {
            call = default;
            ended = Recover(state, frame, raw, e);
            return false;
        }

        ended = refused is null ? default : RecoverAsync(state, frame, raw, refused);
        return refused is null;
    }

    /// <summary>The first attempt after its call answered: the step, or how the state goes on after the error.</summary>
    public static ValueTask<StepResult> Answered(TaskStatePlan state, ExecutionFrame frame, JsonNode? raw, TaskOutcome outcome)
    {
        (StepResult Step, AslError? Error) attempt;
        try
        {
            attempt = End(state, frame, raw, outcome);
        }
        catch (AslErrorException e)
        {
            return Recover(state, frame, raw, e);
        }

        return attempt.Error is null ? new(attempt.Step) : RecoverAsync(state, frame, raw, attempt.Error);
    }

    /// <summary>An attempt that raised an error: the failure when it is terminal, else Retry and Catch.</summary>
    public static ValueTask<StepResult> Recover(TaskStatePlan state, ExecutionFrame frame, JsonNode? raw, AslErrorException exception) =>
        RecoveryLoop.IsTerminal(exception, frame, out var error) ? new(StepResult.Fail(error)) : RecoverAsync(state, frame, raw, error);

    private static async ValueTask<StepResult> AnswerAsync(TaskStatePlan state, ExecutionFrame frame, JsonNode? raw, ValueTask<TaskOutcome> call)
    {
        TaskOutcome outcome;
        try
        {
            outcome = await call;
        }
        catch (AslErrorException e)
        {
            return await Recover(state, frame, raw, e);
        }

        return await Answered(state, frame, raw, outcome);
    }

    /// <summary>After a failed attempt: Retry (further attempts, each awaited here) until one succeeds, is caught, or fails.</summary>
    private static async ValueTask<StepResult> RecoverAsync(TaskStatePlan state, ExecutionFrame frame, JsonNode? raw, AslError error)
    {
        RetryEvaluator? retry = null;
        while (true)
        {
            if (RecoveryLoop.Decide(state, frame, raw, error, runtimeErrorsAreFinal: false, ref retry, out var delay) is { } final)
            {
                return final;
            }

            if (await RecoveryLoop.WaitBeforeRetryAsync(frame, delay, retry!) is { } timedOut)
            {
                return timedOut;
            }

            try
            {
                var refused = Begin(state, frame, raw, out var call);
                if (refused is null)
                {
                    var (step, failed) = End(state, frame, raw, await call);
                    if (failed is null)
                    {
                        return step;
                    }

                    error = failed;
                }
                else
                {
                    error = refused;
                }
            }
            catch (AslErrorException e)
            {
                if (RecoveryLoop.IsTerminal(e, frame, out error))
                {
                    return StepResult.Fail(error);
                }
            }
        }
    }

    /// <summary>An attempt up to its call: the pending call, or the error that stops the attempt first (or thrown).</summary>
    private static AslError? Begin(TaskStatePlan state, ExecutionFrame frame, JsonNode? raw, out ValueTask<TaskOutcome> call)
    {
        var (invocation, refused) = Prepare(state, frame, raw);
        call = refused is null ? frame.Run.Host.InvokeTaskAsync(invocation!) : default;
        return refused;
    }

    /// <summary>An attempt after its call: the step, or the error (or thrown).</summary>
    private static (StepResult Step, AslError? Error) End(TaskStatePlan state, ExecutionFrame frame, JsonNode? raw, TaskOutcome outcome)
    {
        frame.Environment.ForgetJsonataValues();
        return Finish(state, frame, raw, outcome);
    }

    /// <summary>An attempt up to the call: the effective parameters and the invocation, or the error that stops it first.</summary>
    private static (TaskInvocation? Invocation, AslError? Error) Prepare(TaskStatePlan state, ExecutionFrame frame, JsonNode? raw)
    {
        var environment = frame.Environment;
        string? taskToken = null;
        if (state.WaitsForTaskToken)
        {
            taskToken = frame.Run.Host.NewTaskToken();
            environment.SetTaskToken(taskToken);
        }

        JsonNode? parameters;
        int? timeout;
        int? heartbeat;
        JsonNode? credentials = null;
        if (state.IsJsonata)
        {
            var states = JsonataStates.Create(raw, null, null, environment);
            try
            {
                parameters = state.Arguments is not null ? state.Arguments.Evaluate(states, environment) : environment.HeldInput is { } held ? held.Value.Node : AsIs(frame, raw);
                timeout = JsonataSeconds(state.JsonataTimeoutSeconds?.Evaluate(states, environment), state.JsonataTimeoutSeconds is not null, "TimeoutSeconds");
                heartbeat = JsonataSeconds(state.JsonataHeartbeatSeconds?.Evaluate(states, environment), state.JsonataHeartbeatSeconds is not null, "HeartbeatSeconds");
            }
            finally
            {
                JsonataStates.Release(states, environment);
            }
        }
        else
        {
            var effective = InputProcessor.ApplyInputPath(state, frame, raw);
            parameters = state.Parameters is not null ? state.Parameters.Evaluate(effective, environment) : AsIs(frame, effective);
            timeout = state.TimeoutSeconds ?? PathSeconds(state.TimeoutSecondsPath, "TimeoutSeconds", effective, frame);
            heartbeat = state.HeartbeatSeconds ?? PathSeconds(state.HeartbeatSecondsPath, "HeartbeatSeconds", effective, frame);
            credentials = state.Credentials?.Evaluate(effective, environment);
        }

        // Parameters that are the state's input as is (a copy, or one node of it by a definite InputPath) are no larger than it.
        var inputAsIs = state.IsJsonata
            ? state.Arguments is null && environment.HeldInput is null
            : state.Parameters is null && state.InputPath is not { SelectsPartOfInput: false };
        var limit = frame.Run.Options.MaxPayloadBytes;
        var knownBound = inputAsIs ? frame.InputSizeBound : null;
        var lambda = state.IsLambdaFunctionArn;
        var recording = frame.Run.History.IsEnabled;
        var scheduled = lambda ? HistoryEventTypes.LambdaFunctionScheduled : HistoryEventTypes.TaskScheduled;

        // History on: the scheduled event's text, written anyway, is the quota check when it shows the parameters within it.
        var recorded = recording && !state.IsActivityArn && !(knownBound <= limit)
            && frame.TryRecordPayloadWithin(scheduled, state.Resource, "parameters", parameters, limit);
        if (!recorded && PayloadSizeGuard.Exceeds(parameters, limit, knownBound))
        {
            // AWS: the effective parameters are over the payload quota; the task is never called.
            return (null, new AslError(
                StatesErrorNames.DataLimitExceeded,
                $"The state/task '{state.ResourceLabel}' provided parameters with a size exceeding the maximum number of bytes service limit."));
        }

        Action<string?>? activityStarted = null;
        if (state.IsActivityArn)
        {
            // AWS: ActivityScheduled now; ActivityStarted when a worker takes the task (the host says when).
            frame.Record(
                HistoryEventTypes.ActivityScheduled,
                recording ? ActivityScheduled(state.Resource, parameters, timeout, heartbeat) : null);
            activityStarted = worker => frame.Record(
                HistoryEventTypes.ActivityStarted, recording && worker is not null ? new JsonObject { ["workerName"] = worker } : null);
        }
        else
        {
            if (!recorded)
            {
                _ = recording ? frame.RecordPayload(scheduled, state.Resource, "parameters", parameters) : frame.Record(scheduled);
            }

            frame.Record(lambda ? HistoryEventTypes.LambdaFunctionStarted : HistoryEventTypes.TaskStarted);
        }

        return (new TaskInvocation
        {
            StateName = state.Name,
            Resource = state.Resource,
            Input = parameters,
            RetryCount = environment.RetryCount,
            TimeoutSeconds = timeout,
            HeartbeatSeconds = heartbeat,
            ExecutionId = frame.Run.ExecutionId,
            Credentials = credentials,
            TaskToken = taskToken,
            ActivityStarted = activityStarted,
        }, null);
    }

    /// <summary>Parameters that are the state's input as it is: a copy, unless the host only reads it during the call.</summary>
    private static JsonNode? AsIs(ExecutionFrame frame, JsonNode? input) =>
        frame.Run.Host.ReadsTaskInputAtOnce ? input : input?.DeepClone();

    /// <summary>An attempt after the call: the step (ResultSelector, ResultPath, OutputPath / Output, Assign), or the error.</summary>
    private static (StepResult Step, AslError? Error) Finish(TaskStatePlan state, ExecutionFrame frame, JsonNode? raw, TaskOutcome outcome)
    {
        var environment = frame.Environment;
        var recording = frame.Run.History.IsEnabled;
        if (outcome.IsAwaitingCallback)
        {
            // A host that waits for callbacks turns this outcome into the callback's answer before the engine sees it.
            throw StateFailure.Runtime(
                $"The task '{state.ResourceLabel}' is waiting for a task token callback, which this host does not support: " +
                "'.waitForTaskToken' callbacks (SendTaskSuccess/SendTaskFailure) need the durable host.");
        }

        var error = outcome.Error;
        var limit = frame.Run.Options.MaxPayloadBytes;
        var succeeded = EventType(state, HistoryEventTypes.TaskSucceeded, HistoryEventTypes.LambdaFunctionSucceeded, HistoryEventTypes.ActivitySucceeded);

        // History on: the succeeded event's text, written anyway, is the quota check when it shows the result within it.
        var recorded = error is null && recording && !(outcome.ResultSizeBound <= limit)
            && frame.TryRecordPayloadWithin(succeeded, null, "output", outcome.Result, limit);
        PayloadBound? resultBound = null;
        if (error is null && !recorded && PayloadSizeGuard.Exceeds(outcome.Result, limit, outcome.ResultBound, out resultBound))
        {
            error = new AslError(
                StatesErrorNames.DataLimitExceeded,
                $"The state/task '{state.ResourceLabel}' returned a result with a size exceeding the maximum number of bytes service limit.");
        }

        if (error is not null)
        {
            var failedType = outcome.IsTimeout
                ? EventType(state, HistoryEventTypes.TaskTimedOut, HistoryEventTypes.LambdaFunctionTimedOut, HistoryEventTypes.ActivityTimedOut)
                : EventType(state, HistoryEventTypes.TaskFailed, HistoryEventTypes.LambdaFunctionFailed, HistoryEventTypes.ActivityFailed);
            frame.RecordFailure(failedType, error);
            return (default, error);
        }

        var result = outcome.Result;
        if (!recorded)
        {
            _ = recording ? frame.RecordPayload(succeeded, null, "output", result) : frame.Record(succeeded);
        }

        // A state whose output is its result as it came (no ResultSelector, ResultPath, OutputPath or Output reshaping
        // it) passes on what is known of its size: an iteration's or the execution's output is then not measured again.
        if (state.IsJsonata)
        {
            return (StateCompletion.CompleteJsonata(frame, raw, result, true, state.JsonataAssign, state.Output, state.NextIndex).WithOutputBound(result, resultBound), null);
        }

        if (state.ResultSelector is not null)
        {
            result = state.ResultSelector.Evaluate(result, environment);
            resultBound = null;
        }

        return (StateCompletion.Complete(state, frame, raw, result, true, state.ResultPath, state.NextIndex).WithOutputBound(result, resultBound), null);
    }

    /// <summary>The history event of a Task state's kind: Lambda function ARNs and activity ARNs have their own.</summary>
    private static string EventType(TaskStatePlan state, string task, string lambda, string activity) =>
        state.IsActivityArn ? activity : state.IsLambdaFunctionArn ? lambda : task;

    /// <summary>AWS's <c>activityScheduledEventDetails</c>: the resource, the input and the timeouts that apply.</summary>
    private static JsonObject ActivityScheduled(string resource, JsonNode? input, int? timeout, int? heartbeat)
    {
        var details = new JsonObject { ["resource"] = resource, ["input"] = HistoryRecorder.Text(input) };
        if (timeout is { } t)
        {
            details["timeoutInSeconds"] = t;
        }

        if (heartbeat is { } h)
        {
            details["heartbeatInSeconds"] = h;
        }

        return details;
    }

    /// <summary>
    /// <c>TimeoutSecondsPath</c>/<c>HeartbeatSecondsPath</c>: the value must be a positive integer, else the state fails
    /// with <c>States.Runtime</c> (as for Map's <c>ToleratedFailureCountPath</c>), never silently ignored.
    /// </summary>
    private static int? PathSeconds(ValueSelector? path, string field, JsonNode? effective, ExecutionFrame frame)
    {
        if (path is null)
        {
            return null;
        }

        if (!path.TryEvaluate(effective, frame.Environment, out var value))
        {
            throw StateFailure.Runtime(PathFailureMessage.For(path.Text, effective));
        }

        if (!JsonNumbers.TryGetInt64(value, out var whole))
        {
            throw StateFailure.Runtime($"The {field}Path field refers to value \"{Show(value)}\" which is not a valid integer: {path.Text}");
        }

        return whole > 0 ? (int)Math.Min(whole, int.MaxValue) : throw StateFailure.Runtime($"{field} must be a positive integer.");
    }

    /// <summary>JSONata <c>TimeoutSeconds</c>/<c>HeartbeatSeconds</c>: a positive integer, else <c>States.QueryEvaluationError</c>.</summary>
    private static int? JsonataSeconds(JsonNode? value, bool present, string field)
    {
        if (!present)
        {
            return null;
        }

        return JsonNumbers.TryGetInt64(value, out var whole) && whole > 0
            ? (int)Math.Min(whole, int.MaxValue)
            : throw new AslErrorException(StatesErrorNames.QueryEvaluationError, $"The {field} field must be a positive integer: {Show(value)}");
    }

    private static string Show(JsonNode? value) => value switch
    {
        null => "null",
        JsonValue v when v.GetValueKind() == System.Text.Json.JsonValueKind.String => v.GetValue<string>(),
        _ => value.ToJsonString(JsonLimits.SerializerOptions),
    };
}
