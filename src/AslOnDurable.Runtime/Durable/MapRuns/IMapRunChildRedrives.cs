using AslOnDurable.Core.Engine.MapRuns;

namespace AslOnDurable.Runtime.Durable.MapRuns;

/// <summary>
/// Redrives a map run's unsuccessful STANDARD children in place (a redrive of the parent execution redrives its map run):
/// the host with the API's execution index and histories restarts each through the code RedriveExecution uses.
/// </summary>
public interface IMapRunChildRedrives
{
    /// <summary>
    /// Redrives one closed, unsuccessful child, unless this redrive (<paramref name="redriveDate"/>) already did; a child
    /// that succeeded after all (an aborted chunk's child that ended on its own, or one an earlier redrive redrove) is kept
    /// as it is, and <see cref="OutcomeAsync"/> answers its success.
    /// </summary>
    /// <param name="executionArn">The child's execution ARN.</param>
    /// <param name="redriveDate">The map run's redrive date (the parent's redrive instant).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns><see langword="null"/> once redriven (now or before by the same redrive) or when it succeeded, else why it cannot be (not redrivable).</returns>
    Task<string?> RedriveAsync(string executionArn, DateTimeOffset redriveDate, CancellationToken cancellationToken);

    /// <summary>
    /// Starts a child that never started (its chunk was aborted before it): recorded in the execution index and started
    /// under its name, unless it exists already (this redrive started it before: the activity ran again).
    /// </summary>
    /// <param name="child">The child, as the map run would have started it.</param>
    /// <param name="payload">Its orchestrator input.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes once it is started.</returns>
    Task StartAsync(MapRunChildStart child, string payload, CancellationToken cancellationToken);

    /// <summary>Waits up to <paramref name="wait"/> for a redriven child to close.</summary>
    /// <param name="executionArn">The child's execution ARN.</param>
    /// <param name="redriveDate">The map run's redrive date: an outcome older than it is the child's previous run's.</param>
    /// <param name="wait">How long to wait at most.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>How the child went, or <see langword="null"/> while it still runs.</returns>
    Task<MapRunChild?> OutcomeAsync(string executionArn, DateTimeOffset redriveDate, TimeSpan wait, CancellationToken cancellationToken);
}
