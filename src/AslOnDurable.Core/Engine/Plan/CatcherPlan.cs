using AslOnDurable.Core.Engine.Lifecycle;
using AslOnDurable.Core.Model.ErrorHandling;
using AslOnDurable.Core.Paths.Templates;

namespace AslOnDurable.Core.Engine.Plan;

/// <summary>A compiled Catch rule.</summary>
/// <param name="Catcher">The rule.</param>
/// <param name="NextIndex">The index of its Next state.</param>
/// <param name="Assign">JSONPath-mode Assign.</param>
/// <param name="JsonataAssign">JSONata-mode Assign.</param>
/// <param name="Output">JSONata Output.</param>
internal sealed record CatcherPlan(Catcher Catcher, int NextIndex, PayloadTemplate? Assign, JsonataTemplate? JsonataAssign, JsonataTemplate? Output);
