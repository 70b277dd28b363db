using AslOnDurable.Runtime.Api;
using AslOnDurable.Runtime.Executions;
using AslOnDurable.Runtime.Scheduling;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace AslOnDurable.Functions;

/// <summary>
/// The timer trigger: serves the schedules file (<see cref="ScheduleSettings"/>) through the Step Functions API, and
/// the older single scheduled definition of the <c>AslSchedule*</c> app settings.
/// </summary>
/// <param name="starter">Starts the scheduled definition.</param>
/// <param name="machines">Starts registered state machines through the Step Functions API.</param>
/// <param name="schedules">The schedules, read and checked when the app started.</param>
/// <param name="time">The clock.</param>
/// <param name="configuration">App settings: the scheduled definition and input.</param>
/// <param name="logger">The logger.</param>
internal sealed class TimerFunctions(
    ExecutionStarter starter,
    RegisteredMachineStarts machines,
    ScheduleConfiguration schedules,
    TimeProvider time,
    IConfiguration configuration,
    ILogger<TimerFunctions> logger)
{
    /// <summary>
    /// Fires on the <c>AslScheduleCron</c> app setting (NCRONTAB; every minute serves any schedule). Each tick starts
    /// every due slot of every enabled schedule (<c>AslSchedules</c> / <c>AslSchedulesFile</c>) that has not started,
    /// looking back the missed-run window, under the slot's deterministic execution name, so a slot fired twice starts
    /// once; slots older than the window (the app was down) are logged as skipped. It also starts the definition in
    /// <c>AslScheduleDefinition</c> (ASL JSON text) with the input in <c>AslScheduleInput</c> (JSON, default
    /// <c>{}</c>) when that is set. With neither configured it logs and starts nothing.
    /// </summary>
    /// <param name="timer">The timer information (its last run tells which slots were skipped).</param>
    /// <param name="client">The durable client.</param>
    /// <param name="cancellationToken">Cancels on host shutdown.</param>
    /// <returns>A task that completes when the tick's executions are scheduled.</returns>
    [Function(FunctionNames.ScheduledStart)]
    public async Task ScheduledStartAsync(
        [TimerTrigger(FunctionNames.ScheduleSetting)] TimerInfo timer,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(timer);
        DateTimeOffset now = time.GetUtcNow();
        DurableTaskExecutionClient executions = new(client);
        bool definitionConfigured = !string.IsNullOrWhiteSpace(configuration[FunctionNames.ScheduleDefinitionSetting]);
        if (schedules.Schedules.Count == 0 && !definitionConfigured)
        {
            Log.ScheduleNotConfigured(logger, FunctionNames.ScheduledStart, ScheduleSettings.FileSetting);
            return;
        }

        if (schedules.Schedules.Count > 0)
        {
            await ServeSchedulesAsync(timer, executions, now, cancellationToken);
        }

        if (definitionConfigured)
        {
            string instanceId = await starter.StartFromScheduleAsync(
                executions,
                FunctionNames.ScheduledStart,
                now,
                configuration[FunctionNames.ScheduleDefinitionSetting],
                configuration[FunctionNames.ScheduleInputSetting],
                cancellationToken);
            Log.ScheduleFired(logger, FunctionNames.ScheduledStart, timer.IsPastDue, instanceId);
        }
    }

    private async Task ServeSchedulesAsync(TimerInfo timer, IExecutionClient executions, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ScheduleRunner runner = new(schedules, new RegisteredMachineScheduleSink(machines, executions));
        if (timer.ScheduleStatus is { } status && status.Last != default)
        {
            foreach (ScheduleMissedRuns missed in runner.MissedRuns(new DateTimeOffset(status.Last.ToUniversalTime(), TimeSpan.Zero), now))
            {
                Log.ScheduleRunsMissed(logger, missed.ScheduleName, missed.Count, missed.MoreNotCounted ? "+" : "", missed.First, missed.Last, schedules.MissedRunWindow);
            }
        }

        foreach (ScheduleSlotResult result in await runner.RunDueAsync(now, cancellationToken))
        {
            switch (result.Outcome)
            {
                case ScheduleSlotOutcome.Started:
                    Log.ScheduleSlotStarted(logger, result.ScheduleName, result.ScheduledTime, result.ExecutionName);
                    break;
                case ScheduleSlotOutcome.AlreadyStarted:
                    Log.ScheduleSlotAlreadyStarted(logger, result.ScheduleName, result.ScheduledTime, result.ExecutionName);
                    break;
                default:
                    Log.ScheduleSlotFailed(logger, result.ScheduleName, result.ScheduledTime, result.Error ?? "");
                    break;
            }
        }
    }
}
