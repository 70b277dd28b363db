using AslOnDurable.Functions;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;

FunctionsApplicationBuilder builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.Services.AddAslFunctionsApp(Environment.GetEnvironmentVariable);
await builder.Build().RunAsync();
