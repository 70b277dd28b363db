using AslOnDurable.Runtime.Api;
using AslOnDurable.Runtime.Api.Protocol;
using AslOnDurable.Runtime.Hosting;
using AslOnDurable.Runtime.Integrations;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace AslOnDurable.Runtime.Tests.Integrations;

/// <summary>Starts the API on the in-memory durable self-host with Task states running through the integrations.</summary>
internal static class IntegrationsSelfHost
{
    public static Task<StepFunctionsSelfHost> StartAsync(string configurationJson, ILoggerFactory? loggers = null)
    {
        IntegrationsConfiguration configuration = new IntegrationsConfigurationReader(_ => null).Read(configurationJson);
        return StepFunctionsSelfHost.StartAsync(
            new SelfHostOptions(), new ApiOptions(), loggers ?? NullLoggerFactory.Instance, CancellationToken.None,
            configureServices: services => services.AddAslIntegrations(configuration));
    }
}
