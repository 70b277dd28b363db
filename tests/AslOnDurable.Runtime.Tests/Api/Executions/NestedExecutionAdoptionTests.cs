using System.Text.Json.Nodes;
using AslOnDurable.Runtime.Api;
using AslOnDurable.Runtime.Api.Executions;
using AslOnDurable.Runtime.Api.Protocol;
using AslOnDurable.Runtime.Api.Registry;
using AslOnDurable.Runtime.Durable;
using AslOnDurable.Runtime.Durable.Payloads;
using AslOnDurable.Runtime.Executions;
using Microsoft.Extensions.DependencyInjection;

namespace AslOnDurable.Runtime.Tests.Api.Executions;

/// <summary>
/// The lookup by ARN of a child a parent started that the execution index missed (<see cref="NestedExecutions.AdoptAsync"/>):
/// the record is built from the backend's instance (its start record) and kept; anything that is not such a child of a
/// registered machine is left alone.
/// </summary>
public sealed class NestedExecutionAdoptionTests(ApiHostFixture fixture) : IClassFixture<ApiHostFixture>
{
    private static readonly DateTimeOffset Created = new(2026, 12, 7, 9, 30, 0, 250, TimeSpan.Zero);
    private readonly StepFunctionsSelfHost host = fixture.Host;
    private readonly FakeClient backend = new();

    private ApiResources Api => host.Services.GetRequiredService<ApiResources>();

    [Fact]
    public async Task AdoptAsync_ChildInstanceOfARegisteredMachine_IndexedWithWhatItStartedWith()
    {
        string machine = await host.CreateAsync("adopt-child", "greet");
        string arn = ExecutionArn(machine, "kid-1");
        backend.Instances["adopt-child:kid-1"] = Instance("adopt-child:kid-1", Start("adopt-child", "kid-1", depth: 1));

        ExecutionRecord? adopted = await NestedExecutions.AdoptAsync(Api, arn, backend, CancellationToken.None);

        Assert.NotNull(adopted);
        Assert.Equal((arn, machine, "kid-1", "adopt-child:kid-1", """{"who":"kid"}"""), (adopted.ExecutionArn, adopted.StateMachineArn, adopted.Name, adopted.InstanceId, adopted.InputJson));
        Assert.Equal(Created, adopted.StartDate);
        Assert.Equal(("""{"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}}""", "arn:aws:iam::1:role/parent"), (adopted.StateMachine.Definition, adopted.StateMachine.RoleArn));
        Assert.Same(adopted, await Api.Executions.GetAsync(arn, CancellationToken.None));
    }

    [Fact]
    public async Task AdoptAsync_NotAChildOfARegisteredMachine_NothingIndexed()
    {
        string machine = await host.CreateAsync("adopt-other", "greet");
        backend.Instances["adopt-other:top"] = Instance("adopt-other:top", Start("adopt-other", "top", depth: 0)); // a top-level start
        backend.Instances["adopt-other:renamed"] = Instance("adopt-other:renamed", Start("adopt-other", "someone-else", depth: 1));
        backend.Instances["adopt-other:broken"] = Instance("adopt-other:broken", "{not json");
        backend.Instances["adopt-other:run"] = Instance("adopt-other:run", Start("adopt-other", "run", depth: 1)) with { Name = OrchestratorNames.MapRun };
        backend.Instances["adopt-missing:kid"] = Instance("adopt-missing:kid", Start("adopt-missing", "kid", depth: 1));

        foreach (var name in new[] { "top", "renamed", "broken", "run", "absent" })
        {
            string arn = ExecutionArn(machine, name);
            Assert.Null(await NestedExecutions.AdoptAsync(Api, arn, backend, CancellationToken.None));
            Assert.Null(await Api.Executions.GetAsync(arn, CancellationToken.None));
        }

        string unregistered = ExecutionArn(machine.Replace("adopt-other", "adopt-missing", StringComparison.Ordinal), "kid");
        Assert.Null(await NestedExecutions.AdoptAsync(Api, unregistered, backend, CancellationToken.None));
        Assert.Null(await NestedExecutions.AdoptAsync(Api, machine.Replace(":stateMachine:", ":express:", StringComparison.Ordinal) + ":x:y", backend, CancellationToken.None));
    }

    private static string ExecutionArn(string machineArn, string name) =>
        machineArn.Replace(":stateMachine:", ":execution:", StringComparison.Ordinal) + ":" + name;

    private static string Start(string machine, string name, int depth) =>
        DurableJson.Serialize(new StateMachineInput(PayloadVersion.Current, """{"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}}""", JsonNode.Parse("""{"who":"kid"}"""))
        {
            ExecutionName = name,
            StateMachineName = machine,
            RoleArn = "arn:aws:iam::1:role/parent",
            NestingDepth = depth,
        });

    private static ExecutionSnapshot Instance(string instanceId, string input) =>
        new(instanceId, OrchestratorNames.StateMachine, ExecutionRuntimeStatus.Running, Created, Created) { InputJson = input };

    /// <summary>A backend that holds only the instances a test sets.</summary>
    private sealed class FakeClient : IExecutionClient
    {
        public Dictionary<string, ExecutionSnapshot> Instances { get; } = [];

        public Task<ExecutionSnapshot?> GetAsync(string instanceId, CancellationToken cancellationToken) =>
            Task.FromResult(Instances.GetValueOrDefault(instanceId));

        public Task StartAsync(string orchestratorName, string instanceId, string? inputJson, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<ExecutionSnapshot> WaitForCompletionAsync(string instanceId, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task TerminateAsync(string instanceId, string? reason, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task RaiseEventAsync(string instanceId, string eventName, string? payloadJson, CancellationToken cancellationToken) => throw new NotSupportedException();
    }
}
