namespace AslOnDurable.Runtime.Scheduling;

/// <summary>Maps wall-clock times of a time zone to instants the way EventBridge Scheduler does around DST changes.</summary>
/// <remarks>
/// A local time that does not exist (clocks spring forward over it) has no instant: that invocation is skipped. A local
/// time that exists twice (clocks fall back) maps to its first instant only, so it runs once and is not repeated.
/// </remarks>
internal static class WallClock
{
    /// <summary>The instant of a wall-clock time, or <see langword="null"/> when the time is skipped by a DST change.</summary>
    public static DateTimeOffset? ToUtc(DateTime local, TimeZoneInfo zone)
    {
        DateTime unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(unspecified))
        {
            return null;
        }

        TimeSpan offset = zone.IsAmbiguousTime(unspecified)
            ? zone.GetAmbiguousTimeOffsets(unspecified).Max()
            : zone.GetUtcOffset(unspecified);
        return new DateTimeOffset(unspecified, offset).ToUniversalTime();
    }

    /// <summary>The wall-clock time of an instant in a zone.</summary>
    public static DateTime ToLocal(DateTimeOffset utc, TimeZoneInfo zone) =>
        DateTime.SpecifyKind(TimeZoneInfo.ConvertTime(utc, zone).DateTime, DateTimeKind.Unspecified);
}
