using System.Text.Json.Nodes;
using AslOnDurable.Runtime.Api.Executions;
using AslOnDurable.Runtime.Api.Protocol;
using AslOnDurable.Runtime.Api.Registry;
using AslOnDurable.Runtime.Hosting;
using AslOnDurable.Runtime.Tests.Hosting;
using AslOnDurable.Runtime.Tests.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace AslOnDurable.Runtime.Tests.Api;

/// <summary>
/// ListExecutions between RedriveExecution and the redriven generation's start: PENDING_REDRIVE from the index alone (no
/// backend call), as DescribeExecution answers; once the redrive's claim lapsed (its host stopped before the start), the
/// closing before with the redrives that started, as DescribeExecution shows it.
/// </summary>
public sealed class ListExecutionsPendingRedriveTests
{
    [Fact]
    public Task ListExecutions_RedriveRecordedNotStarted_PendingRedriveThenTheClosingBeforeOnceTheClaimLapsed() =>
        PendingRedriveScenario.RunAsync(null);
}

/// <summary>The same on DurableTask.AzureStorage with the API's Table Storage index (Azurite).</summary>
[Collection(AzuriteCollection.Name)]
[Trait("Category", "Azurite")]
public sealed class AzureListExecutionsPendingRedriveTests(AzuriteFixture azurite)
{
    [AzuriteFact]
    public Task ListExecutions_RedriveRecordedNotStartedOnAzureStorage_PendingRedriveThenTheClosingBeforeOnceTheClaimLapsed() =>
        PendingRedriveScenario.RunAsync(AzuriteSelfHosts.Options(azurite, "pendinghub"));
}

/// <summary>
/// One execution failed, then a redrive recorded the way RedriveExecution records it and not started (what a host that
/// stopped between the two leaves), listed during its claim and after it.
/// </summary>
internal static class PendingRedriveScenario
{
    public static async Task RunAsync(SelfHostOptions? options)
    {
        ShiftedClock clock = new();
        await using RedriveTestHost host = await RedriveTestHost.StartAsync(new FlakyTaskHandler(), options, clock: clock);
        string machine = await host.Host.CreateAsync("pending-" + Guid.NewGuid().ToString("N")[..8], "redrive-flaky");
        JsonObject arn = await host.RunAsync(machine, "e1");
        await host.HistoryTypesAsync(arn);
        JsonObject failed = await ListedAsync(host, machine);

        IExecutionIndex index = host.Host.Services.GetRequiredService<IExecutionIndex>();
        ExecutionRecord read = (await index.GetAsync((string)arn["executionArn"]!, CancellationToken.None))!;
        ExecutionOutcome outcome = await ExecutionOutcomes.OfAsync(read, host.Host.Client, CancellationToken.None);
        DateTimeOffset claimed = DateTimeOffset.FromUnixTimeMilliseconds(clock.GetUtcNow().ToUnixTimeMilliseconds());
        Assert.True(await index.ReplaceAsync(read, ExecutionRedrives.Claimed(read, outcome, claimed), CancellationToken.None));

        CountedListings listings = new(host.Host);
        Task<string[]> ListAsync(string field, string value) => listings.NamesAsync(new JsonObject { ["stateMachineArn"] = machine, [field] = value });

        // During the claim: PENDING_REDRIVE, no stop date, the redrive not counted; as DescribeExecution answers.
        JsonObject pending = await ListedAsync(host, machine);
        JsonObject described = await host.DescribeAsync(arn);
        Assert.Equal("FAILED", (string?)failed["status"]);
        Assert.Equal("PENDING_REDRIVE", (string?)pending["status"]);
        Assert.Null(pending["stopDate"]);
        Assert.Equal(0, (int)pending["redriveCount"]!);
        Assert.Equal(described["redriveDate"]!.GetValue<decimal>(), pending["redriveDate"]!.GetValue<decimal>());
        Assert.Equal("PENDING_REDRIVE", (string?)described["status"]);
        Assert.Equal(0, (int)described["redriveCount"]!);
        Assert.Equal("Execution is RUNNING and cannot be redriven.", (string?)described["redriveStatusReason"]);
        Assert.Empty(await ListAsync("statusFilter", "FAILED"));
        Assert.Empty(await ListAsync("statusFilter", "RUNNING"));
        Assert.Equal(["e1=PENDING_REDRIVE"], await ListAsync("redriveFilter", "NOT_REDRIVEN"));
        Assert.Empty(await ListAsync("redriveFilter", "REDRIVEN"));
        Assert.Equal(0, listings.Asked);
        // AWS: "If you provide a stateMachineArn and a PENDING_REDRIVE statusFilter, the API returns a validation exception."
        await host.ErrorAsync("ListExecutions", new JsonObject { ["stateMachineArn"] = machine, ["statusFilter"] = "PENDING_REDRIVE" }, ApiErrorTypes.ValidationException);

        // The claim lapsed (no start within PendingRedriveClaim): the closing before, with its stop date and count.
        clock.Offset = ExecutionRedrives.PendingRedriveClaim;
        JsonObject lapsed = await ListedAsync(host, machine);
        Assert.Equal(["e1=FAILED"], await ListAsync("statusFilter", "FAILED"));
        Assert.Empty(await ListAsync("statusFilter", "RUNNING"));
        Assert.Equal(["e1=FAILED"], await ListAsync("redriveFilter", "NOT_REDRIVEN"));
        Assert.Empty(await ListAsync("redriveFilter", "REDRIVEN"));
        Assert.Equal(0, listings.Asked);
        JsonObject describedLapsed = await host.DescribeAsync(arn);
        Assert.Equal("FAILED", (string?)lapsed["status"]);
        Assert.Equal(failed["stopDate"]!.GetValue<decimal>(), lapsed["stopDate"]!.GetValue<decimal>());
        Assert.Equal(0, (int)lapsed["redriveCount"]!);
        Assert.Equal("FAILED", (string?)describedLapsed["status"]);
        Assert.Equal(lapsed["stopDate"]!.GetValue<decimal>(), describedLapsed["stopDate"]!.GetValue<decimal>());
        Assert.Equal(0, (int)describedLapsed["redriveCount"]!);
        Assert.Equal("REDRIVABLE", (string?)describedLapsed["redriveStatus"]);
    }

    private static async Task<JsonObject> ListedAsync(RedriveTestHost host, string machine) =>
        (await host.OkAsync("ListExecutions", new JsonObject { ["stateMachineArn"] = machine }))["executions"]!.AsArray().Single()!.AsObject();

    /// <summary>The system clock moved on by <see cref="Offset"/> (the API's clock only: the backend keeps its own).</summary>
    private sealed class ShiftedClock : TimeProvider
    {
        public TimeSpan Offset { get; set; }

        public override DateTimeOffset GetUtcNow() => TimeProvider.System.GetUtcNow() + Offset;
    }
}
