namespace AslOnDurable.Core.Engine.Context;

/// <summary>
/// The size limits of workflow variables and the running total of one execution's live variables, shared by every
/// scope of the run (the top level, Parallel branches and Map iterations).
/// </summary>
/// <remarks>
/// AWS: a variable may hold at most 256 KiB, one <c>Assign</c> field at most 256 KiB in all, and an execution at most
/// 10 MiB of variables; sizes count the UTF-8 bytes of the compact JSON values. Branches that run tasks may commit
/// from different threads with an in-memory host, so the total changes only atomically.
/// </remarks>
/// <param name="options">The execution's limits.</param>
internal sealed class VariableSizeBudget(ExecutionOptions options)
{
    private long total;

    /// <summary>The size limit of one variable.</summary>
    public long MaxVariableBytes { get; } = options.MaxVariableBytes;

    /// <summary>The limit on the combined size of one Assign field's variables.</summary>
    public long MaxAssignBytes { get; } = options.MaxAssignBytes;

    /// <summary>The limit on the total size of the execution's live variables.</summary>
    public long MaxTotalBytes { get; } = options.MaxTotalVariableBytes;

    /// <summary>The total size of the execution's live variables.</summary>
    public long Total => Interlocked.Read(ref total);

    /// <summary>Adds <paramref name="delta"/> to the total unless that would pass <see cref="MaxTotalBytes"/>; a shrink always succeeds.</summary>
    /// <returns>Whether the total changed.</returns>
    public bool TryAdd(long delta)
    {
        if (delta <= 0)
        {
            Interlocked.Add(ref total, delta);
            return true;
        }

        var current = Interlocked.Read(ref total);
        while (current + delta <= MaxTotalBytes)
        {
            var seen = Interlocked.CompareExchange(ref total, current + delta, current);
            if (seen == current)
            {
                return true;
            }

            current = seen;
        }

        return false;
    }

    /// <summary>Changes the total without checking the limit (variables restored from a checkpoint, scopes that end).</summary>
    public void Add(long delta) => Interlocked.Add(ref total, delta);
}
