using AslOnDurable.Core.Engine;
using AslOnDurable.Core.Engine.History;

namespace AslOnDurable.Runtime.Api.Executions;

/// <summary>The answer of <see cref="ExecutionRedrives.CheckAsync"/>.</summary>
/// <param name="Reason">Why the execution cannot be redriven, or <c>null</c> when it can.</param>
/// <param name="Checkpoint">Where the redrive restarts it (when it can).</param>
/// <param name="Events">Its complete history (when it can).</param>
internal sealed record RedriveCheck(string? Reason, ExecutionCheckpoint? Checkpoint, IReadOnlyList<HistoryEvent> Events)
{
    /// <summary>Gets DescribeExecution's <c>redriveStatus</c>.</summary>
    public string Status => ByMapRun ? ExecutionRedrives.RedrivableByMapRun
        : Reason is null ? ExecutionRedrives.Redrivable : ExecutionRedrives.NotRedrivable;

    /// <summary>Gets DescribeExecution's <c>redriveStatusReason</c> (given only with NOT_REDRIVABLE).</summary>
    public string? StatusReason => ByMapRun ? null : Reason;

    /// <summary>Gets whether the execution is a map run's child that only a redrive of its parent execution runs again.</summary>
    public bool ByMapRun { get; init; }

    /// <summary>A refusal.</summary>
    /// <param name="reason">Why.</param>
    /// <returns>The answer.</returns>
    public static RedriveCheck Refused(string reason) => new(reason, null, []);
}
