using System.Text.Json.Nodes;
using AslOnDurable.Core.Json;

namespace AslOnDurable.Core.Engine.History;

/// <summary>
/// Where a redrive (RedriveExecution) restarts a closed execution, read from its recorded history: the top-level state
/// that was entered and never exited, with the input it was entered with and the top-level variables as the states that
/// exited before it left them (their <c>assignedVariables</c>).
/// </summary>
/// <remarks>
/// AWS: a redrive continues the execution from the unsuccessful step with that step's input; the steps that succeeded
/// are not run again, and their history stays. State names are unique across a state machine, so a top-level state is
/// recognised by its name. A Distributed Map state whose map run did not succeed names that map run
/// (<see cref="ExecutionCheckpoint.RedriveMapRunArn"/>), which the redrive redrives. A Parallel or inline Map state keeps
/// the branches/iterations that succeeded in its last attempt and continues the others from their unsuccessful step
/// (<see cref="ExecutionCheckpoint.RedriveChildren"/>, read by <see cref="RedriveTrees"/>), as AWS does.
/// </remarks>
public static class RedriveCheckpoints
{
    /// <summary>The checkpoint a redrive resumes from, or <see langword="null"/> when the history names no unfinished top-level state.</summary>
    /// <param name="plan">The execution's compiled definition.</param>
    /// <param name="events">The execution's whole history, in order, ending with its closing event.</param>
    /// <param name="executionName">The execution name.</param>
    /// <param name="redriveCount">The execution's redrive count once this redrive is made (1 for the first).</param>
    /// <param name="redriveTime">When the redrive was asked for.</param>
    /// <returns>The checkpoint (<see cref="ExecutionCheckpoint.IsRedrive"/> set), or <see langword="null"/>.</returns>
    public static ExecutionCheckpoint? From(
        ExecutionPlan plan, IReadOnlyList<HistoryEvent> events, string executionName, int redriveCount, DateTimeOffset redriveTime)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(events);
        var topLevel = plan.Root.Indexes;
        DateTimeOffset? started = null;
        string? state = null;
        string? input = null;
        long enteredId = 0;
        JsonObject? variables = null;
        long steps = 0;
        long lastId = 0;
        string? lastEntered = null;
        string? mapRun = null; // the map run the unfinished top-level state started or redrove
        var mapRunRedrives = 0;
        foreach (var e in events)
        {
            lastId = Math.Max(lastId, e.Id);
            if (e.Type == HistoryEventTypes.ExecutionStarted)
            {
                started ??= e.Timestamp;
                continue;
            }

            if (e.Type is HistoryEventTypes.MapRunStarted or HistoryEventTypes.MapRunRedriven)
            {
                if (state is not null && lastEntered == state && e.Details?["mapRunArn"]?.GetValue<string>() is { } arn)
                {
                    mapRunRedrives = arn == mapRun && e.Type == HistoryEventTypes.MapRunRedriven ? mapRunRedrives + 1 : 0;
                    mapRun = arn;
                }

                continue;
            }

            var entered = e.Type.EndsWith("StateEntered", StringComparison.Ordinal);
            var exited = !entered && e.Type.EndsWith("StateExited", StringComparison.Ordinal);
            if (!entered && !exited)
            {
                continue;
            }

            steps += entered ? 1 : 0;
            var stateName = e.Details?["name"]?.GetValue<string>();
            lastEntered = entered ? stateName : lastEntered;
            if (stateName is not { } name || !topLevel.ContainsKey(name))
            {
                continue;
            }

            if (entered)
            {
                (state, input, enteredId) = (name, e.Details!["input"]?.GetValue<string>() ?? "null", e.Id);
                continue;
            }

            (state, mapRun, mapRunRedrives) = (null, null, 0);
            if (e.Details!["assignedVariables"] is JsonObject assigned)
            {
                variables ??= [];
                foreach (var (variable, text) in assigned)
                {
                    variables[variable] = JsonNode.Parse(text?.GetValue<string>() ?? "null", documentOptions: JsonLimits.DocumentOptions);
                }
            }
        }

        if (started is not { } startTime || state is null)
        {
            return null;
        }

        return new ExecutionCheckpoint
        {
            StateName = state,
            StateInput = JsonNode.Parse(input!, documentOptions: JsonLimits.DocumentOptions),
            Variables = variables is { Count: > 0 } ? variables : null,
            StartTime = startTime,
            ExecutionName = executionName,
            LastEventId = lastId,
            PreviousEventId = lastId,
            Steps = steps,
            RedriveCount = redriveCount,
            RedriveTime = redriveTime,
            IsRedrive = true,
            RedriveMapRunArn = mapRun,
            RedriveMapRunCount = mapRunRedrives,
            RedriveChildren = RedriveTrees.For(plan.Root.States[topLevel[state]], enteredId, events),
        };
    }
}
