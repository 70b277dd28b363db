namespace AslOnDurable.Runtime.Scheduling;

/// <summary>
/// Serves many schedules from one periodic trigger: each <see cref="RunDueAsync"/> starts every slot that fell due
/// within the missed-run window, under a deterministic execution name, so repeated or overlapping ticks start each
/// slot once.
/// </summary>
/// <param name="configuration">The schedules.</param>
/// <param name="sink">Starts executions.</param>
public sealed class ScheduleRunner(ScheduleConfiguration configuration, IScheduledStartSink sink)
{
    /// <summary>The slots of every enabled schedule due at <paramref name="now"/>: after now minus the window, up to now.</summary>
    /// <param name="now">The tick's time.</param>
    /// <returns>The slots in schedule order, each schedule's in time order.</returns>
    public IReadOnlyList<ScheduledStart> DueSlots(DateTimeOffset now)
    {
        var due = new List<ScheduledStart>();
        foreach (Schedule schedule in configuration.Schedules)
        {
            if (!schedule.Enabled)
            {
                continue;
            }

            due.AddRange(Slots(schedule, now - configuration.MissedRunWindow, now));
        }

        return due;
    }

    /// <summary>The slots of one schedule after <paramref name="afterUtc"/> up to <paramref name="untilUtc"/>.</summary>
    /// <param name="schedule">The schedule (its state is not checked: a listing shows disabled schedules too).</param>
    /// <param name="afterUtc">Exclusive start.</param>
    /// <param name="untilUtc">Inclusive end.</param>
    /// <returns>The slots, in time order.</returns>
    public static IEnumerable<ScheduledStart> Slots(Schedule schedule, DateTimeOffset afterUtc, DateTimeOffset untilUtc)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        foreach (DateTimeOffset slot in Times(schedule, afterUtc, untilUtc))
        {
            string name = ScheduleExecutionName.For(schedule.Name, slot);
            yield return new ScheduledStart(schedule, slot, name, ScheduleInputTemplate.Render(schedule.Target.Input, schedule.Arn, slot, name));
        }
    }

    /// <summary>
    /// The slots no tick started because the host was down: after the previous tick and before the current tick's
    /// missed-run window (those are skipped, by the documented policy), per enabled schedule that has any.
    /// </summary>
    /// <param name="previousTick">When the trigger last fired (the timer's own record of it).</param>
    /// <param name="now">The current tick's time.</param>
    /// <returns>One summary per schedule with skipped slots, in schedule order.</returns>
    public IReadOnlyList<ScheduleMissedRuns> MissedRuns(DateTimeOffset previousTick, DateTimeOffset now)
    {
        var missed = new List<ScheduleMissedRuns>();
        DateTimeOffset windowStart = now - configuration.MissedRunWindow;
        if (windowStart <= previousTick)
        {
            return missed;
        }

        foreach (Schedule schedule in configuration.Schedules.Where(s => s.Enabled))
        {
            int count = 0;
            DateTimeOffset first = default, last = default;
            foreach (DateTimeOffset slot in Times(schedule, previousTick, windowStart).Take(MaxMissedCounted))
            {
                first = count == 0 ? slot : first;
                last = slot;
                count++;
            }

            if (count > 0)
            {
                missed.Add(new ScheduleMissedRuns(schedule.Name, count, first, last, count == MaxMissedCounted));
            }
        }

        return missed;
    }

    private const int MaxMissedCounted = 100_000;

    private static IEnumerable<DateTimeOffset> Times(Schedule schedule, DateTimeOffset afterUtc, DateTimeOffset untilUtc)
    {
        if (schedule.StartDate is { } start && afterUtc < start)
        {
            afterUtc = start.AddTicks(-1);
        }

        if (schedule.EndDate is { } end && untilUtc > end)
        {
            untilUtc = end;
        }

        if (untilUtc <= afterUtc)
        {
            return [];
        }

        DateTimeOffset anchor = schedule.StartDate ?? DateTimeOffset.UnixEpoch;
        return schedule.Expression.Occurrences(afterUtc, untilUtc, schedule.TimeZone, anchor);
    }

    /// <summary>Starts every due slot that has not started yet.</summary>
    /// <param name="now">The tick's time.</param>
    /// <param name="cancellationToken">Cancels the tick.</param>
    /// <returns>What happened to each due slot.</returns>
    public async Task<IReadOnlyList<ScheduleSlotResult>> RunDueAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var results = new List<ScheduleSlotResult>();
        foreach (ScheduledStart start in DueSlots(now))
        {
            cancellationToken.ThrowIfCancellationRequested();
            ScheduleSlotOutcome outcome;
            string? error = null;
            try
            {
                outcome = await sink.StartAsync(start, cancellationToken).ConfigureAwait(false)
                    ? ScheduleSlotOutcome.Started
                    : ScheduleSlotOutcome.AlreadyStarted;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // One schedule's failure (its state machine was deleted, storage hiccup) must not stop the others.
                outcome = ScheduleSlotOutcome.Failed;
                error = ex.GetType().Name + ": " + ex.Message;
            }

            results.Add(new ScheduleSlotResult(start.Schedule.Name, start.ScheduledTime, start.ExecutionName, outcome, error));
        }

        return results;
    }
}
