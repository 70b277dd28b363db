using AslOnDurable.Core.Engine.Items;
using AslOnDurable.Core.Engine.MapRuns;
using AslOnDurable.Core.Engine.Tasks;
using AslOnDurable.Runtime.Executions;
using Microsoft.DurableTask;

namespace AslOnDurable.Runtime.Durable.Activities.MapRuns;

/// <summary>
/// Runs one chunk of a map run's EXPRESS children in memory (many children per activity call, as AWS runs Express
/// children outside the parent's history), then records their results.
/// </summary>
/// <param name="store">The item store, or <see langword="null"/> when the host has none.</param>
/// <param name="tasks">Runs the children's Task states.</param>
/// <param name="plans">Compiled definitions.</param>
/// <param name="instances">
/// The task hub's client, to stop the chunk once its map run has ended without it (<see cref="MapRunEndWatch"/>), or
/// <see langword="null"/> to run it to its end.
/// </param>
public sealed class MapRunChunkActivity(IItemStore? store, ITaskHandler tasks, ExecutionPlanCache plans, IExecutionClient? instances = null) : TaskActivity<string, string>
{
    /// <inheritdoc />
    public override Task<string> RunAsync(TaskActivityContext context, string input) => RunAsync(store, tasks, plans, input, instances);

    /// <summary>Runs the activity (also called by the Functions app's trigger).</summary>
    /// <param name="store">The item store, or <see langword="null"/>.</param>
    /// <param name="tasks">Runs the children's Task states.</param>
    /// <param name="plans">Compiled definitions.</param>
    /// <param name="input">The activity's input.</param>
    /// <param name="instances">The task hub's client to watch the map run with, or <see langword="null"/>.</param>
    /// <returns>The activity's result.</returns>
    public static Task<string> RunAsync(IItemStore? store, ITaskHandler tasks, ExecutionPlanCache plans, string input, IExecutionClient? instances = null) => MapRunStorage.GuardAsync(async () =>
    {
        var chunk = await ExpressChunk.LoadAsync(store, tasks, plans, input).ConfigureAwait(false);
        using var watch = MapRunEndWatch.Start(instances, chunk.Request.Request);
        return await chunk.RunAndRecordAsync(watch).ConfigureAwait(false);
    });
}
