using System.Text.Json.Nodes;
using AslOnDurable.Runtime.Scheduling;

namespace AslOnDurable.Runtime.Tests.Scheduling;

public sealed class ScheduleRunnerTests
{
    private const string Machine = "arn:aws:states:us-east-1:123456789012:stateMachine:orders";

    private static DateTimeOffset Utc(string text) => DateTimeOffset.Parse(text, System.Globalization.CultureInfo.InvariantCulture);

    private static ScheduleConfiguration Config(string schedules, int windowMinutes = 15) =>
        ScheduleConfiguration.Parse($$$"""{"MissedRunWindowMinutes": {{{windowMinutes}}}, "Schedules": [{{{schedules}}}]}""");

    private static string Schedule(string name, string expression, string extra = "") =>
        $$$"""{"Name": "{{{name}}}", "ScheduleExpression": "{{{expression}}}", {{{extra}}} "Target": {"Arn": "{{{Machine}}}", "Input": "{\"schedule\": \"<aws.scheduler.schedule-arn>\", \"at\": \"<aws.scheduler.scheduled-time>\", \"id\": \"<aws.scheduler.execution-id>\", \"attempt\": <aws.scheduler.attempt-number>}"}}""";

    [Fact]
    public async Task RunDue_StartsTheSlotWithRenderedInput()
    {
        var sink = new RecordingSink();
        var runner = new ScheduleRunner(Config(Schedule("hourly", "cron(0 * * * ? *)")), sink);

        var results = await runner.RunDueAsync(Utc("2027-01-01T10:00:30Z"), CancellationToken.None);

        ScheduleSlotResult result = Assert.Single(results);
        Assert.Equal(ScheduleSlotOutcome.Started, result.Outcome);
        ScheduledStart start = Assert.Single(sink.Started);
        Assert.Equal("hourly-20270101T100000Z", start.ExecutionName);
        Assert.Equal(Machine, start.Schedule.Target.Arn);
        var input = JsonNode.Parse(start.Input)!;
        Assert.Equal("arn:aws:scheduler:us-east-1:123456789012:schedule/default/hourly", (string?)input["schedule"]);
        Assert.Equal("2027-01-01T10:00:00Z", (string?)input["at"]);
        Assert.Equal("hourly-20270101T100000Z", (string?)input["id"]);
        Assert.Equal(1, (int?)input["attempt"]);
    }

    [Fact]
    public async Task RunDue_SlotFiredTwice_StartsOnce()
    {
        var sink = new RecordingSink();
        var runner = new ScheduleRunner(Config(Schedule("every5", "rate(5 minutes)")), sink);

        await runner.RunDueAsync(Utc("2027-01-01T10:05:10Z"), CancellationToken.None);
        var second = await runner.RunDueAsync(Utc("2027-01-01T10:06:10Z"), CancellationToken.None);
        var third = await runner.RunDueAsync(Utc("2027-01-01T10:10:00Z"), CancellationToken.None);

        Assert.All(second, r => Assert.Equal(ScheduleSlotOutcome.AlreadyStarted, r.Outcome));
        Assert.Equal(ScheduleSlotOutcome.Started, third.Single(r => r.ScheduledTime == Utc("2027-01-01T10:10:00Z")).Outcome);
        Assert.Equal(sink.Started.Select(s => s.ExecutionName).Distinct().Count(), sink.Started.Count);
        Assert.Equal(4, sink.Started.Count); // 09:55, 10:00, 10:05 inside the first window, then 10:10.
    }

    [Fact]
    public async Task RunDue_AfterDowntime_StartsOnlySlotsInsideTheWindow()
    {
        var sink = new RecordingSink();
        var runner = new ScheduleRunner(Config(Schedule("every-minute", "rate(1 minute)"), windowMinutes: 3), sink);

        await runner.RunDueAsync(Utc("2027-01-01T12:00:00Z"), CancellationToken.None);

        Assert.Equal(
            [Utc("2027-01-01T11:58:00Z"), Utc("2027-01-01T11:59:00Z"), Utc("2027-01-01T12:00:00Z")],
            sink.Started.Select(s => s.ScheduledTime));
    }

    [Fact]
    public async Task RunDue_DisabledSchedule_StartsNothing()
    {
        var sink = new RecordingSink();
        var runner = new ScheduleRunner(Config(Schedule("off", "rate(1 minute)", "\"State\": \"DISABLED\",")), sink);

        Assert.Empty(await runner.RunDueAsync(Utc("2027-01-01T12:00:00Z"), CancellationToken.None));
        Assert.Empty(sink.Started);
    }

    [Fact]
    public async Task RunDue_HonoursStartAndEndDates()
    {
        var sink = new RecordingSink();
        var runner = new ScheduleRunner(
            Config(Schedule("bounded", "rate(1 minute)", "\"StartDate\": \"2027-01-01T11:58:30Z\", \"EndDate\": \"2027-01-01T12:00:30Z\","), windowMinutes: 10),
            sink);

        await runner.RunDueAsync(Utc("2027-01-01T12:05:00Z"), CancellationToken.None);

        // The rate counts from StartDate; nothing after EndDate.
        Assert.Equal([Utc("2027-01-01T11:58:30Z"), Utc("2027-01-01T11:59:30Z"), Utc("2027-01-01T12:00:30Z")], sink.Started.Select(s => s.ScheduledTime));
    }

    [Fact]
    public async Task RunDue_OneScheduleFails_OthersStillStart()
    {
        var sink = new RecordingSink { FailFor = "broken" };
        var runner = new ScheduleRunner(Config(Schedule("broken", "cron(0 12 * * ? *)") + "," + Schedule("fine", "cron(0 12 * * ? *)")), sink);

        var results = await runner.RunDueAsync(Utc("2027-01-01T12:00:00Z"), CancellationToken.None);

        Assert.Equal(ScheduleSlotOutcome.Failed, results.Single(r => r.ScheduleName == "broken").Outcome);
        Assert.Contains("StateMachineDoesNotExist", results.Single(r => r.ScheduleName == "broken").Error, StringComparison.Ordinal);
        Assert.Equal(ScheduleSlotOutcome.Started, results.Single(r => r.ScheduleName == "fine").Outcome);
    }

    [Fact]
    public async Task RunDue_FailedSlot_RetriedByTheNextTick()
    {
        var sink = new RecordingSink { FailFor = "flaky" };
        var runner = new ScheduleRunner(Config(Schedule("flaky", "cron(0 12 * * ? *)")), sink);

        await runner.RunDueAsync(Utc("2027-01-01T12:00:00Z"), CancellationToken.None);
        sink.FailFor = null;
        var retry = await runner.RunDueAsync(Utc("2027-01-01T12:01:00Z"), CancellationToken.None);

        Assert.Equal(ScheduleSlotOutcome.Started, Assert.Single(retry).Outcome);
    }

    [Fact]
    public async Task RunDue_AcrossSpringForward_SkipsTheMissingLocalTime()
    {
        var sink = new RecordingSink();
        var runner = new ScheduleRunner(
            Config(Schedule("berlin", "cron(30 2 * * ? *)", "\"ScheduleExpressionTimezone\": \"Europe/Berlin\","), windowMinutes: 10080),
            sink);

        await runner.RunDueAsync(Utc("2027-03-29T12:00:00Z"), CancellationToken.None);

        Assert.DoesNotContain(sink.Started, s => s.ScheduledTime.UtcDateTime.Date == new DateTime(2027, 3, 28));
        Assert.Contains(sink.Started, s => s.ScheduledTime == Utc("2027-03-27T01:30:00Z"));
        Assert.Contains(sink.Started, s => s.ScheduledTime == Utc("2027-03-29T00:30:00Z"));
    }

    [Fact]
    public void Slots_ListsUpcomingOccurrences()
    {
        var config = Config(Schedule("listing", "cron(0 6 ? * MON *)"));

        var slots = ScheduleRunner.Slots(config.Schedules[0], Utc("2027-01-01T00:00:00Z"), Utc("2027-01-31T00:00:00Z")).ToList();

        Assert.Equal(4, slots.Count);
        Assert.All(slots, s => Assert.Equal(DayOfWeek.Monday, s.ScheduledTime.DayOfWeek));
    }

    [Fact]
    public void MissedRuns_PreviousTickInsideTheWindow_NothingSkipped()
    {
        var runner = new ScheduleRunner(Config(Schedule("every-minute", "rate(1 minute)"), windowMinutes: 5), new RecordingSink());

        Assert.Empty(runner.MissedRuns(Utc("2027-01-01T11:56:00Z"), Utc("2027-01-01T12:00:00Z")));
    }

    [Fact]
    public void MissedRuns_LongDowntime_CountsTheSlotsBetweenThePreviousTickAndTheWindowPerEnabledSchedule()
    {
        var runner = new ScheduleRunner(
            Config(Schedule("hourly", "cron(0 * * * ? *)") + ", " + Schedule("off", "rate(1 minute)", "\"State\": \"DISABLED\","), windowMinutes: 15),
            new RecordingSink());

        ScheduleMissedRuns missed = Assert.Single(runner.MissedRuns(Utc("2027-01-01T00:30:00Z"), Utc("2027-01-01T12:10:00Z")));

        // 01:00 … 11:00 are older than the window (11:55, 12:10]; 12:00 is inside it and starts on this tick.
        Assert.Equal(new ScheduleMissedRuns("hourly", 11, Utc("2027-01-01T01:00:00Z"), Utc("2027-01-01T11:00:00Z"), false), missed);
    }

    [Fact]
    public void MissedRuns_BeforeTheStartDate_NothingSkipped()
    {
        var runner = new ScheduleRunner(
            Config(Schedule("later", "rate(10 minutes)", "\"StartDate\": \"2027-01-01T11:50:00Z\","), windowMinutes: 15), new RecordingSink());

        Assert.Empty(runner.MissedRuns(Utc("2027-01-01T08:00:00Z"), Utc("2027-01-01T12:00:00Z")));
    }

    private sealed class RecordingSink : IScheduledStartSink
    {
        private readonly HashSet<string> names = new(StringComparer.Ordinal);

        public List<ScheduledStart> Started { get; } = [];

        public string? FailFor { get; set; }

        public Task<bool> StartAsync(ScheduledStart start, CancellationToken cancellationToken)
        {
            if (start.Schedule.Name == FailFor)
            {
                throw new InvalidOperationException("StateMachineDoesNotExist: " + start.Schedule.Target.Arn);
            }

            if (!names.Add(start.ExecutionName))
            {
                return Task.FromResult(false);
            }

            Started.Add(start);
            return Task.FromResult(true);
        }
    }
}
