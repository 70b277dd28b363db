namespace AslOnDurable.Core.Engine.StateMachines;

/// <summary>
/// Finds the definition of a state machine by its ARN (<c>arn:aws:states:region:account:stateMachine:name</c>), for
/// Task states that start another state machine (<c>arn:aws:states:::states:startExecution</c>).
/// </summary>
/// <remarks>
/// Both runtimes use it: the in-memory host resolves through it directly; the durable runtime only inside the task
/// activity, so the definition text lands in history and orchestrator replays never look it up.
/// </remarks>
public interface IStateMachineRegistry
{
    /// <summary>Returns the definition of a state machine.</summary>
    /// <param name="stateMachineArn">The state machine ARN (exact match).</param>
    /// <param name="cancellationToken">Cancels the lookup.</param>
    /// <returns>The ASL definition text, or <see langword="null"/> when no state machine has that ARN.</returns>
    ValueTask<string?> FindDefinitionAsync(string stateMachineArn, CancellationToken cancellationToken);
}
