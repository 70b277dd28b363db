using AslOnDurable.Jsonata;

namespace AslOnDurable.Core.Engine.Lifecycle;

/// <summary>The members of <c>$states.context</c> that stay the same for a whole execution, as JSONata values.</summary>
/// <param name="Execution"><c>$states.context.Execution</c>.</param>
/// <param name="StateMachine"><c>$states.context.StateMachine</c>.</param>
internal sealed record JsonataContextConstants(JsonataValue Execution, JsonataValue StateMachine);
