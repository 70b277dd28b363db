using AslOnDurable.Core.Engine.StateMachines;
using AslOnDurable.Core.Engine.Tasks;
using AslOnDurable.Runtime.Integrations.DotNet;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AslOnDurable.Runtime.Integrations;

/// <summary>Registers the Task integrations in a host's container.</summary>
public static class IntegrationsServiceCollectionExtensions
{
    /// <summary>
    /// Makes <see cref="TaskIntegrations.Create"/> the <see cref="ITaskHandler"/> Task states run through, over the
    /// container's <see cref="IStateMachineRegistry"/>, <see cref="TimeProvider"/> and every registered
    /// <see cref="IAslTaskHandler"/> (register your handlers with <c>services.AddSingleton&lt;IAslTaskHandler, MyHandler&gt;()</c>). Call before
    /// <see cref="RuntimeServiceCollectionExtensions.AddAslRuntime"/>. Also registers <see cref="IntegrationWarnings"/> (the Step
    /// Functions API reports unserved resources with it) and the <see cref="DotNetHandlers"/> (register your own instance
    /// before this call to use handlers loaded otherwise, e.g. from plugin assemblies).
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The integrations configuration (<see cref="IntegrationsSettings.Load"/>).</param>
    /// <returns>The same collection.</returns>
    public static IServiceCollection AddAslIntegrations(this IServiceCollection services, IntegrationsConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.TryAddSingleton(configuration);
        services.TryAddSingleton(_ => TaskIntegrations.CreateHttpClient());
        services.TryAddSingleton(sp => new DotNetHandlers(sp.GetServices<IAslTaskHandler>()));
        services.TryAddSingleton(sp => TaskIntegrations.Create(
            sp.GetRequiredService<IntegrationsConfiguration>(),
            sp.GetService<IStateMachineRegistry>() ?? InMemoryStateMachineRegistry.Empty,
            sp.GetRequiredService<HttpMessageInvoker>(),
            sp.GetService<TimeProvider>() ?? TimeProvider.System,
            sp.GetRequiredService<DotNetHandlers>()));
        services.TryAddSingleton<ITaskHandler>(sp => sp.GetRequiredService<TaskHandlerRegistry>());
        services.TryAddSingleton(sp => new IntegrationWarnings(
            sp.GetRequiredService<TaskHandlerRegistry>(), sp.GetRequiredService<IntegrationsConfiguration>(), sp.GetRequiredService<DotNetHandlers>()));
        return services;
    }
}
