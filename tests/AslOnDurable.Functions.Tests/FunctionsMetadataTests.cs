using System.Reflection;
using System.Text.Json;

namespace AslOnDurable.Functions.Tests;

/// <summary>Reads the functions.metadata the Functions SDK generated and checks every function's bindings.</summary>
public sealed class FunctionsMetadataTests
{
    private static readonly Lazy<JsonDocument> Metadata = new(Load);

    private static JsonDocument Load()
    {
        string dir = typeof(FunctionsMetadataTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "FunctionsOutputDirectory").Value!;
        return JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "functions.metadata")));
    }

    private static JsonElement Function(string name) =>
        Metadata.Value.RootElement.EnumerateArray().Single(f => f.GetProperty("name").GetString() == name);

    private static JsonElement Binding(JsonElement function, string type) =>
        function.GetProperty("bindings").EnumerateArray().Single(b => b.GetProperty("type").GetString() == type);

    private static string[] BindingTypes(JsonElement function) =>
        [.. function.GetProperty("bindings").EnumerateArray().Select(b => b.GetProperty("type").GetString()!).Order(StringComparer.Ordinal)];

    [Fact]
    public void Metadata_ListsExactlyTheFunctionNames()
    {
        string[] expected = [.. typeof(FunctionNames).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && !f.Name.EndsWith("Setting", StringComparison.Ordinal))
            .Select(f => (string)f.GetRawConstantValue()!)
            .Order(StringComparer.Ordinal)];

        string[] actual = [.. Metadata.Value.RootElement.EnumerateArray().Select(f => f.GetProperty("name").GetString()!).Order(StringComparer.Ordinal)];

        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Metadata_EveryFunction_IsIsolatedInThisAssembly()
    {
        Assert.All(Metadata.Value.RootElement.EnumerateArray(), f =>
        {
            Assert.Equal("dotnet-isolated", f.GetProperty("language").GetString());
            Assert.Equal("AslOnDurable.Functions.dll", f.GetProperty("scriptFile").GetString());
            Assert.StartsWith("AslOnDurable.Functions.", f.GetProperty("entryPoint").GetString(), StringComparison.Ordinal);
        });
    }

    [Fact]
    public void StepFunctionsApi_IsFunctionKeyPostWithDurableClient()
    {
        JsonElement f = Function(FunctionNames.StepFunctionsApi);

        Assert.Equal(["durableClient", "http", "httpTrigger"], BindingTypes(f));
        JsonElement trigger = Binding(f, "httpTrigger");
        Assert.Equal("Function", trigger.GetProperty("authLevel").GetString());
        Assert.Equal(["post"], trigger.GetProperty("methods").EnumerateArray().Select(m => m.GetString()));
        Assert.Equal("stepfunctions", trigger.GetProperty("route").GetString());
    }

    [Fact]
    public void WebConsole_IsAnonymousGetOnTheConsoleCatchAllRoute()
    {
        JsonElement f = Function(FunctionNames.WebConsole);

        Assert.Equal(["http", "httpTrigger"], BindingTypes(f));
        JsonElement trigger = Binding(f, "httpTrigger");
        Assert.Equal("Anonymous", trigger.GetProperty("authLevel").GetString());
        Assert.Equal(["get"], trigger.GetProperty("methods").EnumerateArray().Select(m => m.GetString()));
        Assert.Equal("console/{*path}", trigger.GetProperty("route").GetString());
    }

    [Fact]
    public void StartExecution_IsFunctionKeyPostWithDurableClient()
    {
        JsonElement f = Function(FunctionNames.StartExecution);

        Assert.Equal(["durableClient", "http", "httpTrigger"], BindingTypes(f));
        JsonElement trigger = Binding(f, "httpTrigger");
        Assert.Equal("Function", trigger.GetProperty("authLevel").GetString());
        Assert.Equal(["post"], trigger.GetProperty("methods").EnumerateArray().Select(m => m.GetString()));
        Assert.Equal("executions", trigger.GetProperty("route").GetString());
        Assert.Equal("Out", Binding(f, "http").GetProperty("direction").GetString());
    }

    [Fact]
    public void DescribeExecution_IsFunctionKeyGetOnInstanceRoute()
    {
        JsonElement f = Function(FunctionNames.DescribeExecution);

        Assert.Equal(["durableClient", "http", "httpTrigger"], BindingTypes(f));
        JsonElement trigger = Binding(f, "httpTrigger");
        Assert.Equal("Function", trigger.GetProperty("authLevel").GetString());
        Assert.Equal(["get"], trigger.GetProperty("methods").EnumerateArray().Select(m => m.GetString()));
        Assert.Equal("executions/{instanceId}", trigger.GetProperty("route").GetString());
    }

    [Theory]
    [InlineData(FunctionNames.SendTaskSuccess, "tasks/success")]
    [InlineData(FunctionNames.SendTaskFailure, "tasks/failure")]
    [InlineData(FunctionNames.SendTaskHeartbeat, "tasks/heartbeat")]
    public void TaskCallbacks_AreFunctionKeyPostsWithDurableClient(string name, string route)
    {
        JsonElement f = Function(name);

        Assert.Equal(["durableClient", "http", "httpTrigger"], BindingTypes(f));
        JsonElement trigger = Binding(f, "httpTrigger");
        Assert.Equal("Function", trigger.GetProperty("authLevel").GetString());
        Assert.Equal(["post"], trigger.GetProperty("methods").EnumerateArray().Select(m => m.GetString()));
        Assert.Equal(route, trigger.GetProperty("route").GetString());
    }

    [Fact]
    public void StateMachineOrchestrator_HasOnlyAnOrchestrationTrigger() =>
        Assert.Equal(["orchestrationTrigger"], BindingTypes(Function(FunctionNames.StateMachineOrchestrator)));

    [Fact]
    public void MapRunFunctions_AreAnOrchestrationAndStringActivityTriggers()
    {
        Assert.Equal(["orchestrationTrigger"], BindingTypes(Function(FunctionNames.MapRunOrchestrator)));
        foreach (string name in (string[])[FunctionNames.MapRunStage, FunctionNames.MapRunChunk, FunctionNames.MapRunChildInputs, FunctionNames.MapRunRecordChunk, FunctionNames.MapRunFinish])
        {
            Assert.Equal("String", Binding(Function(name), "activityTrigger").GetProperty("dataType").GetString());
        }

        // Redriving a chunk redrives its STANDARD children in place, through the durable client; a chunk of EXPRESS
        // children watches its map run through it (and stops once the map run has ended).
        Assert.Equal(["activityTrigger", "durableClient"], BindingTypes(Function(FunctionNames.MapRunRedriveChunk)));
        Assert.Equal(["activityTrigger", "durableClient"], BindingTypes(Function(FunctionNames.MapRunChunk)));
    }

    [Fact]
    public void StateMachineTask_HasAStringActivityTriggerAndDurableClient()
    {
        // The client: the activity watches its instance and stops waiting once the execution's result is decided.
        JsonElement f = Function(FunctionNames.StateMachineTask);
        JsonElement trigger = Binding(f, "activityTrigger");

        Assert.Equal(["activityTrigger", "durableClient"], BindingTypes(f));
        Assert.Equal("In", trigger.GetProperty("direction").GetString());
        Assert.Equal("String", trigger.GetProperty("dataType").GetString());
    }

    [Fact]
    public void CloseAbandonedChildren_HasAStringActivityTriggerAndDurableClient()
    {
        JsonElement f = Function(FunctionNames.CloseAbandonedChildren);

        Assert.Equal(["activityTrigger", "durableClient"], BindingTypes(f));
        Assert.Equal("String", Binding(f, "activityTrigger").GetProperty("dataType").GetString());
    }

    [Fact]
    public void StartStateMachineExecution_HasAStringActivityTriggerAndDurableClient()
    {
        JsonElement f = Function(FunctionNames.StartStateMachineExecution);

        Assert.Equal(["activityTrigger", "durableClient"], BindingTypes(f));
        Assert.Equal("String", Binding(f, "activityTrigger").GetProperty("dataType").GetString());
    }

    [Fact]
    public void ScheduledStart_UsesTheScheduleSettingAndDurableClient()
    {
        JsonElement f = Function(FunctionNames.ScheduledStart);

        Assert.Equal(["durableClient", "timerTrigger"], BindingTypes(f));
        Assert.Equal(FunctionNames.ScheduleSetting, Binding(f, "timerTrigger").GetProperty("schedule").GetString());
    }

    [Fact]
    public void MapRunSweep_IsAnHourlyTimerWithDurableClient()
    {
        JsonElement f = Function(FunctionNames.MapRunSweep);

        Assert.Equal(["durableClient", "timerTrigger"], BindingTypes(f));
        Assert.Equal(MapRunSweepFunction.Schedule, Binding(f, "timerTrigger").GetProperty("schedule").GetString());
    }

    [Fact]
    public void QueueStart_UsesTheQueueSettingDurableClientAndPoisonQueue()
    {
        JsonElement f = Function(FunctionNames.QueueStart);

        Assert.Equal(["durableClient", "queue", "queueTrigger"], BindingTypes(f));
        Assert.Equal(FunctionNames.StartQueueSetting, Binding(f, "queueTrigger").GetProperty("queueName").GetString());
        Assert.Equal("%AslStartQueue%-poison", Binding(f, "queue").GetProperty("queueName").GetString());
        Assert.Equal("Out", Binding(f, "queue").GetProperty("direction").GetString());
    }

    [Theory]
    [InlineData(FunctionNames.StartStateMachine, "post", "statemachines/{name}/executions")]
    [InlineData(FunctionNames.DescribeStateMachineExecution, "get", "statemachines/{name}/executions/{execution}")]
    public void StateMachineRoutes_AreFunctionKeyWithDurableClient(string name, string method, string route)
    {
        JsonElement f = Function(name);

        Assert.Equal(["durableClient", "http", "httpTrigger"], BindingTypes(f));
        JsonElement trigger = Binding(f, "httpTrigger");
        Assert.Equal("Function", trigger.GetProperty("authLevel").GetString());
        Assert.Equal([method], trigger.GetProperty("methods").EnumerateArray().Select(m => m.GetString()));
        Assert.Equal(route, trigger.GetProperty("route").GetString());
    }
}
