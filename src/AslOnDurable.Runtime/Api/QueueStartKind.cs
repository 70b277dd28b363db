namespace AslOnDurable.Runtime.Api;

/// <summary>How a start-queue message ended.</summary>
public enum QueueStartKind
{
    /// <summary>An execution was started.</summary>
    Started,

    /// <summary>The message was delivered before and its execution exists.</summary>
    AlreadyStarted,

    /// <summary>The message is malformed or names nothing that can start; it goes to the poison queue.</summary>
    Poison,
}
