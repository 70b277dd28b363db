using System.Globalization;
using System.Text.Json.Nodes;
using AslOnDurable.Runtime.Api;
using AslOnDurable.Runtime.Api.Protocol;
using AslOnDurable.Runtime.Durable;
using AslOnDurable.Runtime.Durable.Payloads;
using AslOnDurable.Runtime.Executions;
using AslOnDurable.Runtime.Scheduling;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace AslOnDurable.Functions.Tests;

public sealed class TimerFunctionsTests
{
    private const string Definition = """{"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}}""";
    private const string Machine = "arn:aws:states:us-east-1:123456789012:stateMachine:report";

    private readonly DurableClientMock client = new();
    private readonly FakeTimeProvider clock = new(Utc("2026-03-04T05:06:07.890Z"));
    private readonly ListLogger<TimerFunctions> log = new();

    private static DateTimeOffset Utc(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    private static string Schedules(string name, string expression, string extra = "", int window = 15) =>
        $$$"""{"MissedRunWindowMinutes": {{{window}}}, "Schedules": [{"Name": "{{{name}}}", "ScheduleExpression": "{{{expression}}}", {{{extra}}} "Target": {"Arn": "{{{Machine}}}", "Input": "{\"at\": \"<aws.scheduler.scheduled-time>\"}"}}]}""";

    private TimerFunctions Function(Dictionary<string, string?> settings, string? schedules = null) => new(
        new ExecutionStarter(new ExecutionPlanCache(), NullLogger<ExecutionStarter>.Instance),
        new ServiceCollection().AddStepFunctionsApi().BuildServiceProvider().GetRequiredService<RegisteredMachineStarts>(),
        schedules is null ? ScheduleConfiguration.Empty : ScheduleConfiguration.Parse(schedules),
        clock,
        new ConfigurationBuilder().AddInMemoryCollection(settings).Build(),
        log);

    /// <summary>One Functions app instance: its own API (in-memory registry) with the machine created, on the shared task hub.</summary>
    private async Task<TimerFunctions> AppInstanceAsync(string schedules)
    {
        ServiceProvider services = new ServiceCollection().AddStepFunctionsApi().BuildServiceProvider();
        ApiResponse created = await services.GetRequiredService<StepFunctionsDispatcher>().DispatchAsync(
            StepFunctionsDispatcher.TargetPrefix + "CreateStateMachine",
            new JsonObject { ["name"] = "report", ["definition"] = Definition, ["roleArn"] = "arn:aws:iam::123456789012:role/r" }.ToJsonString(),
            new DurableTaskExecutionClient(client.Mock.Object),
            CancellationToken.None);
        Assert.Equal(200, created.StatusCode);
        return new TimerFunctions(
            new ExecutionStarter(new ExecutionPlanCache(), NullLogger<ExecutionStarter>.Instance),
            services.GetRequiredService<RegisteredMachineStarts>(),
            ScheduleConfiguration.Parse(schedules),
            clock,
            new ConfigurationBuilder().Build(),
            log);
    }

    private static TimerInfo Tick(DateTimeOffset? last = null) =>
        new() { ScheduleStatus = last is { } l ? new ScheduleStatus { Last = l.UtcDateTime } : null };

    private List<string?> StartedNames() => [.. client.Starts.Select(s => s.InstanceId)];

    [Fact]
    public async Task ScheduledStart_Fires_StartsConfiguredStateMachineNamedAfterScheduleSlot()
    {
        TimerFunctions function = Function(new()
        {
            [FunctionNames.ScheduleDefinitionSetting] = Definition,
            [FunctionNames.ScheduleInputSetting] = """{"x":1}""",
        });

        await function.ScheduledStartAsync(new TimerInfo(), client.Mock.Object, CancellationToken.None);

        var start = Assert.Single(client.Starts);
        Assert.Equal(OrchestratorNames.StateMachine, start.Name);
        Assert.Equal("ScheduledStart-20260304T050607Z", start.InstanceId);
        StateMachineInput payload = DurableJson.Deserialize<StateMachineInput>(start.Input!);
        Assert.Equal(Definition, payload.Definition);
        Assert.Equal("""{"x":1}""", payload.Input!.ToJsonString());
    }

    [Fact]
    public async Task ScheduledStart_NothingConfigured_StartsNothingAndSaysSo()
    {
        await Function([]).ScheduledStartAsync(new TimerInfo(), client.Mock.Object, CancellationToken.None);

        Assert.Empty(client.Starts);
        Assert.Contains(log.Entries, e => e.Message.Contains(ScheduleSettings.FileSetting, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ScheduledStart_InvalidDefinitionConfigured_ThrowsAndStartsNothing()
    {
        TimerFunctions function = Function(new() { ["AslScheduleDefinition"] = """{"StartAt":"Nowhere","States":{}}""" });

        await Assert.ThrowsAsync<StartExecutionException>(() => function.ScheduledStartAsync(new TimerInfo(), client.Mock.Object, CancellationToken.None));
        Assert.Empty(client.Starts);
    }

    [Fact]
    public async Task ScheduledStart_Schedule_StartsTheRegisteredMachineThroughTheApiWithTheSlotsNameAndInput()
    {
        TimerFunctions function = await AppInstanceAsync(Schedules("hourly", "cron(0 * * * ? *)"));
        clock.SetUtcNow(Utc("2027-01-01T10:00:20Z"));

        await function.ScheduledStartAsync(Tick(), client.Mock.Object, CancellationToken.None);

        var start = Assert.Single(client.Starts);
        Assert.Equal("report:hourly-20270101T100000Z", start.InstanceId);
        StateMachineInput payload = DurableJson.Deserialize<StateMachineInput>(start.Input!);
        Assert.Equal("2027-01-01T10:00:00Z", (string?)payload.Input!["at"]);
        Assert.Contains(log.Entries, e => e.EventId == 2006 && e.Message.Contains("hourly-20270101T100000Z", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ScheduledStart_CronAcrossBothDstChanges_SkippedLocalTimeNeverRunsRepeatedOneRunsOnce()
    {
        TimerFunctions function = await AppInstanceAsync(Schedules("nightly", "cron(30 2 * * ? *)", "\"ScheduleExpressionTimezone\": \"Europe/Berlin\","));

        // A tick every five minutes, as the timer would, over the two days around each change in 2027.
        foreach (DateTimeOffset from in new[] { Utc("2027-03-27T00:00:00Z"), Utc("2027-10-30T00:00:00Z") })
        {
            DateTimeOffset? last = null;
            for (clock.SetUtcNow(from); clock.GetUtcNow() < from.AddDays(2); clock.Advance(TimeSpan.FromMinutes(5)))
            {
                await function.ScheduledStartAsync(Tick(last), client.Mock.Object, CancellationToken.None);
                last = clock.GetUtcNow();
            }
        }

        // 03-27 02:30 CET; 03-28 02:30 does not exist in Berlin; 10-30 02:30 CEST; 10-31 02:30 happens twice: the first (CEST).
        Assert.Equal(
            ["report:nightly-20270327T013000Z", "report:nightly-20271030T003000Z", "report:nightly-20271031T003000Z"],
            StartedNames());
        Assert.DoesNotContain(log.Entries, e => e.Level >= LogLevel.Warning);
    }

    [Fact]
    public async Task ScheduledStart_SlotFiredTwiceByTwoInstancesAndAgainLater_StartsOnce()
    {
        string schedules = Schedules("every5", "rate(5 minutes)");
        TimerFunctions first = await AppInstanceAsync(schedules);
        TimerFunctions second = await AppInstanceAsync(schedules); // its own API registry, the same task hub
        clock.SetUtcNow(Utc("2027-01-01T10:05:01Z"));

        await first.ScheduledStartAsync(Tick(), client.Mock.Object, CancellationToken.None);
        await second.ScheduledStartAsync(Tick(), client.Mock.Object, CancellationToken.None);
        clock.Advance(TimeSpan.FromMinutes(1));
        await first.ScheduledStartAsync(Tick(Utc("2027-01-01T10:05:01Z")), client.Mock.Object, CancellationToken.None);

        // The first tick's window (15 minutes back) holds 09:55, 10:00 and 10:05; nothing starts twice.
        Assert.Equal(
            ["report:every5-20270101T095500Z", "report:every5-20270101T100000Z", "report:every5-20270101T100500Z"],
            StartedNames());
        Assert.Equal(6, log.Entries.Count(e => e.EventId == 2007)); // already started: 3 by the second instance, 3 on the later tick
    }

    [Fact]
    public async Task ScheduledStart_AfterDowntime_StartsTheWindowsSlotsAndReportsTheSkippedOnes()
    {
        TimerFunctions function = await AppInstanceAsync(Schedules("every10", "rate(10 minutes)", window: 15));
        clock.SetUtcNow(Utc("2027-01-01T12:00:00Z"));

        await function.ScheduledStartAsync(Tick(Utc("2027-01-01T10:00:00Z")), client.Mock.Object, CancellationToken.None);

        Assert.Equal(["report:every10-20270101T115000Z", "report:every10-20270101T120000Z"], StartedNames());
        var skipped = Assert.Single(log.Entries, e => e.EventId == 2009);
        Assert.Equal(LogLevel.Warning, skipped.Level);
        Assert.Contains("10 slots from 2027-01-01T10:10:00", skipped.Message, StringComparison.Ordinal);
        Assert.Contains("to 2027-01-01T11:40:00", skipped.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ScheduledStart_TargetMachineMissing_LogsTheApisErrorAndStartsNothing()
    {
        TimerFunctions function = Function([], Schedules("orphan", "rate(5 minutes)"));
        clock.SetUtcNow(Utc("2027-01-01T10:00:00Z"));

        await function.ScheduledStartAsync(Tick(), client.Mock.Object, CancellationToken.None);

        Assert.Empty(client.Starts);
        Assert.All(log.Entries.Where(e => e.EventId == 2008), e => Assert.Contains("StateMachineDoesNotExist", e.Message, StringComparison.Ordinal));
        Assert.Equal(3, log.Entries.Count(e => e.EventId == 2008)); // 09:50, 09:55, 10:00 (the window excludes 09:45)
    }
}
