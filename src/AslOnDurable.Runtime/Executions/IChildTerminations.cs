namespace AslOnDurable.Runtime.Executions;

/// <summary>
/// Terminates a child execution its parent or map run no longer awaits and, where the host's orchestration service tells
/// nobody of terminations (the Functions app), records it ABORTED in the API's execution index: a child terminated with
/// its parent or map run records no closing event, so the index would list it RUNNING until someone describes it. The
/// self-hosts record applied terminations in their closing service instead (<c>DurableTaskCatalog.Terminated</c>).
/// </summary>
public interface IChildTerminations
{
    /// <summary>
    /// Terminates a child (recursively where the client does) unless it has ended, and records it ABORTED when it is an
    /// execution of the index: at the time of the request, or at the backend's stop time when it was already terminated.
    /// A child that ended on its own keeps the status its closing event gives; a later generation (a redrive) is not marked.
    /// </summary>
    /// <param name="client">The client of the host's task hub.</param>
    /// <param name="instanceId">The child's durable instance id.</param>
    /// <param name="reason">Why, or <c>null</c>.</param>
    /// <param name="cancellationToken">Cancels the requests.</param>
    /// <returns>Whether a termination was requested (not for a child that had ended).</returns>
    Task<bool> TerminateAsync(IExecutionClient client, string instanceId, string? reason, CancellationToken cancellationToken);
}
