using System.Globalization;

namespace AslOnDurable.Runtime.Scheduling;

/// <summary><c>at(yyyy-mm-ddThh:mm:ss)</c>: one invocation at a local time of the schedule's time zone.</summary>
public sealed record AtScheduleExpression : ScheduleExpression
{
    /// <summary>The local (wall-clock) time of the invocation.</summary>
    public required DateTime LocalTime { get; init; }

    /// <inheritdoc />
    public override IEnumerable<DateTimeOffset> Occurrences(DateTimeOffset afterUtc, DateTimeOffset untilUtc, TimeZoneInfo zone, DateTimeOffset anchorUtc)
    {
        if (WallClock.ToUtc(LocalTime, zone) is { } at && at > afterUtc && at <= untilUtc)
        {
            yield return at;
        }
    }

    internal static AtScheduleExpression ParseBody(string text, string body)
    {
        if (!DateTime.TryParseExact(body, "yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.None, out DateTime local))
        {
            throw new ScheduleExpressionException($"Invalid at expression '{text}': expected at(yyyy-mm-ddThh:mm:ss), e.g. at(2027-01-31T08:30:00).");
        }

        return new AtScheduleExpression { Text = text, LocalTime = DateTime.SpecifyKind(local, DateTimeKind.Unspecified) };
    }
}
