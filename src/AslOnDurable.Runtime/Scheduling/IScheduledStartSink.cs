namespace AslOnDurable.Runtime.Scheduling;

/// <summary>Starts the execution of one schedule slot (a host's adapter over its execution client and registry).</summary>
public interface IScheduledStartSink
{
    /// <summary>Starts the slot's execution, named <see cref="ScheduledStart.ExecutionName"/>.</summary>
    /// <param name="start">The slot.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>
    /// <see langword="true"/> when it started now; <see langword="false"/> when an execution of that name already
    /// exists (the slot was started before: nothing is started twice).
    /// </returns>
    Task<bool> StartAsync(ScheduledStart start, CancellationToken cancellationToken);
}
