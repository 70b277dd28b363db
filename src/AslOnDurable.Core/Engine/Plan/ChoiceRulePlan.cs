using AslOnDurable.Core.Engine.Lifecycle;
using AslOnDurable.Core.Paths.Templates;

namespace AslOnDurable.Core.Engine.Plan;

/// <summary>A compiled top-level Choice rule.</summary>
/// <param name="Condition">The condition.</param>
/// <param name="NextIndex">The index of its Next state.</param>
/// <param name="Assign">JSONPath Assign.</param>
/// <param name="JsonataAssign">JSONata Assign.</param>
/// <param name="Output">JSONata Output.</param>
internal sealed record ChoiceRulePlan(ChoiceConditionPlan Condition, int NextIndex, PayloadTemplate? Assign, JsonataTemplate? JsonataAssign, JsonataTemplate? Output);
