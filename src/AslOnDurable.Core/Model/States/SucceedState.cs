namespace AslOnDurable.Core.Model.States;

/// <summary>A <c>Succeed</c> state: ends the execution (or branch) successfully.</summary>
public sealed record SucceedState : StateDefinition
{
    /// <inheritdoc/>
    public override string Type => "Succeed";
}
