using AslOnDurable.Runtime;
using AslOnDurable.Runtime.Api;
using AslOnDurable.Runtime.Integrations;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;

FunctionsApplicationBuilder builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.Services.AddStepFunctionsApi();
// Task integrations from the AslIntegrations / AslIntegrationsFile app settings; an invalid configuration stops the start.
builder.Services.AddAslIntegrations(IntegrationsSettings.Load(Environment.GetEnvironmentVariable));
builder.Services.AddAslRuntime();
await builder.Build().RunAsync();
