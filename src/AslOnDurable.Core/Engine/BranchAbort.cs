namespace AslOnDurable.Core.Engine;

/// <summary>
/// A flag the enclosing Parallel/Map sets to stop its remaining branches (no CancellationToken on orchestrator paths); a map
/// run's EXPRESS chunk sets it from another thread when its map run has ended (hence volatile).
/// </summary>
/// <param name="parent">The enclosing state's own abort flag, if any.</param>
internal sealed class BranchAbort(BranchAbort? parent)
{
    private volatile bool requested;

    /// <summary>Whether this or an enclosing flag is set.</summary>
    public bool IsRequested => requested || (parent?.IsRequested ?? false);

    /// <summary>Sets the flag.</summary>
    public void Request() => requested = true;
}
