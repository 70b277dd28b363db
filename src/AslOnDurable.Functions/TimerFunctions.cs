using AslOnDurable.Runtime.Executions;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace AslOnDurable.Functions;

/// <summary>Timer triggers: each starts an execution through <see cref="ExecutionStarter"/>.</summary>
/// <param name="starter">Starts executions.</param>
/// <param name="time">The clock.</param>
/// <param name="configuration">App settings: the scheduled definition and input.</param>
/// <param name="logger">The logger.</param>
internal sealed class TimerFunctions(ExecutionStarter starter, TimeProvider time, IConfiguration configuration, ILogger<TimerFunctions> logger)
{
    /// <summary>
    /// Fires on the schedule in the <c>AslScheduleCron</c> app setting and starts the definition in
    /// <c>AslScheduleDefinition</c> (ASL JSON text) with the input in <c>AslScheduleInput</c> (JSON, default <c>{}</c>);
    /// with no definition configured it logs and starts nothing.
    /// </summary>
    /// <param name="timer">The timer information.</param>
    /// <param name="client">The durable client.</param>
    /// <param name="cancellationToken">Cancels on host shutdown.</param>
    /// <returns>A task that completes when the execution is scheduled.</returns>
    [Function(FunctionNames.ScheduledStart)]
    public async Task ScheduledStartAsync(
        [TimerTrigger(FunctionNames.ScheduleSetting)] TimerInfo timer,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(configuration[FunctionNames.ScheduleDefinitionSetting]))
        {
            Log.ScheduleNotConfigured(logger, FunctionNames.ScheduledStart, FunctionNames.ScheduleDefinitionSetting);
            return;
        }

        string instanceId = await starter.StartFromScheduleAsync(
            new DurableTaskExecutionClient(client),
            FunctionNames.ScheduledStart,
            time.GetUtcNow(),
            configuration[FunctionNames.ScheduleDefinitionSetting],
            configuration[FunctionNames.ScheduleInputSetting],
            cancellationToken);
        Log.ScheduleFired(logger, FunctionNames.ScheduledStart, timer.IsPastDue, instanceId);
    }
}
