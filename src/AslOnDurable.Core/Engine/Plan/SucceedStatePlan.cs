using AslOnDurable.Core.Model.States;

namespace AslOnDurable.Core.Engine.Plan;

/// <summary>A compiled Succeed state.</summary>
internal sealed class SucceedStatePlan(SucceedState state, PlanCompiler compiler) : StatePlan(state, compiler)
{
    /// <inheritdoc/>
    public override bool TakesHeldInput => IsJsonata;
}
