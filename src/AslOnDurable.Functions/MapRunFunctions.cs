using AslOnDurable.Core.Engine.Tasks;
using AslOnDurable.Runtime.Api.MapRuns;
using AslOnDurable.Runtime.Durable;
using AslOnDurable.Runtime.Durable.Activities.MapRuns;
using AslOnDurable.Runtime.Durable.MapRuns;
using AslOnDurable.Runtime.Executions;
using AslOnDurable.Runtime.Storage;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace AslOnDurable.Functions;

/// <summary>
/// The distributed Map's map-run orchestration and activities, over the configured item store. As in <c>asl serve</c>,
/// STANDARD children are recorded in the API's execution index as they start and a redrive of the parent redrives them
/// in place (<see cref="MapRunApiHooks"/>).
/// </summary>
/// <param name="tasks">Runs EXPRESS children's Task states.</param>
/// <param name="plans">Compiled definitions.</param>
/// <param name="items">The item store from the Storage / AzureWebJobsStorage settings.</param>
/// <param name="services">The app's services (the Step Functions API's index and histories).</param>
internal sealed class MapRunFunctions(ITaskHandler tasks, ExecutionPlanCache plans, ItemStoreConfiguration items, IServiceProvider services)
{
    private readonly Func<MapRunChildStart, CancellationToken, Task> childRecorder = MapRunApiHooks.ChildRecorder(services);

    /// <summary>
    /// Runs <see cref="MapRunOrchestrator"/>. A failing map run that ends without its running STANDARD children terminates
    /// them itself (<see cref="FunctionNames.CloseAbandonedChildren"/>): the host completes it only once they have answered.
    /// </summary>
    [Function(FunctionNames.MapRunOrchestrator)]
    public static Task<string> RunMapRunAsync([OrchestrationTrigger] TaskOrchestrationContext context) =>
        new MapRunOrchestrator(closesOpenChildren: true).RunAsync(context, context.GetInput<string>() ?? "null");

    /// <summary>Runs <see cref="MapRunStageActivity"/>.</summary>
    [Function(FunctionNames.MapRunStage)]
    public Task<string> StageAsync([ActivityTrigger] string input) => MapRunStageActivity.RunAsync(items.Store, input);

    /// <summary>Runs <see cref="MapRunChunkActivity"/>; it watches its map run through the client and stops once the map run has ended.</summary>
    [Function(FunctionNames.MapRunChunk)]
    public Task<string> ChunkAsync([ActivityTrigger] string input, [DurableClient] DurableTaskClient client) =>
        MapRunChunkActivity.RunAsync(items.Store, tasks, plans, input, new DurableTaskExecutionClient(client));

    /// <summary>Runs <see cref="MapRunChildInputsActivity"/>.</summary>
    [Function(FunctionNames.MapRunChildInputs)]
    public Task<string> ChildInputsAsync([ActivityTrigger] string input) => MapRunChildInputsActivity.RunAsync(items.Store, plans, input, childRecorder);

    /// <summary>Runs <see cref="MapRunRecordChunkActivity"/>.</summary>
    [Function(FunctionNames.MapRunRecordChunk)]
    public Task<string> RecordChunkAsync([ActivityTrigger] string input) => MapRunRecordChunkActivity.RunAsync(items.Store, input);

    /// <summary>Runs <see cref="MapRunRedriveStageActivity"/>.</summary>
    [Function(FunctionNames.MapRunRedriveStage)]
    public Task<string> RedriveStageAsync([ActivityTrigger] string input) => MapRunRedriveStageActivity.RunAsync(items.Store, input);

    /// <summary>Runs <see cref="MapRunRedriveChunkActivity"/>.</summary>
    [Function(FunctionNames.MapRunRedriveChunk)]
    public Task<string> RedriveChunkAsync([ActivityTrigger] string input, [DurableClient] DurableTaskClient client)
    {
        IExecutionClient executions = new DurableTaskExecutionClient(client);
        return MapRunRedriveChunkActivity.RunAsync(items.Store, tasks, plans, input, MapRunApiHooks.ChildRedrives(services, () => executions), executions);
    }

    /// <summary>Runs <see cref="MapRunFinishActivity"/>.</summary>
    [Function(FunctionNames.MapRunFinish)]
    public Task<string> FinishAsync([ActivityTrigger] string input) => MapRunFinishActivity.RunAsync(items.Store, input);
}
