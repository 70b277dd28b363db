using Cronos;

namespace AslOnDurable.Runtime.Scheduling;

/// <summary>
/// <c>cron(minutes hours day-of-month month day-of-week year)</c>, evaluated on the wall clock of the schedule's time
/// zone.
/// </summary>
/// <remarks>
/// AWS's cron differs from Unix cron: six fields with a year (1970-2199); day-of-week counts 1-7 from Sunday
/// (<c>SUN</c>-<c>SAT</c>); one of day-of-month and day-of-week must be <c>?</c>; <c>L</c>, <c>W</c> and <c>#</c> as in
/// Quartz. Around daylight-saving changes a local time that is skipped does not run and one that repeats runs once.
/// The first five fields are evaluated by Cronos after translating the day-of-week numbering; the year is ours.
/// </remarks>
public sealed record CronScheduleExpression : ScheduleExpression
{
    private const int FirstYear = 1970;
    private const int LastYear = 2199;

    /// <summary>The minute-to-day-of-week part, in Cronos's numbering.</summary>
    internal CronExpression Calendar { get; init; } = null!;

    /// <summary>Which years match, indexed from <see cref="FirstYear"/>.</summary>
    internal bool[] Years { get; init; } = [];

    /// <inheritdoc />
    public override IEnumerable<DateTimeOffset> Occurrences(DateTimeOffset afterUtc, DateTimeOffset untilUtc, TimeZoneInfo zone, DateTimeOffset anchorUtc)
    {
        // Wall-clock times are walked as if they were UTC (no DST inside Cronos), then mapped to instants; the mapping is
        // monotonic (a repeated local time takes its first instant), so the walk can stop at the first one past the end.
        DateTime cursor = DateTime.SpecifyKind(WallClock.ToLocal(afterUtc, zone), DateTimeKind.Utc);
        while (true)
        {
            if (Calendar.GetNextOccurrence(cursor) is not { } next)
            {
                yield break;
            }

            if (!YearMatches(next.Year))
            {
                if (NextYear(next.Year) is not { } year)
                {
                    yield break;
                }

                cursor = new DateTime(year, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddTicks(-1);
                continue;
            }

            cursor = next;
            if (WallClock.ToUtc(next, zone) is not { } at || at <= afterUtc)
            {
                continue;
            }

            if (at > untilUtc)
            {
                yield break;
            }

            yield return at;
        }
    }

    private bool YearMatches(int year) => year is >= FirstYear and <= LastYear && Years[year - FirstYear];

    private int? NextYear(int year)
    {
        for (int y = Math.Max(year + 1, FirstYear); y <= LastYear; y++)
        {
            if (Years[y - FirstYear])
            {
                return y;
            }
        }

        return null;
    }

    internal static CronScheduleExpression ParseBody(string text, string body)
    {
        string[] fields = body.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length != 6)
        {
            throw Invalid(text, $"expected 6 fields (minutes hours day-of-month month day-of-week year), found {fields.Length}");
        }

        bool domAny = fields[2] == "?";
        bool dowAny = fields[4] == "?";
        if (domAny == dowAny)
        {
            throw Invalid(text, "exactly one of day-of-month and day-of-week must be '?'");
        }

        if (fields[0].Contains('?', StringComparison.Ordinal) || fields[1].Contains('?', StringComparison.Ordinal) || fields[3].Contains('?', StringComparison.Ordinal))
        {
            throw Invalid(text, "'?' is allowed only in day-of-month or day-of-week");
        }

        string dayOfWeek = dowAny ? "?" : CronDayOfWeek.ToCronos(fields[4], message => Invalid(text, message));
        string cronos = string.Join(' ', fields[0], fields[1], fields[2], fields[3], dayOfWeek);
        CronExpression calendar;
        try
        {
            calendar = CronExpression.Parse(cronos, CronFormat.Standard);
        }
        catch (CronFormatException ex)
        {
            throw new ScheduleExpressionException($"Invalid cron expression '{text}': {ex.Message}", ex);
        }

        return new CronScheduleExpression
        {
            Text = text,
            Calendar = calendar,
            Years = CronYears.Parse(fields[5], FirstYear, LastYear, message => Invalid(text, message)),
        };
    }

    private static ScheduleExpressionException Invalid(string text, string why) => new($"Invalid cron expression '{text}': {why}.");
}
