using AslOnDurable.Core.Engine.Items;
using AslOnDurable.Core.Engine.MapRuns;
using AslOnDurable.Core.Engine.Tasks;
using Microsoft.DurableTask;

namespace AslOnDurable.Runtime.Durable.Activities.MapRuns;

/// <summary>
/// Runs one chunk of a map run's EXPRESS children in memory (many children per activity call, as AWS runs Express
/// children outside the parent's history), then records their results.
/// </summary>
/// <param name="store">The item store, or <see langword="null"/> when the host has none.</param>
/// <param name="tasks">Runs the children's Task states.</param>
/// <param name="plans">Compiled definitions.</param>
public sealed class MapRunChunkActivity(IItemStore? store, ITaskHandler tasks, ExecutionPlanCache plans) : TaskActivity<string, string>
{
    /// <inheritdoc />
    public override Task<string> RunAsync(TaskActivityContext context, string input) => RunAsync(store, tasks, plans, input);

    /// <summary>Runs the activity (also called by the Functions app's trigger).</summary>
    public static Task<string> RunAsync(IItemStore? store, ITaskHandler tasks, ExecutionPlanCache plans, string input) => MapRunStorage.GuardAsync(async () =>
    {
        var chunk = await ExpressChunk.LoadAsync(store, tasks, plans, input).ConfigureAwait(false);
        return await chunk.RunAndRecordAsync().ConfigureAwait(false);
    });
}
