using AslOnDurable.Core.Engine.MapRuns;
using AslOnDurable.Core.Errors;
using AslOnDurable.Runtime.Durable.MapRuns;
using AslOnDurable.Runtime.Durable.Payloads;
using Microsoft.DurableTask;

namespace AslOnDurable.Runtime.Durable;

/// <summary>Distributed Maps with an ItemReader run as map-run sub-orchestrations (<see cref="MapRunOrchestrator"/>).</summary>
internal sealed partial class DurableExecutionHost : IMapRunHost
{
    /// <inheritdoc />
    public IMapRunHost? MapRuns => settings is null ? null : this;

    /// <inheritdoc />
    /// <remarks>
    /// One sub-orchestration call in this execution's history, whatever the item count; its instance id derives from the
    /// map run's ARN (<see cref="MapRunInstanceIds"/>).
    /// </remarks>
    public async ValueTask<MapRunOutcome> RunAsync(MapRunRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        Actions++;
        string payload = context.IsReplaying ? string.Empty : DurableJson.Serialize(new MapRunInput(PayloadVersion.Current, settings!.Definition, request)
        {
            MaxPayloadBytes = settings.MaxPayloadBytes,
            SkipWaits = skipWaits ? true : null,
            ChunkSize = settings.MapRunChunkSize,
            MaxChunksPerGeneration = settings.MapRunChunksPerGeneration,
            AbortOnFailure = true,
            RecordAborted = true,
            AbortRunningChunks = true,
        });
        try
        {
            string reply = await CallChildAsync(OrchestratorNames.MapRun, payload, MapRunInstanceIds.FromArn(request.MapRunArn, request.RedriveCount));
            MapRunOutput output = DurableJson.Deserialize<MapRunOutput>(reply);
            return output.Error is { } error
                ? new MapRunOutcome(null, new AslError(error, output.Cause))
                : new MapRunOutcome(output.Output, null);
        }
        catch (TaskFailedException e)
        {
            return new MapRunOutcome(null, TaskFailures.ToAslError(e.FailureDetails) with { Error = StatesErrorNames.Runtime });
        }
    }
}
