using System.Diagnostics;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using AslOnDurable.Core.Engine.History;
using AslOnDurable.Runtime.Api;
using AslOnDurable.Runtime.Api.Protocol;
using AslOnDurable.Runtime.Api.Registry;
using AslOnDurable.Runtime.Api.Registry.AzureStorage;
using AslOnDurable.Runtime.Executions;
using AslOnDurable.Runtime.Integrations;
using AslOnDurable.Runtime.Observability;
using AslOnDurable.Runtime.Scheduling;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Moq;
using OpenTelemetry;
using OpenTelemetry.Trace;

namespace AslOnDurable.Functions.Tests;

/// <summary>The Functions app's container, built with the registrations <c>Program</c> uses.</summary>
public sealed class FunctionsAppServicesTests
{
    /// <summary>Every class that holds a [Function] method (checked against functions.metadata below).</summary>
    private static readonly Type[] FunctionClasses =
    [
        typeof(ApiFunction), typeof(StepFunctionsApiFunction), typeof(OrchestratorFunction), typeof(ActivityFunctions),
        typeof(TimerFunctions), typeof(QueueFunctions), typeof(StateMachineFunctions), typeof(MapRunFunctions), typeof(MapRunSweepFunction),
        typeof(WebConsoleFunction),
    ];

    [Fact]
    public void FunctionClasses_AreEveryEntryPointTypeInTheMetadata()
    {
        string dir = typeof(FunctionsAppServicesTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "FunctionsOutputDirectory").Value!;
        using JsonDocument metadata = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "functions.metadata")));

        string[] entryTypes = [.. metadata.RootElement.EnumerateArray()
            .Select(f => f.GetProperty("entryPoint").GetString()!)
            .Select(e => e[..e.LastIndexOf('.')])
            .Distinct()
            .Order(StringComparer.Ordinal)];

        Assert.Equal([.. FunctionClasses.Select(t => t.FullName!).Order(StringComparer.Ordinal)], entryTypes);
    }

    [Fact]
    public void AddAslFunctionsApp_NoSettings_EveryFunctionClassResolves()
    {
        using ServiceProvider services = Build(_ => null);

        Assert.All(FunctionClasses, type => Assert.NotNull(ActivatorUtilities.CreateInstance(services, type)));
        Assert.Null(services.GetService<TracerProvider>());
    }

    [Fact]
    public void AddAslFunctionsApp_ApplicationInsightsSet_EveryFunctionClassResolvesAndExportsSpans()
    {
        List<Activity> exported = [];
        using ServiceProvider services = Build(
            name => name == FunctionsAppServices.ApplicationInsightsSetting
                ? "InstrumentationKey=00000000-0000-0000-0000-000000000000;IngestionEndpoint=http://127.0.0.1:9/"
                : null,
            // The Azure Monitor exporter samples by rate (a few traces a second, none before its first token):
            // always sample here so the test sees this trace whatever the rate limiter's state.
            s => s.ConfigureOpenTelemetryTracerProvider(b => b.SetSampler(new AlwaysOnSampler()).AddInMemoryExporter(exported)));

        Assert.All(FunctionClasses, type => Assert.NotNull(ActivatorUtilities.CreateInstance(services, type)));
        TracerProvider tracer = services.GetRequiredService<TracerProvider>();
        ExecutionTelemetry telemetry = services.GetRequiredService<ExecutionTelemetry>();
        ExecutionTrace trace = Assert.IsType<ExecutionTrace>(telemetry.TraceFor(new ExecutionLabels("id", "arn:execution", "machine", null)));
        DateTimeOffset at = DateTimeOffset.UnixEpoch;
        trace.Record(new HistoryEvent(1, 0, HistoryEventTypes.ExecutionStarted, at, null));
        trace.Record(new HistoryEvent(2, 0, "PassStateEntered", at, new() { ["name"] = "P" }));
        trace.Record(new HistoryEvent(3, 2, "PassStateExited", at, new() { ["name"] = "P" }));
        trace.Record(new HistoryEvent(4, 0, HistoryEventTypes.ExecutionSucceeded, at, null));
        tracer.ForceFlush();

        Assert.Equal(["execution machine", "state P"], exported.Select(a => a.DisplayName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void AddAslFunctionsApp_InvalidSchedules_RefusesToStartNamingEveryProblem()
    {
        const string schedules = """{"Schedules": [{"Name": "bad", "ScheduleExpression": "cron(0 25 * * ? *)", "Target": {"Arn": "not-an-arn"}}]}""";

        var e = Assert.Throws<ScheduleConfigurationException>(() => Build(name => name == ScheduleSettings.JsonSetting ? schedules : null));

        Assert.Equal(2, e.Problems.Count);
        Assert.All(e.Problems, p => Assert.StartsWith("AslSchedules: /Schedules/0/", p, StringComparison.Ordinal));
        Assert.Contains(e.Problems, p => p.Contains("/Target/Arn", StringComparison.Ordinal));
    }

    [Fact]
    public void AddAslFunctionsApp_SchedulesFileMissing_RefusesToStartNamingTheFile()
    {
        string path = Path.Combine(Path.GetTempPath(), "asl-no-such-schedules.json");

        var e = Assert.Throws<ScheduleConfigurationException>(() => Build(name => name == ScheduleSettings.FileSetting ? path : null));

        Assert.Contains($"AslSchedulesFile '{path}': cannot read the schedules file", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddAslFunctionsApp_SchedulesFile_TheTimerServesIt()
    {
        string path = Path.Combine(Path.GetTempPath(), $"asl-schedules-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, """{"Schedules": [{"Name": "n", "ScheduleExpression": "rate(1 hour)", "Target": {"Arn": "arn:aws:states:us-east-1:123456789012:stateMachine:m"}}]}""");
        try
        {
            using ServiceProvider services = Build(name => name == ScheduleSettings.FileSetting ? path : null);

            Assert.Equal("n", Assert.Single(services.GetRequiredService<ScheduleConfiguration>().Schedules).Name);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void AddAslFunctionsApp_NoStorage_KeepsTheApiStateInMemory()
    {
        using ServiceProvider services = Build(_ => null);

        Assert.IsType<InMemoryStateMachineStore>(services.GetRequiredService<IStateMachineStore>());
        Assert.IsType<ExecutionHistoryStore>(services.GetRequiredService<IExecutionHistoryStore>());
    }

    [Fact]
    public async Task AddAslFunctionsApp_NoStorage_ClosingEventRecordedTellsTheExecutionIndex()
    {
        using ServiceProvider services = Build(_ => null);
        IExecutionIndex index = services.GetRequiredService<IExecutionIndex>();
        string prefix = new ApiOptions().ArnPrefix;
        StateMachineRecord machine = new(prefix + ":stateMachine:fm", "fm", "STANDARD", "{}", "arn:aws:iam::123456789012:role/R", DateTimeOffset.UnixEpoch);
        ExecutionRecord execution = new(prefix + ":execution:fm:e1", machine.Arn, "e1", "fm:e1", "{}", DateTimeOffset.UnixEpoch, machine);
        await index.GetOrAddAsync(execution, CancellationToken.None);

        services.GetRequiredService<IExecutionHistoryStore>().SinkFor("fm:e1")
            .Record(new HistoryEvent(1, 0, "ExecutionSucceeded", DateTimeOffset.UnixEpoch.AddSeconds(2), new JsonObject { ["output"] = "{}" }));

        Assert.Equal(new ExecutionOutcome("SUCCEEDED", DateTimeOffset.UnixEpoch.AddSeconds(2)), (await index.GetAsync(execution.ExecutionArn, CancellationToken.None))!.KnownClosed());
    }

    [Theory]
    [InlineData("Storage")]
    [InlineData("AzureWebJobsStorage")]
    public void AddAslFunctionsApp_StorageConnection_KeepsTheApiStateInTableStorage(string setting)
    {
        using ServiceProvider services = Build(name => name == setting ? "UseDevelopmentStorage=true" : name == "AslTaskHub" ? "hubone" : null);

        Assert.IsType<AzureStateMachineStore>(services.GetRequiredService<IStateMachineStore>());
        Assert.IsType<AzureStateMachineVersionStore>(services.GetRequiredService<IStateMachineVersionStore>());
        Assert.IsType<AzureStateMachineAliasStore>(services.GetRequiredService<IStateMachineAliasStore>());
        Assert.IsType<AzureActivityStore>(services.GetRequiredService<IActivityStore>());
        Assert.IsType<AzureExecutionIndex>(services.GetRequiredService<IExecutionIndex>());
        Assert.IsType<AzureExecutionHistoryStore>(services.GetRequiredService<IExecutionHistoryStore>());
        Assert.Equal("huboneApiRegistry", services.GetRequiredService<ApiTableStorage>().Registry.Name);
    }

    [Fact]
    public async Task AddAslFunctionsApp_AslIntegrations_ValidateStateMachineDefinitionWarnsAboutUnservedResources()
    {
        using ServiceProvider services = Build(name => name == IntegrationsSettings.JsonSetting
            ? """{"connections": {"items-api": {"authorization": {"type": "NONE"}}}}"""
            : null);
        const string definition = """{"StartAt":"G","States":{"G":{"Type":"Task","Resource":"arn:aws:states:::glue:startJobRun","End":true}}}""";

        ApiResponse response = await services.GetRequiredService<StepFunctionsDispatcher>().DispatchAsync(
            StepFunctionsDispatcher.TargetPrefix + "ValidateStateMachineDefinition",
            new JsonObject { ["definition"] = definition, ["severity"] = "WARNING" }.ToJsonString(),
            new Mock<IExecutionClient>(MockBehavior.Strict).Object,
            CancellationToken.None);

        Assert.Equal(200, response.StatusCode);
        JsonNode diagnostic = Assert.Single(JsonNode.Parse(response.Body)!["diagnostics"]!.AsArray())!;
        Assert.Equal("WARNING", (string?)diagnostic["severity"]);
        Assert.Equal(IntegrationDiagnostics.UnconfiguredResource, (string?)diagnostic["code"]);
        Assert.Equal("/States/G/Resource", (string?)diagnostic["location"]);
        Assert.NotNull(services.GetService<IntegrationWarnings>());
    }

    private static ServiceProvider Build(Func<string, string?> settings, Action<IServiceCollection>? extra = null)
    {
        ServiceCollection services = new();
        // What the Functions worker host adds before Program's registrations.
        services.AddLogging();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        services.AddAslFunctionsApp(settings);
        extra?.Invoke(services);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }
}
