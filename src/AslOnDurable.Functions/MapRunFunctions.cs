using AslOnDurable.Core.Engine.Tasks;
using AslOnDurable.Runtime.Durable;
using AslOnDurable.Runtime.Durable.Activities.MapRuns;
using AslOnDurable.Runtime.Durable.MapRuns;
using AslOnDurable.Runtime.Storage;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace AslOnDurable.Functions;

/// <summary>The distributed Map's map-run orchestration and activities, over the configured item store.</summary>
/// <param name="tasks">Runs EXPRESS children's Task states.</param>
/// <param name="plans">Compiled definitions.</param>
/// <param name="items">The item store from the Storage / AzureWebJobsStorage settings.</param>
internal sealed class MapRunFunctions(ITaskHandler tasks, ExecutionPlanCache plans, ItemStoreConfiguration items)
{
    /// <summary>Runs <see cref="MapRunOrchestrator"/>.</summary>
    [Function(FunctionNames.MapRunOrchestrator)]
    public static Task<string> RunMapRunAsync([OrchestrationTrigger] TaskOrchestrationContext context) =>
        new MapRunOrchestrator().RunAsync(context, context.GetInput<string>() ?? "null");

    /// <summary>Runs <see cref="MapRunStageActivity"/>.</summary>
    [Function(FunctionNames.MapRunStage)]
    public Task<string> StageAsync([ActivityTrigger] string input) => MapRunStageActivity.RunAsync(items.Store, input);

    /// <summary>Runs <see cref="MapRunChunkActivity"/>.</summary>
    [Function(FunctionNames.MapRunChunk)]
    public Task<string> ChunkAsync([ActivityTrigger] string input) => MapRunChunkActivity.RunAsync(items.Store, tasks, plans, input);

    /// <summary>Runs <see cref="MapRunChildInputsActivity"/>.</summary>
    [Function(FunctionNames.MapRunChildInputs)]
    public Task<string> ChildInputsAsync([ActivityTrigger] string input) => MapRunChildInputsActivity.RunAsync(items.Store, plans, input);

    /// <summary>Runs <see cref="MapRunRecordChunkActivity"/>.</summary>
    [Function(FunctionNames.MapRunRecordChunk)]
    public Task<string> RecordChunkAsync([ActivityTrigger] string input) => MapRunRecordChunkActivity.RunAsync(items.Store, input);

    /// <summary>Runs <see cref="MapRunRedriveStageActivity"/>.</summary>
    [Function(FunctionNames.MapRunRedriveStage)]
    public Task<string> RedriveStageAsync([ActivityTrigger] string input) => MapRunRedriveStageActivity.RunAsync(items.Store, input);

    /// <summary>Runs <see cref="MapRunRedriveChunkActivity"/>.</summary>
    [Function(FunctionNames.MapRunRedriveChunk)]
    public Task<string> RedriveChunkAsync([ActivityTrigger] string input) => MapRunRedriveChunkActivity.RunAsync(items.Store, tasks, plans, input);

    /// <summary>Runs <see cref="MapRunFinishActivity"/>.</summary>
    [Function(FunctionNames.MapRunFinish)]
    public Task<string> FinishAsync([ActivityTrigger] string input) => MapRunFinishActivity.RunAsync(items.Store, input);
}
