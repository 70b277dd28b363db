namespace AslOnDurable.Runtime.Durable.MapRuns;

/// <summary>
/// A map run's STANDARD children still running, and whether the map run has ended without them (it failed: no
/// further window starts). Changed only by orchestrator code, so replay-safe.
/// </summary>
internal sealed class OpenMapRunChildren
{
    private readonly List<string> running = [];

    /// <summary>Gets or sets a value indicating whether the map run has ended without waiting for the running children.</summary>
    public bool Closed { get; set; }

    /// <summary>
    /// Gets a value indicating whether a chunk whose window's inputs arrive after the map run has closed starts no child
    /// (where the map run terminates its open children once, <see cref="MapRunOrchestrator"/>'s <c>closesOpenChildren</c>;
    /// the self-hosts' closing service terminates such a late child in the next episode, so their histories stay as they were).
    /// </summary>
    public bool StartsNoneOnceClosed { get; init; }

    /// <summary>Gets the instance ids of the children started and not yet answered, in start order.</summary>
    public IReadOnlyList<string> Running => running;

    /// <summary>Calls a child, kept in <see cref="Running"/> until it answers.</summary>
    /// <param name="instanceId">The child's instance id.</param>
    /// <param name="call">Starts the call.</param>
    /// <returns>The child's output.</returns>
    public async Task<string> CallAsync(string instanceId, Func<Task<string>> call)
    {
        running.Add(instanceId);
        try
        {
            return await call();
        }
        finally
        {
            running.Remove(instanceId);
        }
    }
}
