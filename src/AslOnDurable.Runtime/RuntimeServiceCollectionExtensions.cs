using AslOnDurable.Core.Engine.Tasks;
using AslOnDurable.Runtime.Api;
using AslOnDurable.Runtime.Durable;
using AslOnDurable.Runtime.Executions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AslOnDurable.Runtime;

/// <summary>Registers the Runtime's services in a host's container.</summary>
public static class RuntimeServiceCollectionExtensions
{
    /// <summary>
    /// Adds the services hosts call: <see cref="ExecutionStarter"/>, <see cref="ExecutionApi"/>, <see cref="TimeProvider"/>,
    /// the shared <see cref="ExecutionPlanCache"/> and the <see cref="ITaskHandler"/> Task states run through (no
    /// integrations yet: register a <see cref="TaskHandlerRegistry"/> before this call to provide them).
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <returns>The same collection.</returns>
    public static IServiceCollection AddAslRuntime(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ExecutionStarter>();
        services.TryAddSingleton<ExecutionApi>();
        services.TryAddSingleton<ExecutionPlanCache>(_ => new ExecutionPlanCache());
        services.TryAddSingleton<ITaskHandler>(TaskHandlerRegistry.Empty);
        return services;
    }
}
