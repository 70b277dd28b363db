using System.Text.Json.Nodes;
using AslOnDurable.Core.Engine;
using AslOnDurable.Core.Engine.InMemory;
using AslOnDurable.Core.Engine.Items;
using AslOnDurable.Core.Engine.MapRuns;
using AslOnDurable.Core.Engine.Tasks;
using AslOnDurable.Core.Errors;
using AslOnDurable.Runtime.Durable.Payloads;
using Microsoft.DurableTask;

namespace AslOnDurable.Runtime.Durable.Activities.MapRuns;

/// <summary>
/// Gives the map-run orchestration one chunk's STANDARD child inputs (ItemSelector, ItemBatcher) and the item processor
/// as a definition: the orchestration holds one chunk at a time and starts each child as an execution of its own.
/// </summary>
/// <param name="store">The item store, or <see langword="null"/> when the host has none.</param>
/// <param name="plans">Compiled definitions.</param>
public sealed class MapRunChildInputsActivity(IItemStore? store, ExecutionPlanCache plans) : TaskActivity<string, string>
{
    /// <inheritdoc />
    public override Task<string> RunAsync(TaskActivityContext context, string input) => RunAsync(store, plans, input);

    /// <summary>Runs the activity (also called by the Functions app's trigger).</summary>
    public static Task<string> RunAsync(IItemStore? store, ExecutionPlanCache plans, string input) => MapRunStorage.GuardAsync(async () =>
    {
        var request = DurableJson.Deserialize<MapRunActivityInput>(input);
        PayloadVersion.EnsureReadable(request.Version, nameof(MapRunActivityInput));
        var items = MapRunStorage.Require(store);
        request = await MapRunStorage.FullAsync(items, request, CancellationToken.None).ConfigureAwait(false);
        var plan = plans.Get(request.Definition).Plan ?? throw new AslErrorException(StatesErrorNames.Runtime, "The map run's definition does not compile.");
        var chunk = (JsonArray)await MapRunStorage.ReadAsync(items, MapRunStorage.ItemsBlob(request.Request, request.Chunk), CancellationToken.None).ConfigureAwait(false);

        // The ItemSelector may call States.UUID or $random(): a throw-away in-memory host supplies them, as AWS's would.
        var host = new InMemoryExecutionHost(TimeProvider.System, NoTasks.Instance);
        var options = new ExecutionOptions { MaxPayloadBytes = request.MaxPayloadBytes ?? ExecutionOptions.DefaultMaxPayloadBytes };
        var inputs = MapRunChunks.ChildInputs(plan, request.Request, [.. chunk], (long)request.Chunk * request.ChunkSize, host, options);
        return new MapRunActivityResult(PayloadVersion.Current)
        {
            Inputs = [.. inputs.Select(i => i?.DeepClone())],
            Items = chunk.Count,
            Processor = ItemProcessorDefinition.Extract(request.Definition, request.Request.StateName),
        };
    });

    /// <summary>No task handler: selecting inputs calls no tasks.</summary>
    private sealed class NoTasks : ITaskHandler
    {
        public static readonly NoTasks Instance = new();

        public ValueTask<TaskOutcome> InvokeAsync(TaskInvocation invocation) =>
            ValueTask.FromResult(TaskOutcome.Failure(new AslError(StatesErrorNames.Runtime, "No task runs while selecting items.")));
    }
}
