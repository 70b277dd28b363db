using System.Collections.Immutable;
using AslOnDurable.Core.Model.Choice;

namespace AslOnDurable.Core.Model.States;

/// <summary>A <c>Choice</c> state: picks the next state from the first matching rule.</summary>
public sealed record ChoiceState : StateDefinition
{
    /// <summary>The rules in order.</summary>
    public ImmutableArray<ChoiceRule> Choices { get; init; } = [];

    /// <summary>The <c>Default</c> state, or <see langword="null"/>.</summary>
    public string? Default { get; init; }

    /// <inheritdoc/>
    public override string Type => "Choice";
}
