using System.Globalization;
using System.Text.Json.Nodes;
using AslOnDurable.Core.Engine.History;
using AslOnDurable.Runtime.Api.Contracts;
using AslOnDurable.Runtime.Api.Executions;
using AslOnDurable.Runtime.Api.Registry;

namespace AslOnDurable.Runtime.Tests.Api.Registry;

/// <summary>
/// What every implementation of the API's stores must do (registry, execution index, history). Runs once per
/// implementation: in memory, and on Table/Blob Storage (Azurite). "Another host" is a second set of stores over the
/// same backing state.
/// </summary>
public abstract class ApiStoreContractTests
{
    private const string Prefix = "arn:aws:states:us-east-1:123456789012:";
    private static readonly DateTimeOffset Start = new(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);

    /// <summary>One host's stores.</summary>
    protected sealed record Stores(IStateMachineStore Machines, IActivityStore Activities, IStateMachineVersionStore Versions,
        IStateMachineAliasStore Aliases, IExecutionIndex Executions, IExecutionHistoryStore History);

    /// <summary>Gets the first host's stores.</summary>
    protected abstract Stores Host { get; }

    /// <summary>Gets a second host's stores over the same state.</summary>
    protected abstract Stores OtherHost { get; }

    /// <summary>Whether the backing state is shared between hosts (false in memory, where each process has its own).</summary>
    protected abstract bool SharedAcrossHosts { get; }

    /// <summary>Waits until every history event recorded so far is stored.</summary>
    protected virtual Task FlushAsync(Stores stores) => Task.CompletedTask;

    [Fact]
    public async Task GetOrAddAsync_NewThenSameArn_StoresTheFirstAndAnswersIt()
    {
        StateMachineRecord first = Machine("m1", "{}");
        StateMachineRecord second = Machine("m1", "{\"other\":true}");

        StateMachineRecord added = await Host.Machines.GetOrAddAsync(first, CancellationToken.None);
        StateMachineRecord existing = await Host.Machines.GetOrAddAsync(second, CancellationToken.None);

        Assert.Same(first, added);
        Assert.Equal("{}", existing.Definition);
        Assert.Equal(first.CreationDate, existing.CreationDate);
    }

    [Fact]
    public async Task GetAsync_RoundTrip_KeepsEveryField()
    {
        StateMachineRecord machine = Machine("full", "{\"StartAt\":\"P\"}") with
        {
            Logging = new LoggingConfiguration("ALL", true, [new JsonObject { ["cloudWatchLogsLogGroup"] = new JsonObject { ["logGroupArn"] = "g" } }]),
            Tracing = new TracingConfiguration(true),
            UpdateDate = Start.AddHours(1),
            RevisionId = "rev-1",
            LastVersion = 3,
            Tags = [new Tag("team", "a"), new Tag("env", null)],
        };
        await Host.Machines.GetOrAddAsync(machine, CancellationToken.None);

        StateMachineRecord? read = await Host.Machines.GetAsync(machine.Arn, CancellationToken.None);

        Assert.NotNull(read);
        Assert.Equal(machine with { Logging = read.Logging, Tags = read.Tags }, read);
        Assert.Equal("ALL", read.Logging.Level);
        Assert.Equal("g", (string?)read.Logging.Destinations![0]["cloudWatchLogsLogGroup"]!["logGroupArn"]);
        Assert.Equal(machine.Tags, read.Tags);
        Assert.Null(await Host.Machines.GetAsync(Prefix + "stateMachine:absent", CancellationToken.None));
    }

    [Fact]
    public async Task GetAsync_LargeDefinition_RoundTrips()
    {
        string definition = "{\"Comment\":\"" + new string('é', 400_000) + "\"}";
        await Host.Machines.GetOrAddAsync(Machine("big", definition), CancellationToken.None);

        StateMachineRecord? read = await Host.Machines.GetAsync(Prefix + "stateMachine:big", CancellationToken.None);
        StateMachineRecord updated = read! with { Definition = "{}" };
        bool replaced = await Host.Machines.ReplaceAsync(read, updated, CancellationToken.None);

        Assert.Equal(definition, read.Definition);
        Assert.True(replaced);
        Assert.Equal("{}", (await Host.Machines.GetAsync(read.Arn, CancellationToken.None))!.Definition);
    }

    [Fact]
    public async Task ReplaceAsync_Expected_SwapsOnceAndRefusesAStaleRecord()
    {
        StateMachineRecord machine = await Host.Machines.GetOrAddAsync(Machine("cas", "{}"), CancellationToken.None);
        StateMachineRecord read = (await Host.Machines.GetAsync(machine.Arn, CancellationToken.None))!;

        bool first = await Host.Machines.ReplaceAsync(read, read with { LastVersion = 1 }, CancellationToken.None);
        bool stale = await Host.Machines.ReplaceAsync(read, read with { LastVersion = 2 }, CancellationToken.None);

        Assert.True(first);
        Assert.False(stale);
        Assert.Equal(1, (await Host.Machines.GetAsync(machine.Arn, CancellationToken.None))!.LastVersion);
    }

    [Fact]
    public async Task ReplaceAsync_Missing_ReturnsFalse()
    {
        StateMachineRecord machine = Machine("never", "{}");

        Assert.False(await Host.Machines.ReplaceAsync(machine, CancellationToken.None));
        Assert.False(await Host.Machines.ReplaceAsync(machine, machine with { LastVersion = 1 }, CancellationToken.None));
        Assert.Null(await Host.Machines.GetAsync(machine.Arn, CancellationToken.None));
    }

    [Fact]
    public async Task DeleteAsync_ThenListAsync_ListsTheRestByName()
    {
        foreach (string name in (string[])["b", "a", "c"])
        {
            await Host.Activities.GetOrAddAsync(new ActivityRecord(Prefix + "activity:" + name, name, Start), CancellationToken.None);
        }

        bool deleted = await Host.Activities.DeleteAsync(Prefix + "activity:b", CancellationToken.None);
        bool again = await Host.Activities.DeleteAsync(Prefix + "activity:b", CancellationToken.None);

        Assert.True(deleted);
        Assert.False(again);
        Assert.Equal(["a", "c"], (await Host.Activities.ListAsync(CancellationToken.None)).Select(a => a.Name));
    }

    [Fact]
    public async Task VersionsAndAliases_RoundTrip()
    {
        StateMachineRecord machine = Machine("va", "{}");
        StateMachineVersionRecord version = new(machine.Arn + ":1", 1, machine with { LastVersion = 1 }, "first", Start);
        StateMachineAliasRecord alias = new(machine.Arn + ":live", machine.Arn, "live", null,
            [new RoutingConfigurationListItem(version.Arn, 100)], Start) { UpdateDate = Start.AddDays(1) };

        await Host.Versions.GetOrAddAsync(version, CancellationToken.None);
        await Host.Aliases.GetOrAddAsync(alias, CancellationToken.None);
        StateMachineVersionRecord? readVersion = await Host.Versions.GetAsync(version.Arn, CancellationToken.None);
        StateMachineAliasRecord? readAlias = await Host.Aliases.GetAsync(alias.Arn, CancellationToken.None);

        Assert.Equal(version with { Snapshot = readVersion!.Snapshot }, readVersion);
        Assert.Equal(1, readVersion.Snapshot.LastVersion);
        Assert.Equal(alias.RoutingConfiguration, readAlias!.RoutingConfiguration);
        Assert.Equal(alias with { RoutingConfiguration = readAlias.RoutingConfiguration }, readAlias);
    }

    [Fact]
    public async Task GetOrAddAsync_TwoHostsSameName_OneWinsAndBothSeeIt()
    {
        StateMachineRecord mine = Machine("race", "{\"host\":1}");
        StateMachineRecord theirs = Machine("race", "{\"host\":2}");

        var results = await Task.WhenAll(
            Host.Machines.GetOrAddAsync(mine, CancellationToken.None), OtherHost.Machines.GetOrAddAsync(theirs, CancellationToken.None));

        if (SharedAcrossHosts)
        {
            Assert.Equal(results[0].Definition, results[1].Definition);
            Assert.True(ReferenceEquals(results[0], mine) ^ ReferenceEquals(results[1], theirs));
        }
        else
        {
            Assert.Same(mine, results[0]);
        }
    }

    [Fact]
    public async Task ReplaceAsync_TwoHostsFromTheSameRead_OnlyOneSucceeds()
    {
        StateMachineRecord machine = await Host.Machines.GetOrAddAsync(Machine("race2", "{}"), CancellationToken.None);
        if (!SharedAcrossHosts)
        {
            return; // each process has its own memory: nothing to race with
        }

        StateMachineRecord mine = (await Host.Machines.GetAsync(machine.Arn, CancellationToken.None))!;
        StateMachineRecord theirs = (await OtherHost.Machines.GetAsync(machine.Arn, CancellationToken.None))!;

        bool first = await Host.Machines.ReplaceAsync(mine, mine with { Tags = [new Tag("a", "1")] }, CancellationToken.None);
        bool second = await OtherHost.Machines.ReplaceAsync(theirs, theirs with { Tags = [new Tag("b", "2")] }, CancellationToken.None);

        Assert.True(first);
        Assert.False(second);
        Assert.Equal("a", (await OtherHost.Machines.GetAsync(machine.Arn, CancellationToken.None))!.Tags.Single().Key);
    }

    [Fact]
    public async Task Executions_SameNameInTwoMachines_AreTwoExecutionsListedNewestFirst()
    {
        ExecutionRecord a1 = Execution("ma", "run-1", Start);
        ExecutionRecord a2 = Execution("ma", "run-2", Start.AddMinutes(1));
        ExecutionRecord b1 = Execution("mb", "run-1", Start);

        foreach (ExecutionRecord e in (ExecutionRecord[])[a1, a2, b1])
        {
            Assert.Same(e, await Host.Executions.GetOrAddAsync(e, CancellationToken.None));
        }

        ExecutionRecord again = await Host.Executions.GetOrAddAsync(a1 with { InputJson = "{\"x\":2}" }, CancellationToken.None);
        var listed = await Host.Executions.ListAsync(Prefix + "stateMachine:ma", CancellationToken.None);

        Assert.Equal("{}", again.InputJson);
        Assert.Equal([a2.ExecutionArn, a1.ExecutionArn], listed.Select(e => e.ExecutionArn));
        Assert.Equal("mb:run-1", (await Host.Executions.GetAsync(b1.ExecutionArn, CancellationToken.None))!.InstanceId);
        Assert.Null(await Host.Executions.GetAsync(Prefix + "execution:ma:absent", CancellationToken.None));
    }

    [Fact]
    public async Task Executions_ReplaceAsync_KeepsEveryField()
    {
        ExecutionRecord e = Execution("mr", "run-1", Start) with { StateMachineVersionArn = Prefix + "stateMachine:mr:1" };
        await Host.Executions.GetOrAddAsync(e, CancellationToken.None);
        ExecutionRecord stopped = e with
        {
            RedriveCount = 1, RedriveDate = Start.AddSeconds(2), RedriveClientTokens = [new RedriveClientToken("token-1", Start.AddSeconds(2))],
            StopError = "E", StopCause = "C", Outcome = new ExecutionOutcome("ABORTED", Start.AddSeconds(1)) { Error = "E", Cause = "C" },
        };

        await Host.Executions.ReplaceAsync(stopped, CancellationToken.None);
        ExecutionRecord? read = await Host.Executions.GetAsync(e.ExecutionArn, CancellationToken.None);

        Assert.Equal(stopped.RedriveClientTokens, read!.RedriveClientTokens);
        Assert.Equal(stopped with { StateMachine = read.StateMachine, RedriveClientTokens = read.RedriveClientTokens }, read);
        Assert.Equal(e.StateMachine with { Tags = read.StateMachine.Tags, Logging = read.StateMachine.Logging }, read.StateMachine);
    }

    [Fact]
    public async Task Executions_ReplaceExpected_SwapsOnceThenFromTheNewRecord_RefusesAStaleOne()
    {
        ExecutionRecord e = Execution("mw", "run-" + Guid.NewGuid().ToString("N", CultureInfo.InvariantCulture), Start);
        await Host.Executions.GetOrAddAsync(e, CancellationToken.None);
        ExecutionRecord read = (await Host.Executions.GetAsync(e.ExecutionArn, CancellationToken.None))!;
        ExecutionRecord redriven = read with { RedriveCount = 1, RedriveDate = Start.AddSeconds(4) };

        bool first = await Host.Executions.ReplaceAsync(read, redriven, CancellationToken.None);
        bool stale = await Host.Executions.ReplaceAsync(read, read with { RedriveCount = 7 }, CancellationToken.None);
        bool fromWritten = await Host.Executions.ReplaceAsync(redriven, redriven with { RedriveCount = 2 }, CancellationToken.None);
        ExecutionRecord stored = (await Host.Executions.GetAsync(e.ExecutionArn, CancellationToken.None))!;
        bool closedSince = await Host.Executions.RecordClosedAsync(stored, new ExecutionOutcome("FAILED", Start.AddSeconds(9)), CancellationToken.None);
        bool afterClosing = await Host.Executions.ReplaceAsync(stored, stored with { RedriveCount = 3 }, CancellationToken.None);

        Assert.True(first);
        Assert.False(stale);
        Assert.True(fromWritten); // the record a swap wrote is the one stored: a next swap may start from it
        Assert.Equal(2, stored.RedriveCount);
        Assert.True(closedSince);
        Assert.False(afterClosing); // a closing kept since the read changed the record
        Assert.Equal(2, (await Host.Executions.GetAsync(e.ExecutionArn, CancellationToken.None))!.RedriveCount);
        Assert.Equal(2, (await Host.Executions.ListAsync(e.StateMachineArn, CancellationToken.None)).Single(x => x.ExecutionArn == e.ExecutionArn).RedriveCount);
    }

    [Fact]
    public async Task Executions_ReplaceExpected_TwoHostsFromTheSameRead_OnlyOneSucceeds()
    {
        ExecutionRecord e = Execution("mx", "run-" + Guid.NewGuid().ToString("N", CultureInfo.InvariantCulture), Start);
        await Host.Executions.GetOrAddAsync(e, CancellationToken.None);
        if (!SharedAcrossHosts)
        {
            return; // each process has its own memory: nothing to race with
        }

        ExecutionRecord mine = (await Host.Executions.GetAsync(e.ExecutionArn, CancellationToken.None))!;
        ExecutionRecord theirs = (await OtherHost.Executions.GetAsync(e.ExecutionArn, CancellationToken.None))!;

        bool[] results = await Task.WhenAll(
            Host.Executions.ReplaceAsync(mine, mine with { RedriveCount = 1, RedriveDate = Start.AddSeconds(1) }, CancellationToken.None),
            OtherHost.Executions.ReplaceAsync(theirs, theirs with { RedriveCount = 1, RedriveDate = Start.AddSeconds(2) }, CancellationToken.None));

        Assert.Single(results, r => r);
        ExecutionRecord stored = (await OtherHost.Executions.GetAsync(e.ExecutionArn, CancellationToken.None))!;
        Assert.Equal(results[0] ? Start.AddSeconds(1) : Start.AddSeconds(2), stored.RedriveDate);
    }

    [Fact]
    public async Task History_RecordedEvents_ReadBackInIdOrderWithDetails()
    {
        string instance = "mh:run-" + Guid.NewGuid().ToString("N", CultureInfo.InvariantCulture);
        IHistorySink sink = Host.History.SinkFor(instance);
        string big = new('x', 200_000);
        for (int id = 1; id <= 250; id++)
        {
            JsonObject details = id switch
            {
                7 => new JsonObject { ["input"] = "\"" + big + "\"" },         // split over a row's properties
                8 => new JsonObject { ["output"] = "\"" + big + big + "\"" },  // a blob of its own
                _ => new JsonObject { ["name"] = "S" + id },
            };
            sink.Record(new HistoryEvent(id, id - 1, id == 1 ? "ExecutionStarted" : "PassStateEntered", Start.AddMilliseconds(id), details));
        }

        var events = await Host.History.EventsAsync(instance, CancellationToken.None);

        Assert.Equal(Enumerable.Range(1, 250).Select(i => (long)i), events.Select(e => e.Id));
        Assert.Equal(Start.AddMilliseconds(250), events[^1].Timestamp);
        Assert.Equal("S250", (string?)events[^1].Details!["name"]);
        Assert.Equal("\"" + big + "\"", (string?)events[6].Details!["input"]);
        Assert.Equal("\"" + big + big + "\"", (string?)events[7].Details!["output"]);
        Assert.Empty(await Host.History.EventsAsync("mh:none", CancellationToken.None));
    }

    [Fact]
    public async Task History_SameEventTwice_IsKeptOnce()
    {
        string instance = "md:run-" + Guid.NewGuid().ToString("N", CultureInfo.InvariantCulture);
        HistoryEvent started = new(1, 0, "ExecutionStarted", Start, new JsonObject { ["input"] = "{}" });
        Host.History.SinkFor(instance).Record(started);
        await FlushAsync(Host);
        if (!SharedAcrossHosts)
        {
            return; // in memory a sink never sees an event twice (the orchestrator forwards outside replay only)
        }

        // An episode run again on another host after its first worker was lost records the same events.
        OtherHost.History.SinkFor(instance).Record(started);
        await FlushAsync(OtherHost);

        Assert.Single(await Host.History.EventsAsync(instance, CancellationToken.None));
    }

    [Fact]
    public async Task History_RangeAndLastId_ReadOnlyThatRange()
    {
        string instance = "mp:run-" + Guid.NewGuid().ToString("N", CultureInfo.InvariantCulture);
        IHistorySink sink = Host.History.SinkFor(instance);
        for (int id = 1; id <= 120; id++)
        {
            sink.Record(new HistoryEvent(id, id - 1, "PassStateEntered", Start.AddMilliseconds(id), new JsonObject { ["name"] = "S" + id }));
        }

        var middle = await Host.History.RangeAsync(instance, 100, 110, 5, CancellationToken.None);
        var tail = await Host.History.RangeAsync(instance, 115, long.MaxValue, 100, CancellationToken.None);

        Assert.Equal([100L, 101, 102, 103, 104], middle.Select(e => e.Id));
        Assert.Equal("S100", (string?)middle[0].Details!["name"]);
        Assert.Equal([115L, 116, 117, 118, 119, 120], tail.Select(e => e.Id));
        Assert.Equal(120, await Host.History.LastIdAsync(instance, CancellationToken.None));
        Assert.Equal(0, await Host.History.LastIdAsync("mp:none", CancellationToken.None));
        Assert.Empty(await Host.History.RangeAsync("mp:none", 1, 10, 10, CancellationToken.None));
    }

    [Fact]
    public async Task Executions_RecordClosed_KeptUntilARedriveReplacesTheRecord()
    {
        ExecutionRecord e = Execution("mc", "run-" + Guid.NewGuid().ToString("N", CultureInfo.InvariantCulture), Start);
        await Host.Executions.GetOrAddAsync(e, CancellationToken.None);
        ExecutionRecord read = (await Host.Executions.GetAsync(e.ExecutionArn, CancellationToken.None))!;
        ExecutionOutcome failed = new("FAILED", Start.AddSeconds(3)) { Error = "E", Cause = "C" };

        Assert.True(await Host.Executions.RecordClosedAsync(read, failed, CancellationToken.None));
        ExecutionRecord closed = (await Host.Executions.GetAsync(e.ExecutionArn, CancellationToken.None))!;
        ExecutionRecord listed = (await Host.Executions.ListAsync(e.StateMachineArn, CancellationToken.None)).Single(x => x.ExecutionArn == e.ExecutionArn);
        await Host.Executions.ReplaceAsync(closed with { RedriveCount = 1, RedriveDate = Start.AddSeconds(4) }, CancellationToken.None);
        ExecutionRecord redriven = (await Host.Executions.GetAsync(e.ExecutionArn, CancellationToken.None))!;

        Assert.Equal(new ExecutionOutcome("FAILED", Start.AddSeconds(3)), closed.KnownClosed());
        Assert.Null(closed.KnownClosed()!.Error);
        Assert.Equal("FAILED", listed.KnownClosed()?.Status);
        Assert.Null(redriven.KnownClosed());
        Assert.False(await Host.Executions.RecordClosedAsync(read, failed, CancellationToken.None)); // read before the redrive: stale
        Assert.Null((await Host.Executions.GetAsync(e.ExecutionArn, CancellationToken.None))!.KnownClosed());
    }

    [Fact]
    public async Task History_ClosingEventRecorded_IndexKnowsItClosedUntilARedrive()
    {
        ExecutionRecord e = Execution("mz", "run-" + Guid.NewGuid().ToString("N", CultureInfo.InvariantCulture), Start);
        await Host.Executions.GetOrAddAsync(e, CancellationToken.None);
        IHistorySink sink = Host.History.SinkFor(e.InstanceId);
        ExecutionFilter running = new(e.StateMachineArn) { Status = "RUNNING" };
        async Task<string[]> Listed(ExecutionFilter filter) =>
            [.. (await Host.Executions.PageAsync(filter, null, 100, CancellationToken.None)).Listings.Where(l => l.Name == e.Name).Select(l => l.Status)];

        sink.Record(new HistoryEvent(1, 0, "ExecutionStarted", Start, new JsonObject { ["input"] = "{}" }));
        await FlushAsync(Host);
        string[] open = await Listed(running);
        sink.Record(new HistoryEvent(2, 1, "ExecutionFailed", Start.AddSeconds(3), new JsonObject { ["error"] = "E" }));
        await FlushAsync(Host);
        ExecutionRecord failed = (await Host.Executions.GetAsync(e.ExecutionArn, CancellationToken.None))!;
        string[] failedRunning = await Listed(running);
        string[] failedFailed = await Listed(running with { Status = "FAILED" });

        await Host.Executions.ReplaceAsync(failed with { RedriveCount = 1, RedriveDate = Start.AddSeconds(4) }, CancellationToken.None);
        sink.Record(new HistoryEvent(3, 2, "ExecutionAborted", Start.AddSeconds(3.5), null)); // of the generation before the redrive
        await FlushAsync(Host);
        string[] redriven = await Listed(running);
        sink.Record(new HistoryEvent(4, 3, "ExecutionRedriven", Start.AddSeconds(4), null));
        sink.Record(new HistoryEvent(5, 4, "ExecutionSucceeded", Start.AddSeconds(6), new JsonObject { ["output"] = "{}" }));
        await FlushAsync(Host);
        ExecutionRecord succeeded = (await Host.Executions.GetAsync(e.ExecutionArn, CancellationToken.None))!;

        Assert.Equal(["RUNNING"], open);
        Assert.Equal(new ExecutionOutcome("FAILED", Start.AddSeconds(3)), failed.KnownClosed());
        Assert.Empty(failedRunning);
        Assert.Equal(["FAILED"], failedFailed);
        Assert.Equal(["RUNNING"], redriven);
        Assert.Equal(new ExecutionOutcome("SUCCEEDED", Start.AddSeconds(6)), succeeded.KnownClosed());
        Assert.Equal(1, succeeded.ClosedAtRedriveCount);
        Assert.Equal(["SUCCEEDED"], await Listed(running with { Status = "SUCCEEDED" }));
        Assert.Empty(await Listed(running));
    }

    [Fact]
    public async Task Executions_PageAsync_NewestFirstEachPageContinuingAfterTheLastKey()
    {
        ExecutionRecord[] started = [.. Enumerable.Range(0, 5).Select(i => Execution("mp", $"run-{i}", Start.AddSeconds(i)))];
        ExecutionRecord tie = Execution("mp", "run-3b", Start.AddSeconds(3));
        foreach (ExecutionRecord e in (ExecutionRecord[])[.. started, tie, Execution("mq", "run-9", Start.AddSeconds(9))])
        {
            await Host.Executions.GetOrAddAsync(e, CancellationToken.None);
        }

        ExecutionFilter all = new(Prefix + "stateMachine:mp");
        List<string[]> pages = [];
        List<bool> more = [];
        string? after = null;
        do
        {
            ExecutionPage page = await Host.Executions.PageAsync(all, after, 2, CancellationToken.None);
            pages.Add([.. page.Listings.Select(l => l.Name)]);
            more.Add(page.More);
            after = page.More ? page.Listings[^1].Key : null;
        }
        while (after is not null);

        ExecutionPage whole = await Host.Executions.PageAsync(all, null, 1000, CancellationToken.None);
        ExecutionListing first = whole.Listings[0];

        Assert.Equal([["run-4", "run-3"], ["run-3b", "run-2"], ["run-1", "run-0"]], pages);
        Assert.Equal([true, true, false], more);
        Assert.False(whole.More);
        Assert.Equal(6, whole.Listings.Count);
        Assert.Equal(ExecutionListing.Of(started[4]), first);
        Assert.Equal(Start.AddSeconds(4), first.StartDate);
        Assert.Equal("mp:run-4", first.InstanceId);
        Assert.Empty((await Host.Executions.PageAsync(all, whole.Listings[^1].Key, 10, CancellationToken.None)).Listings);
        Assert.Empty((await Host.Executions.PageAsync(new ExecutionFilter(Prefix + "stateMachine:none"), null, 10, CancellationToken.None)).Listings);
    }

    [Fact]
    public async Task Executions_PageAsync_KeepsExactlyTheStatus_ThenVersionAndRedrive()
    {
        string version = Prefix + "stateMachine:mf:1";
        ExecutionRecord succeeded = Execution("mf", "succeeded", Start.AddSeconds(1));
        ExecutionRecord failed = Execution("mf", "failed", Start.AddSeconds(2));
        ExecutionRecord open = Execution("mf", "open", Start.AddSeconds(3)) with { StateMachineVersionArn = version };
        ExecutionRecord redriven = Execution("mf", "redriven", Start.AddSeconds(4));
        foreach (ExecutionRecord e in (ExecutionRecord[])[succeeded, failed, open, redriven])
        {
            await Host.Executions.GetOrAddAsync(e, CancellationToken.None);
        }

        ExecutionFilter all = new(Prefix + "stateMachine:mf");
        ExecutionPage before = await Host.Executions.PageAsync(all, null, 10, CancellationToken.None);
        ExecutionListing listedSucceeded = before.Listings.Single(l => l.Name == "succeeded");
        Assert.True(await Host.Executions.RecordClosedAsync(listedSucceeded, new ExecutionOutcome("SUCCEEDED", Start.AddSeconds(5)), CancellationToken.None));
        Assert.True(await Host.Executions.RecordClosedAsync(
            (await Host.Executions.GetAsync(failed.ExecutionArn, CancellationToken.None))!, new ExecutionOutcome("FAILED", Start.AddSeconds(6)), CancellationToken.None));
        ExecutionRecord closedRedriven = (await Host.Executions.GetAsync(redriven.ExecutionArn, CancellationToken.None))!;
        Assert.True(await Host.Executions.RecordClosedAsync(closedRedriven, new ExecutionOutcome("FAILED", Start.AddSeconds(6)), CancellationToken.None));
        ExecutionListing staleRedriven = (await Host.Executions.PageAsync(all, null, 10, CancellationToken.None)).Listings.Single(l => l.Name == "redriven");
        await Host.Executions.ReplaceAsync(
            (await Host.Executions.GetAsync(redriven.ExecutionArn, CancellationToken.None))! with { RedriveCount = 1, RedriveDate = Start.AddSeconds(7) },
            CancellationToken.None);

        async Task<string[]> Names(ExecutionFilter filter) =>
            [.. (await Host.Executions.PageAsync(filter, null, 10, CancellationToken.None)).Listings.Select(l => l.Name + "=" + l.Status)];

        Assert.Equal(["succeeded=SUCCEEDED"], await Names(all with { Status = "SUCCEEDED" })); // not known closed is running
        Assert.Equal(["failed=FAILED"], await Names(all with { Status = "FAILED" }));
        Assert.Equal(["redriven=RUNNING", "open=RUNNING"], await Names(all with { Status = "RUNNING" }));
        Assert.Equal(["open=RUNNING"], await Names(all with { StartedBy = version }));
        Assert.Equal(["redriven=RUNNING"], await Names(all with { Redriven = true }));
        Assert.Equal(["open=RUNNING", "failed=FAILED", "succeeded=SUCCEEDED"], await Names(all with { Redriven = false }));
        Assert.Equal(Start.AddSeconds(5), (await Host.Executions.PageAsync(all with { Status = "SUCCEEDED" }, null, 10, CancellationToken.None)).Listings[^1].StopDate);
        Assert.Equal("SUCCEEDED", (await Host.Executions.GetAsync(succeeded.ExecutionArn, CancellationToken.None))!.KnownClosed()?.Status);
        Assert.False(await Host.Executions.RecordClosedAsync(staleRedriven, new ExecutionOutcome("FAILED", Start.AddSeconds(6)), CancellationToken.None));
        Assert.False(await Host.Executions.RecordClosedAsync(listedSucceeded with { Name = "copy" }, new ExecutionOutcome("FAILED", Start), CancellationToken.None));
        Assert.Null((await Host.Executions.GetAsync(redriven.ExecutionArn, CancellationToken.None))!.KnownClosed());
    }

    [Fact]
    public async Task Executions_PendingRedrive_ListedWithTheClosingBeforeUnderTheFiltersItMayMatch_UntilStarted()
    {
        ExecutionRecord e = Execution("mr", "run-" + Guid.NewGuid().ToString("N", CultureInfo.InvariantCulture), Start);
        await Host.Executions.GetOrAddAsync(e, CancellationToken.None);
        Assert.True(await Host.Executions.RecordClosedAsync(
            (await Host.Executions.GetAsync(e.ExecutionArn, CancellationToken.None))!, new ExecutionOutcome("FAILED", Start.AddSeconds(3)), CancellationToken.None));
        ExecutionRecord failed = (await Host.Executions.GetAsync(e.ExecutionArn, CancellationToken.None))!;
        Assert.True(await Host.Executions.ReplaceAsync(failed, ExecutionRedrives.Claimed(failed, failed.KnownClosed()!, Start.AddSeconds(4)), CancellationToken.None));
        ExecutionFilter all = new(e.StateMachineArn);
        async Task<ExecutionListing[]> Listed(ExecutionFilter filter, Stores? stores = null) =>
            [.. (await (stores ?? Host).Executions.PageAsync(filter, null, 100, CancellationToken.None)).Listings.Where(l => l.Name == e.Name)];
        async Task<string[]> Statuses(ExecutionFilter filter) => [.. (await Listed(filter)).Select(l => l.Status)];

        ExecutionRecord pending = (await Host.Executions.GetAsync(e.ExecutionArn, CancellationToken.None))!;
        ExecutionListing listed = (await Listed(all)).Single();
        string[] pendingFailed = await Statuses(all with { Status = "FAILED" });
        string[] pendingRunning = await Statuses(all with { Status = "RUNNING" });
        string[] pendingPending = await Statuses(all with { Status = "PENDING_REDRIVE" });
        string[] pendingNotRedriven = await Statuses(all with { Redriven = false });
        ExecutionListing[] otherHost = SharedAcrossHosts ? await Listed(all, OtherHost) : [listed];
        ExecutionRecord started = await ExecutionRedrives.MarkStartedAsync(Host.Executions, pending, CancellationToken.None);
        ExecutionListing listedStarted = (await Listed(all)).Single();

        Assert.True(pending.PendingRedrive);
        Assert.Null(pending.KnownClosed());
        Assert.Equal(new ExecutionOutcome("FAILED", Start.AddSeconds(3)), pending.RedrivenFrom());
        Assert.Equal(1, pending.RedriveCount);
        Assert.Equal(ExecutionListing.PendingRedrive, listed.Status);
        Assert.Equal(new ExecutionOutcome("FAILED", Start.AddSeconds(3)), listed.RedrivenFrom);
        Assert.Equal(Start.AddSeconds(4), listed.RedriveDate);
        Assert.Null(listed.KnownClosed());
        Assert.Equal(listed, Assert.Single(otherHost));
        // Its status depends on the time (PENDING_REDRIVE, or FAILED again once the claim lapsed): kept under both, not RUNNING.
        Assert.Equal([ExecutionListing.PendingRedrive], pendingFailed);
        Assert.Empty(pendingRunning);
        Assert.Equal([ExecutionListing.PendingRedrive], pendingPending);
        Assert.Equal([ExecutionListing.PendingRedrive], pendingNotRedriven); // the pending first redrive does not count yet
        Assert.False(started.PendingRedrive);
        Assert.False((await Host.Executions.GetAsync(e.ExecutionArn, CancellationToken.None))!.PendingRedrive);
        Assert.Equal("RUNNING", listedStarted.Status);
        Assert.Null(listedStarted.RedrivenFrom);
        Assert.Empty(await Statuses(all with { Status = "FAILED" }));
        Assert.Equal(["RUNNING"], await Statuses(all with { Status = "RUNNING" }));
        Assert.Empty(await Statuses(all with { Redriven = false }));
        Assert.True(await Host.Executions.RecordClosedAsync(started, new ExecutionOutcome("SUCCEEDED", Start.AddSeconds(6)), CancellationToken.None));
        Assert.Equal(["SUCCEEDED"], await Statuses(all with { Status = "SUCCEEDED" }));
    }

    private static StateMachineRecord Machine(string name, string definition) =>
        new(Prefix + "stateMachine:" + name, name, "STANDARD", definition, "arn:aws:iam::123456789012:role/R", Start);

    private static ExecutionRecord Execution(string machine, string name, DateTimeOffset start) =>
        new(Prefix + "execution:" + machine + ":" + name, Prefix + "stateMachine:" + machine, name, machine + ":" + name, "{}", start,
            Machine(machine, "{\"StartAt\":\"P\",\"States\":{\"P\":{\"Type\":\"Pass\",\"End\":true}}}"));
}
