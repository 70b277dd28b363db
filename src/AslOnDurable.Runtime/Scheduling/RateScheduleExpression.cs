using System.Globalization;

namespace AslOnDurable.Runtime.Scheduling;

/// <summary><c>rate(value unit)</c>: every <see cref="Period"/>, counted from the schedule's anchor.</summary>
/// <remarks>
/// AWS: the value is a positive whole number; the unit is minute(s), hour(s) or day(s), singular for 1 and plural
/// otherwise (<c>rate(1 hour)</c>, <c>rate(5 minutes)</c>). Periods are fixed durations in UTC: a day is 24 hours even
/// when daylight saving makes the local day 23 or 25 hours long.
/// </remarks>
public sealed record RateScheduleExpression : ScheduleExpression
{
    /// <summary>The time between two occurrences.</summary>
    public required TimeSpan Period { get; init; }

    /// <inheritdoc />
    public override IEnumerable<DateTimeOffset> Occurrences(DateTimeOffset afterUtc, DateTimeOffset untilUtc, TimeZoneInfo zone, DateTimeOffset anchorUtc)
    {
        long periodTicks = Period.Ticks;
        long first = afterUtc < anchorUtc ? 0 : ((afterUtc - anchorUtc).Ticks / periodTicks) + 1;
        for (long k = first; ; k++)
        {
            DateTimeOffset at = anchorUtc.AddTicks(k * periodTicks);
            if (at > untilUtc)
            {
                yield break;
            }

            if (at > afterUtc)
            {
                yield return at;
            }
        }
    }

    internal static RateScheduleExpression ParseBody(string text, string body)
    {
        string[] parts = body.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != 2)
        {
            throw new ScheduleExpressionException($"Invalid rate expression '{text}': expected rate(value unit), e.g. rate(5 minutes).");
        }

        if (!int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out int value) || value <= 0)
        {
            throw new ScheduleExpressionException($"Invalid rate expression '{text}': the value '{parts[0]}' must be a positive whole number.");
        }

        (TimeSpan unit, string singular) = parts[1] switch
        {
            "minute" or "minutes" => (TimeSpan.FromMinutes(1), "minute"),
            "hour" or "hours" => (TimeSpan.FromHours(1), "hour"),
            "day" or "days" => (TimeSpan.FromDays(1), "day"),
            _ => throw new ScheduleExpressionException($"Invalid rate expression '{text}': the unit '{parts[1]}' must be minute(s), hour(s) or day(s)."),
        };
        bool plural = parts[1] != singular;
        if (plural == (value == 1))
        {
            throw new ScheduleExpressionException(
                $"Invalid rate expression '{text}': use '{singular}' for a value of 1 and '{singular}s' for larger values.");
        }

        return new RateScheduleExpression { Text = text, Period = unit * value };
    }
}
