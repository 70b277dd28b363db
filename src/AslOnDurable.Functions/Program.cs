using AslOnDurable.Runtime;
using AslOnDurable.Runtime.Api;
using AslOnDurable.Runtime.Integrations;
using Microsoft.Azure.Functions.Worker.Builder;
using AslOnDurable.Runtime.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

FunctionsApplicationBuilder builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.Services.AddStepFunctionsApi();
// Task integrations from the AslIntegrations / AslIntegrationsFile app settings; an invalid configuration stops the start.
builder.Services.AddAslIntegrations(IntegrationsSettings.Load(Environment.GetEnvironmentVariable));
builder.Services.AddAslRuntime();
// Distributed Map item storage: the Storage connection string, else AzureWebJobsStorage.
builder.Services.AddSingleton(ItemStoreConfiguration.FromSettings(Environment.GetEnvironmentVariable));
await builder.Build().RunAsync();
