using AslOnDurable.Core.Engine.StateMachines;

namespace AslOnDurable.Runtime.Api.Registry;

/// <summary>
/// The engine's <see cref="IStateMachineRegistry"/> over the API's store, so Task states that start another state
/// machine (<c>states:startExecution</c>) find the ones created through CreateStateMachine.
/// </summary>
/// <param name="store">The store.</param>
public sealed class RegisteredStateMachines(IStateMachineStore store) : IStateMachineRegistry
{
    /// <inheritdoc />
    public async ValueTask<string?> FindDefinitionAsync(string stateMachineArn, CancellationToken cancellationToken) =>
        (await store.GetAsync(stateMachineArn, cancellationToken).ConfigureAwait(false))?.Definition;
}
