namespace AslOnDurable.Runtime.Executions;

/// <summary>A request to start an execution, whatever transport carried it.</summary>
/// <param name="Definition">The ASL definition text (until the state machine registry exists, every start carries it).</param>
/// <param name="InputJson">The execution input as JSON text.</param>
/// <param name="Name">The execution name, also the instance id, or <c>null</c> to have one made.</param>
/// <param name="Trigger">What asked for the start (for logs): http, queue, schedule, cli…</param>
public sealed record StartExecutionCommand(string Definition, string InputJson, string? Name, string Trigger)
{
    /// <summary>Gets the state machine name (<c>$$.StateMachine.Name</c>), or <c>null</c> for the engine's default.</summary>
    public string? StateMachineName { get; init; }

    /// <summary>
    /// Gets the durable instance id when it differs from the name (the Step Functions API makes ids unique per state
    /// machine), or <c>null</c> to use the name.
    /// </summary>
    public string? InstanceId { get; init; }

    /// <summary>Gets the ARN prefix (<c>arn:aws:states:region:account</c>), or <c>null</c> for the engine's default.</summary>
    public string? ArnPrefix { get; init; }

    /// <summary>The state machine's <c>loggingConfiguration.level</c> (ALL, ERROR, FATAL, OFF), if any.</summary>
    public string? LogLevel { get; init; }

    /// <summary>The state machine's <c>loggingConfiguration.includeExecutionData</c>.</summary>
    public bool LogExecutionData { get; init; }
}
