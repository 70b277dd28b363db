namespace AslOnDurable.Runtime.Durable.Payloads;

/// <summary>Output of <see cref="PingOrchestrator"/>.</summary>
/// <param name="Replies">The activity replies, in branch order.</param>
/// <param name="StartedAt">The orchestration's replay-safe time when it started.</param>
/// <param name="TimerDueAt">When the durable timer was due (after the fan-in).</param>
/// <param name="TimerFiredAt">The replay-safe time after the wait ended (never before <paramref name="TimerDueAt"/>).</param>
public sealed record PingResult(IReadOnlyList<PingReply> Replies, DateTime StartedAt, DateTime TimerDueAt, DateTime TimerFiredAt);
