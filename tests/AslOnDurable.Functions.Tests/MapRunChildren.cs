using System.Text.Json.Nodes;
using AslOnDurable.Runtime.Api;
using AslOnDurable.Runtime.Api.Protocol;
using AslOnDurable.Runtime.Api.MapRuns;
using AslOnDurable.Runtime.Durable;
using AslOnDurable.Runtime.Durable.MapRuns;
using AslOnDurable.Runtime.Executions;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Moq;

namespace AslOnDurable.Functions.Tests;

/// <summary>
/// STANDARD children of one map run of machine <c>m</c>, recorded in the API's execution index as the Functions app's
/// map-run activity records them, their state in a <see cref="DurableTaskClient"/> mock, and how ListExecutions lists them.
/// </summary>
/// <param name="started">When the children started (their generation's creation time in the backend).</param>
internal sealed class MapRunChildren(DateTimeOffset started)
{
    /// <summary>The map run's ARN.</summary>
    public const string MapRunArn = "arn:aws:states:us-east-1:123456789012:mapRun:m/Process:11111111-1111-1111-1111-111111111111";

    private const string Definition = """{"StartAt":"W","States":{"W":{"Type":"Wait","Seconds":3600,"End":true}}}""";

    /// <summary>Records the named children in the execution index.</summary>
    public static async Task<MapRunChildren> RecordAsync(IServiceProvider services, DateTimeOffset started, params string[] names)
    {
        Func<MapRunChildStart, CancellationToken, Task> recorder = MapRunApiHooks.ChildRecorder(services);
        foreach (string name in names)
        {
            await recorder(new MapRunChildStart(MapRunArn, Arn(name), name, InstanceId(name), "m/Process", Definition, "{}", started), CancellationToken.None);
        }

        return new MapRunChildren(started) { Names = names };
    }

    /// <summary>Gets the children's names, in the order recorded.</summary>
    public IReadOnlyList<string> Names { get; private init; } = [];

    /// <summary>A child's execution ARN.</summary>
    public static string Arn(string name) => "arn:aws:states:us-east-1:123456789012:execution:m/Process:" + name;

    /// <summary>A child's durable instance id.</summary>
    public static string InstanceId(string name) => MapRunInstanceIds.FromArn(Arn(name));

    /// <summary>What the backend answers about a child.</summary>
    public void Backend(Mock<DurableTaskClient> client, string name, OrchestrationRuntimeStatus status, DateTimeOffset? lastUpdated = null) =>
        client.Setup(c => c.GetInstancesAsync(InstanceId(name), It.IsAny<bool>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new OrchestrationMetadata(OrchestratorNames.StateMachine, InstanceId(name))
            {
                RuntimeStatus = status, CreatedAt = started, LastUpdatedAt = lastUpdated ?? started,
            });

    /// <summary>
    /// ListExecutions by the map run's ARN: each child's name, status and stop date, in the order recorded; checks that
    /// the listing asked the backend nothing (the index alone answers).
    /// </summary>
    public async Task<IReadOnlyList<(string Name, string Status, DateTimeOffset? StopDate)>> ListedAsync(IServiceProvider services, Mock<DurableTaskClient> client)
    {
        client.Invocations.Clear();
        var response = await services.GetRequiredService<StepFunctionsDispatcher>().DispatchAsync(
            StepFunctionsDispatcher.TargetPrefix + "ListExecutions", new JsonObject { ["mapRunArn"] = MapRunArn }.ToJsonString(),
            new DurableTaskExecutionClient(client.Object), CancellationToken.None);
        Assert.Equal(200, response.StatusCode);
        Assert.Empty(client.Invocations);
        Dictionary<string, JsonNode> listed = JsonNode.Parse(response.Body)!["executions"]!.AsArray().ToDictionary(e => (string)e!["name"]!, e => e!);
        return [.. Names.Select(n => (n, (string)listed[n]["status"]!,
            listed[n]["stopDate"] is { } stop ? DateTimeOffset.FromUnixTimeMilliseconds((long)(stop.GetValue<decimal>() * 1000)) : (DateTimeOffset?)null))];
    }
}
