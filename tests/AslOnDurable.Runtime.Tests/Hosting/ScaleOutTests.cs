using System.Diagnostics;
using System.Text.Json.Nodes;
using AslOnDurable.Core.Engine.History;
using AslOnDurable.Runtime.Api;
using AslOnDurable.Runtime.Api.Registry;
using AslOnDurable.Runtime.Durable;
using AslOnDurable.Runtime.Durable.Payloads;
using AslOnDurable.Runtime.Executions;
using AslOnDurable.Runtime.Hosting;
using AslOnDurable.Runtime.Tests.Durable;
using AslOnDurable.Runtime.Tests.Storage;
using DurableTask.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit.Abstractions;

namespace AslOnDurable.Runtime.Tests.Hosting;

/// <summary>
/// Scale-out on one machine: two <c>asl worker</c> processes on one Azurite task hub share a batch of executions, and
/// killing one mid-run loses nothing. Failover is shortened with <c>--failover-seconds</c> (partition leases and message
/// visibility), so the survivor takes over within seconds rather than the provider's 30 s / 5 min defaults.
/// </summary>
[Collection(AzuriteCollection.Name)]
[Trait("Category", "Azurite")]
public sealed class ScaleOutTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    private const int Executions = 20;
    private const int FailoverSeconds = 8;
    // Generous: a hang guard only. On a loaded 2-core machine starting the workers and the batch alone took 80 s.
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(300);

    [AzuriteFact]
    public async Task TwoWorkerProcesses_OneKilledMidRun_EveryExecutionCompletesWithRightOutput()
    {
        using CancellationTokenSource cts = new(Budget);
        Stopwatch clock = Stopwatch.StartNew();
        string taskHub = "scale" + Guid.NewGuid().ToString("N")[..10];
                string[] arguments =
        [
            "--storage", azurite.ConnectionString, "--task-hub", taskHub, "--partitions", "4",
            "--failover-seconds", $"{FailoverSeconds}", "--trace",
            "--mock-config", DurableFixtures.PathOf("scale-out.mock.json"), "--test-case", "Default", "--state-machine-name", "ScaleOut",
        ];
        using AslProcess first = AslProcess.StartWorker("A", arguments);
        using AslProcess second = AslProcess.StartWorker("B", arguments);
        await Task.WhenAll(first.Ready, second.Ready).WaitAsync(cts.Token);
        output.WriteLine($"{clock.Elapsed.TotalSeconds,6:F1} s  both workers ready (PIDs {first.Id}, {second.Id})");

        (IOrchestrationService _, IOrchestrationServiceClient serviceClient) = OrchestrationServiceFactory.Create(
            new SelfHostOptions { Backend = DurableBackend.AzureStorage, StorageConnectionString = azurite.ConnectionString, TaskHubName = taskHub, PartitionCount = 4 },
            NullLoggerFactory.Instance);
        TaskHubExecutionClient client = new(new TaskHubClient(serviceClient));
        string definition = DurableFixtures.Definition("scale-out");
        string[] ids = [.. Enumerable.Range(0, Executions).Select(i => $"so-{i:D2}")];
        for (int i = 0; i < Executions; i++)
        {
            string payload = DurableJson.Serialize(new StateMachineInput(PayloadVersion.Current, definition, new JsonObject { ["i"] = i })
            {
                ExecutionName = ids[i],
                StateMachineName = "ScaleOut",
            });
            await client.StartAsync(OrchestratorNames.StateMachine, ids[i], payload, cts.Token);
        }

        output.WriteLine($"{clock.Elapsed.TotalSeconds,6:F1} s  {Executions} executions started");

        // Act: once both workers are running tasks of the batch, kill A mid-run.
        await UntilAsync(() => first.Tasks().Count > 0 && second.Tasks().Count > 0, cts.Token);
        IReadOnlyList<(string Execution, string State)> beforeKill = [.. first.Tasks(), .. second.Tasks()];
        HashSet<string> startedOnA = [.. first.Tasks().Select(t => t.Execution)];
        HashSet<string> finishedBeforeKill = [.. beforeKill.Where(t => t.State == "Third").Select(t => t.Execution)];
        int secondBefore = second.Tasks().Count;
        first.Kill();
        TimeSpan killedAt = clock.Elapsed;
        output.WriteLine($"{killedAt.TotalSeconds,6:F1} s  killed A (PID {first.Id}): A ran {first.Tasks().Count} tasks, B {secondBefore}; "
            + $"{startedOnA.Except(finishedBeforeKill).Count()} executions A had worked on were unfinished");

        ExecutionSnapshot[] results = await Task.WhenAll(ids.Select(id => client.WaitForCompletionAsync(id, cts.Token)));
        output.WriteLine($"{clock.Elapsed.TotalSeconds,6:F1} s  all {Executions} executions terminal ({(clock.Elapsed - killedAt).TotalSeconds:F1} s after the kill); B ran {second.Tasks().Count - secondBefore} tasks after it");

        // Assert: every execution succeeded with the output its input determines.
        for (int i = 0; i < Executions; i++)
        {
            Assert.Equal(ExecutionRuntimeStatus.Completed, results[i].Status);
            StateMachineOutput record = DurableJson.Deserialize<StateMachineOutput>(results[i].OutputJson!);
            Assert.Equal("SUCCEEDED", record.Status);
            Assert.True(
                JsonNode.DeepEquals(new JsonObject { ["i"] = i, ["double"] = 2 * i, ["steps"] = new JsonArray(1, 2, 3) }, record.Output),
                $"{ids[i]}: {record.Output?.ToJsonString()}");
        }

        // The workers recorded each execution's ASL history where `asl serve --storage` on this task hub reads it.
        ServiceCollection apiServices = new();
        apiServices.AddLogging().AddStepFunctionsApi().AddStepFunctionsApiStorage(azurite.ConnectionString, taskHub);
        await using (ServiceProvider api = apiServices.BuildServiceProvider())
        {
            IExecutionHistoryStore history = api.GetRequiredService<IExecutionHistoryStore>();
            foreach (string id in ids)
            {
                IReadOnlyList<HistoryEvent> events = await history.EventsAsync(id, cts.Token);
                Assert.True(events.Count > 0 && events[^1].Type == HistoryEventTypes.ExecutionSucceeded, $"{id}: {string.Join(", ", events.Select(e => e.Type))}");
            }
        }

        // Both processes worked on the batch, and B carried on with executions A had been running when it died.
        Assert.NotEmpty(startedOnA);
        HashSet<string> continuedOnB = [.. second.Tasks().Skip(secondBefore).Select(t => t.Execution)];
        Assert.NotEmpty(continuedOnB.Intersect(startedOnA.Except(finishedBeforeKill)));
        second.Kill();
    }

    private static async Task UntilAsync(Func<bool> condition, CancellationToken cancellationToken)
    {
        while (!condition())
        {
            await Task.Delay(TimeSpan.FromMilliseconds(50), cancellationToken);
        }
    }
}
