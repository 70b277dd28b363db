using System.Text.Json.Nodes;
using AslOnDurable.Core.Engine;
using AslOnDurable.Core.Engine.InMemory;
using AslOnDurable.Core.Engine.Items;
using AslOnDurable.Core.Engine.MapRuns;
using AslOnDurable.Core.Engine.Tasks;
using AslOnDurable.Core.Errors;
using AslOnDurable.Runtime.Durable.MapRuns;
using AslOnDurable.Runtime.Durable.Payloads;
using Microsoft.DurableTask;

namespace AslOnDurable.Runtime.Durable.Activities.MapRuns;

/// <summary>
/// Gives the map-run orchestration a window of one chunk's STANDARD child inputs (ItemSelector, ItemBatcher; the window
/// is as many children as run at once), the item processor as a definition (first window) and the children's names
/// (<see cref="MapRunChildNames"/>): the orchestration starts each child as an execution of its own. A host with an
/// execution index records the window's children here, just before they start, so that the API finds them (I/O that
/// orchestrator code must not do; children of later windows are not listed before they start).
/// </summary>
/// <param name="store">The item store, or <see langword="null"/> when the host has none.</param>
/// <param name="plans">Compiled definitions.</param>
/// <param name="children">Records a child about to start (the API's execution index), or <see langword="null"/>.</param>
public sealed class MapRunChildInputsActivity(IItemStore? store, ExecutionPlanCache plans, Func<MapRunChildStart, CancellationToken, Task>? children = null)
    : TaskActivity<string, string>
{
    /// <inheritdoc />
    public override Task<string> RunAsync(TaskActivityContext context, string input) => RunAsync(store, plans, input, children);

    /// <summary>Runs the activity (also called by the Functions app's trigger).</summary>
    /// <param name="store">The item store, or <see langword="null"/>.</param>
    /// <param name="plans">Compiled definitions.</param>
    /// <param name="input">The activity's input.</param>
    /// <param name="children">Records a child about to start, or <see langword="null"/>.</param>
    /// <returns>The activity's result.</returns>
    public static Task<string> RunAsync(IItemStore? store, ExecutionPlanCache plans, string input, Func<MapRunChildStart, CancellationToken, Task>? children = null) => MapRunStorage.GuardAsync(async () =>
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
        var processor = ItemProcessorDefinition.Extract(request.Definition, request.Request.StateName);
        var first = Math.Clamp(request.FirstChild ?? 0, 0, inputs.Count);
        var count = Math.Min(inputs.Count - first, Math.Max(1, request.ChildWindow ?? inputs.Count));
        var names = new List<string>(count);
        for (var i = first; i < first + count; i++)
        {
            names.Add(MapRunChildNames.Of(request.Request.MapRunArn, request.Request.RedriveCount, request.Chunk, i));
        }

        if (children is not null)
        {
            var now = DateTimeOffset.UtcNow;
            for (var i = 0; i < count; i++)
            {
                var arn = MapRunChunks.ChildExecutionArn(request.Request, names[i]);
                await children(
                    new MapRunChildStart(
                        request.Request.MapRunArn, arn, names[i], MapRunInstanceIds.FromArn(arn), request.Request.StateMachineName + "/" + request.Request.Label,
                        processor, inputs[first + i]?.ToJsonString() ?? "null", now),
                    CancellationToken.None).ConfigureAwait(false);
            }
        }

        return new MapRunActivityResult(PayloadVersion.Current)
        {
            Inputs = [.. inputs.Skip(first).Take(count).Select(i => i?.DeepClone())],
            Names = names,
            ChildCount = inputs.Count,
            Items = chunk.Count,
            Processor = first == 0 ? processor : null,
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
