using AslOnDurable.Runtime;
using AslOnDurable.Runtime.Api;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;

FunctionsApplicationBuilder builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.Services.AddStepFunctionsApi();
builder.Services.AddAslRuntime();
await builder.Build().RunAsync();
