using System.Collections.Frozen;

namespace AslOnDurable.Core.Engine.StateMachines;

/// <summary>A read-only registry built once from ARNs and definition texts (the CLI's <c>--state-machine</c>, tests).</summary>
public sealed class InMemoryStateMachineRegistry : IStateMachineRegistry
{
    private readonly FrozenDictionary<string, string> definitions;

    /// <summary>Creates the registry.</summary>
    /// <param name="definitions">State machine ARNs and their definition texts.</param>
    public InMemoryStateMachineRegistry(IEnumerable<KeyValuePair<string, string>> definitions)
    {
        ArgumentNullException.ThrowIfNull(definitions);
        this.definitions = definitions.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>A registry without state machines: every start fails with <c>StepFunctions.StateMachineDoesNotExistException</c>.</summary>
    public static InMemoryStateMachineRegistry Empty { get; } = new([]);

    /// <summary>Gets the registered ARNs.</summary>
    public IEnumerable<string> Arns => definitions.Keys;

    /// <inheritdoc/>
    public ValueTask<string?> FindDefinitionAsync(string stateMachineArn, CancellationToken cancellationToken) =>
        new(definitions.TryGetValue(stateMachineArn, out var text) ? text : null);
}
