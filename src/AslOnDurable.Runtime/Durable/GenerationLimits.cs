namespace AslOnDurable.Runtime.Durable;

/// <summary>When a generation of a state-machine orchestration continues as new (at the next top-level state boundary).</summary>
/// <param name="MaxActions">Durable actions (task calls and timers) after which it does.</param>
/// <param name="MaxEvents">ASL history events after which it does.</param>
internal sealed record GenerationLimits(int MaxActions, int MaxEvents);
