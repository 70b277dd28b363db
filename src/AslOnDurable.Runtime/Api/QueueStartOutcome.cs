namespace AslOnDurable.Runtime.Api;

/// <summary>What became of a start-queue message that names a registered state machine.</summary>
/// <param name="Kind">Started, AlreadyStarted or Poison.</param>
/// <param name="Detail">The execution ARN, the execution name, or the reason the message is poison.</param>
public sealed record QueueStartOutcome(QueueStartKind Kind, string Detail)
{
    /// <summary>Started now.</summary>
    /// <param name="executionArn">The execution ARN.</param>
    /// <returns>The outcome.</returns>
    public static QueueStartOutcome Started(string executionArn) => new(QueueStartKind.Started, executionArn);

    /// <summary>A redelivery: the execution of this message already exists.</summary>
    /// <param name="executionName">The execution name.</param>
    /// <returns>The outcome.</returns>
    public static QueueStartOutcome AlreadyStarted(string executionName) => new(QueueStartKind.AlreadyStarted, executionName);

    /// <summary>The message can never start anything.</summary>
    /// <param name="reason">Why, in words a user can act on.</param>
    /// <returns>The outcome.</returns>
    public static QueueStartOutcome Poison(string reason) => new(QueueStartKind.Poison, reason);
}
