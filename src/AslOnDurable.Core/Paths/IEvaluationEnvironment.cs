using System.Text.Json.Nodes;

namespace AslOnDurable.Core.Paths;

/// <summary>
/// What paths, payload templates and intrinsic functions may read besides the state's input: the context
/// object (<c>$$</c>), workflow variables (<c>$name</c>), and the host's ids and randomness.
/// The engine implements it per state; everything nondeterministic comes from the execution host.
/// </summary>
public interface IEvaluationEnvironment
{
    /// <summary>The context object (<c>$$</c>) as of the current state; built on first use by the implementer.</summary>
    JsonNode? ContextObject { get; }

    /// <summary>Looks up a workflow variable by name (without the <c>$</c>).</summary>
    /// <param name="name">The variable name.</param>
    /// <param name="value">The value when found (never to be mutated).</param>
    /// <returns>Whether the variable is in scope.</returns>
    bool TryGetVariable(string name, out JsonNode? value);

    /// <summary>A new random UUID (for <c>States.UUID</c>), from the execution host.</summary>
    /// <returns>The UUID.</returns>
    Guid NewUuid();

    /// <summary>A random double in [0, 1) (for <c>States.MathRandom</c> without a seed), from the execution host.</summary>
    /// <returns>The random value.</returns>
    double NextRandom();
}
