using AslOnDurable.Core.Engine.StateMachines;
using AslOnDurable.Core.Engine.Tasks;
using AslOnDurable.Runtime.Api;
using AslOnDurable.Runtime.Durable;
using AslOnDurable.Runtime.Executions;
using AslOnDurable.Runtime.Observability;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace AslOnDurable.Runtime;

/// <summary>Registers the Runtime's services in a host's container.</summary>
public static class RuntimeServiceCollectionExtensions
{
    /// <summary>
    /// Adds the services hosts call: <see cref="ExecutionStarter"/>, <see cref="ExecutionApi"/>, <see cref="TimeProvider"/>,
    /// the shared <see cref="ExecutionPlanCache"/>, the <see cref="IStateMachineRegistry"/> (empty unless registered
    /// before this call) and the <see cref="ITaskHandler"/> Task states run through (for now only the Step Functions
    /// integration <c>states:startExecution</c> over that registry: register a <see cref="TaskHandlerRegistry"/> before
    /// this call to provide others).
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <returns>The same collection.</returns>
    public static IServiceCollection AddAslRuntime(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ExecutionStarter>();
        services.TryAddSingleton(sp => new ExecutionTelemetry(
            TelemetryNames.Source, sp.GetService<ILoggerFactory>()?.CreateLogger(TelemetryNames.ExecutionLogCategory)));
        services.TryAddSingleton<ExecutionApi>();
        services.TryAddSingleton<ExecutionPlanCache>(_ => new ExecutionPlanCache());
        services.TryAddSingleton<IStateMachineRegistry>(InMemoryStateMachineRegistry.Empty);
        services.TryAddSingleton<ITaskHandler>(sp => StartExecutionTaskHandler.Registry(sp.GetRequiredService<IStateMachineRegistry>(), Guid.NewGuid));
        return services;
    }
}
