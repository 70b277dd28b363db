namespace AslOnDurable.Runtime.Scheduling;

/// <summary>The slots of one schedule that were skipped because the host was down longer than the missed-run window.</summary>
/// <param name="ScheduleName">The schedule.</param>
/// <param name="Count">How many slots were skipped (at least this many when <paramref name="MoreNotCounted"/>).</param>
/// <param name="First">The first skipped slot.</param>
/// <param name="Last">The last skipped slot counted.</param>
/// <param name="MoreNotCounted">Counting stopped at a cap: there were more.</param>
public sealed record ScheduleMissedRuns(string ScheduleName, int Count, DateTimeOffset First, DateTimeOffset Last, bool MoreNotCounted);
