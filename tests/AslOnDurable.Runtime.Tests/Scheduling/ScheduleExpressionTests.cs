using AslOnDurable.Runtime.Scheduling;

namespace AslOnDurable.Runtime.Tests.Scheduling;

public sealed class ScheduleExpressionTests
{
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    private static DateTimeOffset Utc(string text) => DateTimeOffset.Parse(text, System.Globalization.CultureInfo.InvariantCulture);

    private static List<DateTimeOffset> Occurrences(string expression, string after, string until, TimeZoneInfo? zone = null, string anchor = "1970-01-01T00:00:00Z") =>
        ScheduleExpression.Parse(expression).Occurrences(Utc(after), Utc(until), zone ?? TimeZoneInfo.Utc, Utc(anchor)).ToList();

    [Theory]
    [InlineData("rate(5 minutes)", 5 * 60)]
    [InlineData("rate(1 minute)", 60)]
    [InlineData("rate(1 hour)", 3600)]
    [InlineData("rate(2 days)", 2 * 86400)]
    public void Parse_Rate_Period(string text, int seconds)
    {
        var rate = Assert.IsType<RateScheduleExpression>(ScheduleExpression.Parse(text));

        Assert.Equal(TimeSpan.FromSeconds(seconds), rate.Period);
    }

    [Theory]
    [InlineData("rate(1 minutes)", "use 'minute' for a value of 1")]
    [InlineData("rate(5 minute)", "use 'minute' for a value of 1")]
    [InlineData("rate(0 minutes)", "positive whole number")]
    [InlineData("rate(-1 minutes)", "positive whole number")]
    [InlineData("rate(1.5 hours)", "positive whole number")]
    [InlineData("rate(5 weeks)", "minute(s), hour(s) or day(s)")]
    [InlineData("rate(5)", "expected rate(value unit)")]
    [InlineData("every 5 minutes", "expected rate(value unit), cron(")]
    [InlineData("cron(0 10 * * *)", "expected 6 fields")]
    [InlineData("cron(0 10 * * * *)", "exactly one of day-of-month and day-of-week must be '?'")]
    [InlineData("cron(0 10 ? * ? *)", "exactly one of day-of-month and day-of-week must be '?'")]
    [InlineData("cron(0 10 ? * 8 *)", "day-of-week 8 is out of range 1-7")]
    [InlineData("cron(0 10 ? * FUNDAY *)", "'FUNDAY' is not a day of the week")]
    [InlineData("cron(0 10 * * ? 1969)", "year '1969' must be a number from 1970 to 2199")]
    [InlineData("cron(0 10 * * ? 2031-2030)", "runs backwards")]
    [InlineData("cron(61 10 * * ? *)", "Invalid cron expression 'cron(61 10 * * ? *)'")]
    [InlineData("at(2027-02-30T10:00:00)", "expected at(yyyy-mm-ddThh:mm:ss)")]
    [InlineData("at(2027-01-01 10:00)", "expected at(yyyy-mm-ddThh:mm:ss)")]
    public void Parse_Invalid_SaysWhy(string text, string expected)
    {
        var ex = Assert.Throws<ScheduleExpressionException>(() => ScheduleExpression.Parse(text));

        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rate_Occurrences_CountFromTheAnchor()
    {
        var slots = Occurrences("rate(15 minutes)", "2027-01-01T10:07:00Z", "2027-01-01T11:00:00Z", anchor: "2027-01-01T10:05:00Z");

        Assert.Equal(
            [Utc("2027-01-01T10:20:00Z"), Utc("2027-01-01T10:35:00Z"), Utc("2027-01-01T10:50:00Z")],
            slots);
    }

    [Fact]
    public void Rate_Occurrences_BeforeTheAnchor_StartAtTheAnchor()
    {
        var slots = Occurrences("rate(1 hour)", "2027-01-01T00:00:00Z", "2027-01-01T03:00:00Z", anchor: "2027-01-01T01:30:00Z");

        Assert.Equal([Utc("2027-01-01T01:30:00Z"), Utc("2027-01-01T02:30:00Z")], slots);
    }

    [Fact]
    public void Rate_OneDay_IsTwentyFourHoursAcrossDaylightSaving()
    {
        // Berlin springs forward on 2027-03-28: a day of rate(1 day) stays 24 hours, so the local time moves by an hour.
        var slots = Occurrences("rate(1 day)", "2027-03-26T23:00:00Z", "2027-03-29T23:00:00Z", Berlin, anchor: "2027-03-26T23:00:00Z");

        Assert.Equal([Utc("2027-03-27T23:00:00Z"), Utc("2027-03-28T23:00:00Z"), Utc("2027-03-29T23:00:00Z")], slots);
    }

    [Fact]
    public void Cron_DailyUtc()
    {
        var slots = Occurrences("cron(0 10 * * ? *)", "2027-01-01T10:00:00Z", "2027-01-03T12:00:00Z");

        Assert.Equal([Utc("2027-01-02T10:00:00Z"), Utc("2027-01-03T10:00:00Z")], slots);
    }

    [Fact]
    public void Cron_DayOfWeek_CountsFromSunday()
    {
        // 2 is Monday in AWS's numbering; 2027-01-04 is a Monday.
        var slots = Occurrences("cron(0 9 ? * 2 *)", "2027-01-01T00:00:00Z", "2027-01-15T00:00:00Z");

        Assert.Equal([Utc("2027-01-04T09:00:00Z"), Utc("2027-01-11T09:00:00Z")], slots);
    }

    [Fact]
    public void Cron_WeekdayRangeByName()
    {
        var slots = Occurrences("cron(30 8 ? * MON-FRI *)", "2027-01-01T09:00:00Z", "2027-01-08T09:00:00Z");

        Assert.Equal(5, slots.Count); // Mon 4th to Fri 8th; Fri 1st 08:30 is before the start.
        Assert.All(slots, s => Assert.InRange((int)s.DayOfWeek, 1, 5));
    }

    [Fact]
    public void Cron_NumericWeekdayRange_MatchesNames()
    {
        var byNumber = Occurrences("cron(0 12 ? * 2-6 *)", "2027-01-01T00:00:00Z", "2027-02-01T00:00:00Z");
        var byName = Occurrences("cron(0 12 ? * MON-FRI *)", "2027-01-01T00:00:00Z", "2027-02-01T00:00:00Z");

        Assert.Equal(byName, byNumber);
    }

    [Fact]
    public void Cron_NthWeekday_FirstMondayOfTheMonth()
    {
        var slots = Occurrences("cron(0 12 ? * 2#1 *)", "2027-01-01T00:00:00Z", "2027-03-31T00:00:00Z");

        Assert.Equal([Utc("2027-01-04T12:00:00Z"), Utc("2027-02-01T12:00:00Z"), Utc("2027-03-01T12:00:00Z")], slots);
    }

    [Fact]
    public void Cron_LastFridayOfTheMonth()
    {
        var slots = Occurrences("cron(15 10 ? * 6L *)", "2027-01-01T00:00:00Z", "2027-02-28T00:00:00Z");

        Assert.Equal([Utc("2027-01-29T10:15:00Z"), Utc("2027-02-26T10:15:00Z")], slots);
    }

    [Fact]
    public void Cron_LastDayOfTheMonth()
    {
        var slots = Occurrences("cron(0 0 L * ? *)", "2027-01-01T00:00:00Z", "2027-03-01T00:00:00Z");

        Assert.Equal([Utc("2027-01-31T00:00:00Z"), Utc("2027-02-28T00:00:00Z")], slots);
    }

    [Fact]
    public void Cron_Year_LimitsTheOccurrences()
    {
        var slots = Occurrences("cron(0 0 1 1 ? 2029,2031)", "2027-01-01T00:00:00Z", "2040-01-01T00:00:00Z");

        Assert.Equal([Utc("2029-01-01T00:00:00Z"), Utc("2031-01-01T00:00:00Z")], slots);
    }

    [Fact]
    public void Cron_YearsInThePast_NoOccurrence()
    {
        Assert.Empty(Occurrences("cron(0 0 * * ? 2020-2025)", "2027-01-01T00:00:00Z", "2030-01-01T00:00:00Z"));
    }

    [Fact]
    public void Cron_InTimeZone_RunsAtLocalTime()
    {
        // 09:00 in Berlin is 08:00Z in winter and 07:00Z in summer.
        var winter = Occurrences("cron(0 9 * * ? *)", "2027-01-10T00:00:00Z", "2027-01-11T00:00:00Z", Berlin);
        var summer = Occurrences("cron(0 9 * * ? *)", "2027-07-10T00:00:00Z", "2027-07-11T00:00:00Z", Berlin);

        Assert.Equal([Utc("2027-01-10T08:00:00Z")], winter);
        Assert.Equal([Utc("2027-07-10T07:00:00Z")], summer);
    }

    [Fact]
    public void Cron_SpringForward_SkippedLocalTimeDoesNotRun()
    {
        // Berlin, 2027-03-28: 02:00 jumps to 03:00, so 02:30 does not exist that day.
        var slots = Occurrences("cron(30 2 * * ? *)", "2027-03-26T12:00:00Z", "2027-03-29T12:00:00Z", Berlin);

        Assert.Equal([Utc("2027-03-27T01:30:00Z"), Utc("2027-03-29T00:30:00Z")], slots);
    }

    [Fact]
    public void Cron_FallBack_RepeatedLocalTimeRunsOnce()
    {
        // Berlin, 2027-10-31: 03:00 falls back to 02:00, so 02:30 happens twice; AWS runs it once (the first).
        var slots = Occurrences("cron(30 2 * * ? *)", "2027-10-30T12:00:00Z", "2027-11-01T12:00:00Z", Berlin);

        Assert.Equal([Utc("2027-10-31T00:30:00Z"), Utc("2027-11-01T01:30:00Z")], slots);
    }

    [Fact]
    public void Cron_FallBack_EveryQuarterHourDoesNotRepeatTheHour()
    {
        // New York, 2027-11-07: 02:00 EDT falls back to 01:00 EST. Local 00:00-03:00 has 12 quarter-hours, each once.
        var slots = Occurrences("cron(0/15 * * * ? *)", "2027-11-07T03:59:00Z", "2027-11-07T07:59:00Z", NewYork);

        Assert.Equal(12, slots.Count);
        Assert.Equal(slots.Distinct().Count(), slots.Count);
        Assert.Equal(Utc("2027-11-07T04:00:00Z"), slots[0]); // local 00:00 EDT
        Assert.Equal(Utc("2027-11-07T05:45:00Z"), slots[7]); // local 01:45 EDT, first pass
        Assert.Equal(Utc("2027-11-07T07:00:00Z"), slots[8]); // local 02:00 EST: the repeated hour was not run again
    }

    [Fact]
    public void Cron_StartInsideTheRepeatedHour_DoesNotRunItsSecondPass()
    {
        // A tick at 06:30Z is 01:30 EST, the second pass: slots of the first pass are in the past and not repeated.
        var slots = Occurrences("cron(0/15 * * * ? *)", "2027-11-07T06:30:00Z", "2027-11-07T07:00:00Z", NewYork);

        Assert.Equal([Utc("2027-11-07T07:00:00Z")], slots);
    }

    [Fact]
    public void At_RunsOnceAtLocalTime()
    {
        Assert.Equal([Utc("2027-07-01T06:00:00Z")], Occurrences("at(2027-07-01T08:00:00)", "2027-01-01T00:00:00Z", "2028-01-01T00:00:00Z", Berlin));
        Assert.Empty(Occurrences("at(2027-07-01T08:00:00)", "2027-07-01T06:00:00Z", "2028-01-01T00:00:00Z", Berlin));
    }
}
