namespace AslOnDurable.Runtime.Durable.Payloads;

/// <summary>Input of <see cref="PingOrchestrator"/>.</summary>
/// <param name="Branches">How many activities to fan out (0 or more).</param>
/// <param name="TimerMilliseconds">How long the durable timer waits after the fan-in (0 skips the timer).</param>
public sealed record PingInput(int Branches, int TimerMilliseconds);
