using System.Globalization;
using System.Text.Json.Nodes;
using AslOnDurable.Core.Engine.History;
using AslOnDurable.Core.Engine.Items;
using AslOnDurable.Core.Engine.MapRuns;
using AslOnDurable.Core.Engine.Plan;
using AslOnDurable.Core.Errors;

namespace AslOnDurable.Core.Engine.Executors;

/// <summary>
/// A distributed Map with an ItemReader on a host that runs map runs (<see cref="IExecutionHost.MapRuns"/>): the state
/// evaluates everything that depends on its input here, hands the map run over and waits for its outcome, so the items
/// never pass through the parent.
/// </summary>
internal static partial class MapStateExecutor
{
    private static MapRunRequest MapRunRequestFor(
        MapStatePlan state, ExecutionFrame frame, JsonNode? raw, JsonNode? effective, JsonNode? readerArguments, double? maxItems,
        int maxConcurrency, double? toleratedCount, double? toleratedPercentage)
    {
        var run = frame.Run;
        var marker = run.StateMachineId.LastIndexOf(":stateMachine:", StringComparison.Ordinal);
        var arnPrefix = marker < 0 ? run.StateMachineId : run.StateMachineId[..marker];
        var label = state.Label ?? state.Name;
        // A redriven execution's Distributed Map redrives the map run it started (same ARN): EXPRESS children run again,
        // STANDARD ones are redriven in place by the host.
        var redrive = run.TakeRedriveMapRun(state.Name);
        var id = redrive is { } previous ? previous.Arn[(previous.Arn.LastIndexOf(':') + 1)..] : run.Host.NewGuid().ToString("D", CultureInfo.InvariantCulture);
        var identity = new MapRunIdentity(arnPrefix, run.StateMachineName, label, id, state.ExecutionType == "EXPRESS");

        // Resolved here so that a bad ItemReader fails the state before any map run starts.
        _ = ItemReaderResources.Resolve(state.ItemReader!.Resource, readerArguments, state.ItemReader.ReaderConfig, maxItems);
        return new MapRunRequest
        {
            MapRunArn = identity.Arn,
            MapRunId = id,
            RedriveCount = redrive?.Count ?? 0,
            RedriveDate = redrive is null ? null : run.RedriveTime,
            Label = label,
            StateName = state.Name,
            Express = identity.Express,
            ReaderResource = state.ItemReader.Resource,
            ReaderArguments = readerArguments?.DeepClone(),
            ReaderConfig = (JsonObject?)state.ItemReader.ReaderConfig?.DeepClone(),
            MaxItems = maxItems,
            MaxConcurrency = maxConcurrency,
            ToleratedFailureCount = toleratedCount,
            ToleratedFailurePercentage = toleratedPercentage,
            Batcher = state.HasItemBatcher ? ResolveBatcher(state, frame, raw, effective) : null,
            Writer = state.ResultWriter is null ? null : ResolveWriter(state, frame, raw, effective),
            RawInput = raw?.DeepClone(),
            EffectiveInput = effective?.DeepClone(),
            Variables = frame.Environment.Scope.SnapshotVisible(),
            ExecutionName = run.Name,
            StateMachineName = run.StateMachineName,
            ArnPrefix = arnPrefix,
            ExecutionInput = run.CreateExecutionObject()["Input"]?.DeepClone(),
            ExecutionStartTime = run.StartTime,
            StateEnteredTime = frame.Environment.EnteredTime,
        };
    }

    private static async ValueTask<(StepResult Step, AslError? Error)> RunMapRunAsync(
        MapStatePlan state, ExecutionFrame frame, JsonNode? raw, IMapRunHost mapRuns, MapRunRequest request)
    {
        var recording = frame.Run.History.IsEnabled;
        frame.Record(HistoryEventTypes.MapStateStarted, recording ? new JsonObject { ["length"] = 0 } : null);
        frame.Record(
            request.RedriveCount > 0 ? HistoryEventTypes.MapRunRedriven : HistoryEventTypes.MapRunStarted,
            !recording ? null : request.RedriveCount > 0
                ? new JsonObject { ["mapRunArn"] = request.MapRunArn, ["redriveCount"] = request.RedriveCount }
                : new JsonObject { ["mapRunArn"] = request.MapRunArn });
        var outcome = await mapRuns.RunAsync(request);
        if (outcome.Error is { } error)
        {
            frame.RecordFailure(HistoryEventTypes.MapRunFailed, error);
            frame.RecordFailure(HistoryEventTypes.MapStateFailed, error);
            return (default, error);
        }

        frame.Record(HistoryEventTypes.MapRunSucceeded);
        frame.Record(HistoryEventTypes.MapStateSucceeded);
        return Complete(state, frame, raw, outcome.Result);
    }
}
