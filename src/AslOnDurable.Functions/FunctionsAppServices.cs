using Azure.Monitor.OpenTelemetry.Exporter;
using AslOnDurable.Runtime;
using AslOnDurable.Runtime.Api;
using AslOnDurable.Runtime.Integrations;
using AslOnDurable.Runtime.Observability;
using AslOnDurable.Runtime.Scheduling;
using AslOnDurable.Runtime.Storage;
using AslOnDurable.WebConsole;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace AslOnDurable.Functions;

/// <summary>
/// The Functions app's services, registered in one place so <c>Program</c> and the tests that build its container
/// (and resolve every function class) use the same registrations.
/// </summary>
internal static class FunctionsAppServices
{
    /// <summary>The app setting that turns the Azure Monitor exporter on (Application Insights' connection string).</summary>
    public const string ApplicationInsightsSetting = "APPLICATIONINSIGHTS_CONNECTION_STRING";

    /// <summary>The app setting naming the durable task hub (host.json's <c>hubName</c>).</summary>
    public const string TaskHubSetting = "AslTaskHub";

    /// <summary>The task hub the API's tables are named after when <see cref="TaskHubSetting"/> is unset.</summary>
    public const string DefaultTaskHub = "asl";

    /// <summary>Registers the Step Functions API, the task integrations, the runtime, the schedules, the web console and telemetry.</summary>
    /// <param name="services">The app's services.</param>
    /// <param name="settings">Reads an app setting (environment variables in Azure and under Core Tools).</param>
    /// <returns>The services.</returns>
    /// <exception cref="FormatException">The integrations configuration is invalid: the app does not start.</exception>
    /// <exception cref="ScheduleConfigurationException">The schedules configuration is invalid: the app does not start.</exception>
    public static IServiceCollection AddAslFunctionsApp(this IServiceCollection services, Func<string, string?> settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        // Task integrations from the AslIntegrations / AslIntegrationsFile app settings; an invalid configuration stops the start.
        // Registered before the API, whose activity wrapper wraps whichever task handler is registered first.
        services.AddAslIntegrations(IntegrationsSettings.Load(settings));
        services.AddStepFunctionsApi();
        // The API's registry, execution index and history: in the runtime's storage account (Storage, else
        // AzureWebJobsStorage), in tables named after the task hub, so they outlive every worker instance.
        if (ApiStorageConnection(settings) is { } storage)
        {
            services.AddStepFunctionsApiStorage(storage, settings(TaskHubSetting) is { Length: > 0 } hub ? hub : DefaultTaskHub);
        }

        services.AddAslRuntime();
        // Distributed Map item storage: the Storage connection string, else AzureWebJobsStorage.
        services.AddSingleton(ItemStoreConfiguration.FromSettings(settings));
        // Schedules from the AslSchedules / AslSchedulesFile app settings, served by the timer; an invalid configuration stops the start.
        services.AddSingleton(ScheduleSettings.Load(settings));
        // The web console's files, its page pointed at this app's API function.
        services.AddSingleton(WebConsoleAssets.Load(
            settings(FunctionNames.ConsoleApiEndpointSetting) is { Length: > 0 } endpoint ? WebConsoleApi.FunctionsApp with { Endpoint = endpoint } : WebConsoleApi.FunctionsApp));
        services.AddAslTelemetry(settings(ApplicationInsightsSetting));
        return services;
    }

    /// <summary>
    /// The connection string of the account that keeps the API's state: <c>Storage</c>, else <c>AzureWebJobsStorage</c>;
    /// <see langword="null"/> (state in memory) when neither is a connection string (identity-based connections are not
    /// supported here yet).
    /// </summary>
    /// <param name="settings">Reads an app setting.</param>
    /// <returns>The connection string, or <see langword="null"/>.</returns>
    public static string? ApiStorageConnection(Func<string, string?> settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        string? connection = settings(ItemStoreConfiguration.StorageSetting) is { Length: > 0 } storage ? storage : settings(ItemStoreConfiguration.WebJobsStorageSetting);
        return string.IsNullOrWhiteSpace(connection) ? null : connection;
    }

    /// <summary>
    /// Exports AslOnDurable's traces and metrics (<see cref="TelemetryNames.Source"/>) to Azure Monitor when a connection
    /// string is set. Without one nothing listens, so executions build no spans and no history details for them.
    /// </summary>
    /// <param name="services">The app's services.</param>
    /// <param name="applicationInsights">The Application Insights connection string, or <see langword="null"/>.</param>
    /// <returns>The services.</returns>
    public static IServiceCollection AddAslTelemetry(this IServiceCollection services, string? applicationInsights)
    {
        if (string.IsNullOrWhiteSpace(applicationInsights))
        {
            return services;
        }

        services.AddOpenTelemetry()
            .WithTracing(tracing => tracing
                .AddSource(TelemetryNames.Source)
                .AddAzureMonitorTraceExporter(o => o.ConnectionString = applicationInsights))
            .WithMetrics(metrics => metrics
                .AddMeter(TelemetryNames.Source)
                .AddAzureMonitorMetricExporter(o => o.ConnectionString = applicationInsights));
        return services;
    }
}
