using AslOnDurable.Core.Engine.StateMachines;
using AslOnDurable.Core.Engine.Tasks;
using AslOnDurable.Runtime.Api.Activities;
using AslOnDurable.Runtime.Api.Executions;
using AslOnDurable.Runtime.Api.Operations;
using AslOnDurable.Runtime.Api.Protocol;
using AslOnDurable.Runtime.Api.Registry;
using AslOnDurable.Runtime.Api.Registry.AzureStorage;
using AslOnDurable.Runtime.Executions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace AslOnDurable.Runtime.Api;

/// <summary>Registers the Step Functions API: the dispatcher, its actions, the registry and the execution index.</summary>
public static class StepFunctionsApiServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="StepFunctionsDispatcher"/> and what it needs (plus <see cref="RuntimeServiceCollectionExtensions.AddAslRuntime"/>):
    /// the in-memory stores (<see cref="IStateMachineStore"/>, versions, aliases, activities, <see cref="IExecutionIndex"/>,
    /// <see cref="IExecutionHistoryStore"/>) unless registered before (<see cref="AddStepFunctionsApiStorage"/>), and the engine's <see cref="IStateMachineRegistry"/> over the store (so
    /// nested <c>states:startExecution</c> tasks find registered state machines).
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="options">The region and account of ARNs, or <c>null</c> for the defaults.</param>
    /// <returns>The same collection.</returns>
    public static IServiceCollection AddStepFunctionsApi(this IServiceCollection services, ApiOptions? options = null)
    {
        services.TryAddSingleton(options ?? new ApiOptions());
        services.TryAddSingleton<IStateMachineStore, InMemoryStateMachineStore>();
        services.TryAddSingleton<IExecutionIndex, InMemoryExecutionIndex>();
        services.TryAddSingleton<IStateMachineVersionStore, InMemoryStateMachineVersionStore>();
        services.TryAddSingleton<IStateMachineAliasStore, InMemoryStateMachineAliasStore>();
        services.TryAddSingleton<IExecutionHistoryStore, ExecutionHistoryStore>();
        services.TryAddSingleton<ExecutionClosings>(); // the history stores keep each closing in the execution index
        services.TryAddSingleton<IChildTerminations, ChildTerminations>(); // children a host terminates itself, recorded ABORTED
        services.Replace(ServiceDescriptor.Singleton<IStateMachineRegistry>(sp => new RegisteredStateMachines(sp.GetRequiredService<IStateMachineStore>())));
        services.AddAslRuntime();
        AddActivities(services);
        services.TryAddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        services.TryAddSingleton(sp => new ResourceArns(sp.GetRequiredService<ApiOptions>()));
        services.TryAddSingleton<ApiResources>();
        services.TryAddSingleton<DefinitionWarnings>();
        services.TryAddSingleton<ExpressRunner>();
        services.TryAddSingleton<RegisteredMachineStarts>();
        services.TryAddSingleton<TaggedResources>();
        services.TryAddSingleton<StateMachineVersions>();
        services.TryAddSingleton<MapRuns.MapRunDirectory>();
        Type[] operations =
        [
            typeof(CreateStateMachineOperation), typeof(DescribeStateMachineOperation), typeof(UpdateStateMachineOperation),
            typeof(DeleteStateMachineOperation), typeof(ListStateMachinesOperation), typeof(ValidateStateMachineDefinitionOperation),
            typeof(StartExecutionOperation), typeof(StartSyncExecutionOperation), typeof(DescribeExecutionOperation),
            typeof(DescribeStateMachineForExecutionOperation), typeof(ListExecutionsOperation), typeof(StopExecutionOperation),
            typeof(GetExecutionHistoryOperation), typeof(SendTaskSuccessOperation), typeof(SendTaskFailureOperation),
            typeof(SendTaskHeartbeatOperation), typeof(CreateActivityOperation), typeof(DescribeActivityOperation),
            typeof(ListActivitiesOperation), typeof(DeleteActivityOperation), typeof(GetActivityTaskOperation), typeof(TestStateOperation),
            typeof(TagResourceOperation), typeof(UntagResourceOperation), typeof(ListTagsForResourceOperation),
            typeof(PublishStateMachineVersionOperation), typeof(ListStateMachineVersionsOperation), typeof(DeleteStateMachineVersionOperation),
            typeof(CreateStateMachineAliasOperation), typeof(DescribeStateMachineAliasOperation), typeof(UpdateStateMachineAliasOperation),
            typeof(DeleteStateMachineAliasOperation), typeof(ListStateMachineAliasesOperation), typeof(RedriveExecutionOperation),
            typeof(DescribeMapRunOperation), typeof(ListMapRunsOperation), typeof(UpdateMapRunOperation),
        ];
        foreach (Type operation in operations)
        {
            services.TryAddEnumerable(ServiceDescriptor.Singleton(typeof(IApiOperation), operation));
        }

        services.TryAddSingleton(sp => new StepFunctionsDispatcher(
            sp.GetServices<IApiOperation>(), sp.GetRequiredService<ILogger<StepFunctionsDispatcher>>()));
        return services;
    }

    /// <summary>
    /// Keeps the API's registry (state machines, versions, aliases, activities), execution index and history in Azure
    /// Table/Blob Storage (<see cref="ApiTableStorage"/>) instead of memory, so they outlive the process and every host on
    /// the account shares them. Call before or after <see cref="AddStepFunctionsApi"/>.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="connectionString">The storage account's connection string.</param>
    /// <param name="taskHub">The task hub name (tables and container are named after it).</param>
    /// <returns>The same collection.</returns>
    public static IServiceCollection AddStepFunctionsApiStorage(this IServiceCollection services, string connectionString, string taskHub)
    {
        services.Replace(ServiceDescriptor.Singleton(new ApiTableStorage(connectionString, taskHub)));
        services.Replace(ServiceDescriptor.Singleton<IStateMachineStore, AzureStateMachineStore>());
        services.Replace(ServiceDescriptor.Singleton<IStateMachineVersionStore, AzureStateMachineVersionStore>());
        services.Replace(ServiceDescriptor.Singleton<IStateMachineAliasStore, AzureStateMachineAliasStore>());
        services.Replace(ServiceDescriptor.Singleton<IActivityStore, AzureActivityStore>());
        services.Replace(ServiceDescriptor.Singleton<IExecutionIndex, AzureExecutionIndex>());
        services.Replace(ServiceDescriptor.Singleton<IExecutionHistoryStore, AzureExecutionHistoryStore>());
        services.Replace(ServiceDescriptor.Singleton<IActivityTaskQueue>(sp => new AzureActivityTaskQueue(
            connectionString, taskHub, sp.GetRequiredService<ApiTableStorage>(), sp.GetRequiredService<TimeProvider>())));
        return services;
    }

    /// <summary>
    /// The activity registry and task queue, and Task states on activity ARNs: the registered
    /// <see cref="ITaskHandler"/> is wrapped in an <see cref="ActivityTaskHandler"/> (once).
    /// </summary>
    private static void AddActivities(IServiceCollection services)
    {
        if (services.Any(d => d.ServiceType == typeof(ActivityTaskQueue)))
        {
            return;
        }

        services.TryAddSingleton<IActivityStore, InMemoryActivityStore>();
        services.AddSingleton(sp => new ActivityTaskQueue(sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<IActivityTaskQueue>(sp => sp.GetRequiredService<ActivityTaskQueue>());
        ServiceDescriptor tasks = services.Last(d => d.ServiceType == typeof(ITaskHandler));
        services.Remove(tasks);
        services.AddSingleton<ITaskHandler>(sp => new ActivityTaskHandler(
            Resolve(sp, tasks), sp.GetRequiredService<IActivityStore>(), sp.GetRequiredService<IActivityTaskQueue>(),
            sp.GetRequiredService<ResourceArns>(), sp.GetRequiredService<TimeProvider>()));
    }

    private static ITaskHandler Resolve(IServiceProvider services, ServiceDescriptor descriptor) =>
        (ITaskHandler)(descriptor.ImplementationInstance
            ?? descriptor.ImplementationFactory?.Invoke(services)
            ?? ActivatorUtilities.CreateInstance(services, descriptor.ImplementationType!));
}
