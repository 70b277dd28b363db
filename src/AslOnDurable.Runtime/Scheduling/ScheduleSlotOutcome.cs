namespace AslOnDurable.Runtime.Scheduling;

/// <summary>What a tick did with one due slot.</summary>
public enum ScheduleSlotOutcome
{
    /// <summary>The slot's execution started now.</summary>
    Started,

    /// <summary>The slot had started before (a repeated tick, another instance): nothing was started.</summary>
    AlreadyStarted,

    /// <summary>The start failed; the next tick tries again while the slot is inside the missed-run window.</summary>
    Failed,
}
