using AslOnDurable.Runtime.Scheduling;

namespace AslOnDurable.Runtime.Tests.Scheduling;

public sealed class ScheduleConfigurationTests
{
    private const string Machine = "arn:aws:states:us-east-1:123456789012:stateMachine:orders";

    [Fact]
    public void Parse_FullSchedule()
    {
        var config = ScheduleConfiguration.Parse($$$"""
            {"MissedRunWindowMinutes": 30, "Region": "eu-west-1", "AccountId": "111122223333",
             "Schedules": [{"Name": "nightly", "GroupName": "ops", "ScheduleExpression": "cron(0 2 * * ? *)",
                            "ScheduleExpressionTimezone": "Europe/Berlin", "State": "DISABLED",
                            "StartDate": "2027-01-01T00:00:00Z", "EndDate": "2028-01-01T00:00:00+01:00",
                            "FlexibleTimeWindow": {"Mode": "OFF"},
                            "Target": {"Arn": "{{{Machine}}}", "Input": "{\"at\": \"<aws.scheduler.scheduled-time>\"}"}}]}
            """);

        Schedule schedule = Assert.Single(config.Schedules);
        Assert.Equal(TimeSpan.FromMinutes(30), config.MissedRunWindow);
        Assert.Equal("arn:aws:scheduler:eu-west-1:111122223333:schedule/ops/nightly", schedule.Arn);
        Assert.Equal("Europe/Berlin", schedule.TimeZone.Id);
        Assert.False(schedule.Enabled);
        Assert.Equal(new DateTimeOffset(2027, 12, 31, 23, 0, 0, TimeSpan.Zero), schedule.EndDate);
        Assert.IsType<CronScheduleExpression>(schedule.Expression);
        Assert.Equal(Machine, schedule.Target.Arn);
    }

    [Fact]
    public void Parse_Defaults()
    {
        var config = ScheduleConfiguration.Parse($$$"""{"Schedules": [{"Name": "a", "ScheduleExpression": "rate(1 hour)", "Target": {"Arn": "{{{Machine}}}"}}]}""");

        Schedule schedule = Assert.Single(config.Schedules);
        Assert.Equal(ScheduleConfiguration.DefaultMissedRunWindow, config.MissedRunWindow);
        Assert.Equal("arn:aws:scheduler:us-east-1:123456789012:schedule/default/a", schedule.Arn);
        Assert.Same(TimeZoneInfo.Utc, schedule.TimeZone);
        Assert.True(schedule.Enabled);
        Assert.Equal("{}", schedule.Target.Input);
    }

    [Fact]
    public void Parse_EveryProblemWithItsPointer()
    {
        var ex = Assert.Throws<ScheduleConfigurationException>(() => ScheduleConfiguration.Parse($$$"""
            {"MissedRunWindowMinutes": 0,
             "Schedules": [
               {"Name": "bad name!", "ScheduleExpression": "rate(1 minutes)", "Target": {"Arn": "{{{Machine}}}"}},
               {"Name": "b", "ScheduleExpression": "cron(0 1 * * ? *)", "ScheduleExpressionTimezone": "Mars/Olympus",
                "State": "PAUSED", "FlexibleTimeWindow": {"Mode": "FLEXIBLE", "MaximumWindowInMinutes": 5},
                "Target": {"Arn": "arn:aws:lambda:us-east-1:1:function:f"}},
               {"Name": "c", "ScheduleExpression": "rate(1 hour)", "StartDate": "2027-02-01T00:00:00Z", "EndDate": "2027-01-01T00:00:00Z",
                "Target": {"Arn": "{{{Machine}}}", "Input": "{not json"}},
               {"Name": "d", "ScheduleExpression": "rate(1 hour)"},
               "e"]}
            """));

        Assert.Contains("/MissedRunWindowMinutes: must be a whole number of minutes from 1 to 10080 (a week)", ex.Problems);
        Assert.Contains(ex.Problems, p => p.StartsWith("/Schedules/0/Name:", StringComparison.Ordinal));
        Assert.Contains(ex.Problems, p => p.StartsWith("/Schedules/0/ScheduleExpression: Invalid rate expression", StringComparison.Ordinal));
        Assert.Contains(ex.Problems, p => p.StartsWith("/Schedules/1/ScheduleExpressionTimezone: unknown time zone 'Mars/Olympus'", StringComparison.Ordinal));
        Assert.Contains("/Schedules/1/State: must be ENABLED or DISABLED, not 'PAUSED'", ex.Problems);
        Assert.Contains(ex.Problems, p => p.StartsWith("/Schedules/1/FlexibleTimeWindow:", StringComparison.Ordinal));
        Assert.Contains(ex.Problems, p => p.StartsWith("/Schedules/1/Target/Arn: must be a state machine ARN", StringComparison.Ordinal));
        Assert.Contains("/Schedules/2/EndDate: must be after StartDate", ex.Problems);
        Assert.Contains(ex.Problems, p => p.StartsWith("/Schedules/3/Target: required", StringComparison.Ordinal));
        Assert.Contains("/Schedules/4: must be an object", ex.Problems);
    }

    [Fact]
    public void Parse_InputNotJsonOnceRendered_Refused()
    {
        var ex = Assert.Throws<ScheduleConfigurationException>(() => ScheduleConfiguration.Parse($$$"""
            {"Schedules": [{"Name": "a", "ScheduleExpression": "rate(1 hour)", "Target": {"Arn": "{{{Machine}}}", "Input": "{\"t\": <aws.scheduler.scheduled-time>}"}}]}
            """));

        Assert.StartsWith("/Schedules/0/Target/Input: not valid JSON once its placeholders are replaced", Assert.Single(ex.Problems), StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_DuplicateNameInGroup_Refused()
    {
        var ex = Assert.Throws<ScheduleConfigurationException>(() => ScheduleConfiguration.Parse($$$"""
            {"Schedules": [{"Name": "a", "ScheduleExpression": "rate(1 hour)", "Target": {"Arn": "{{{Machine}}}"}},
                           {"Name": "a", "ScheduleExpression": "rate(2 hours)", "Target": {"Arn": "{{{Machine}}}"}},
                           {"Name": "a", "GroupName": "other", "ScheduleExpression": "rate(2 hours)", "Target": {"Arn": "{{{Machine}}}"}}]}
            """));

        Assert.Equal(["/Schedules/1/Name: a schedule named 'a' already exists in group 'default'"], ex.Problems);
    }

    [Theory]
    [InlineData("not json", "/: not valid JSON")]
    [InlineData("[]", "/: must be an object")]
    [InlineData("{}", "/Schedules: required")]
    public void Parse_BadDocument_Refused(string json, string expected)
    {
        var ex = Assert.Throws<ScheduleConfigurationException>(() => ScheduleConfiguration.Parse(json));

        Assert.StartsWith(expected, Assert.Single(ex.Problems), StringComparison.Ordinal);
    }
}
