using AslOnDurable.Core.Errors;

namespace AslOnDurable.Core.Engine.StateMachines;

/// <summary>
/// How deep executions may start executions (<c>states:startExecution</c>): 50 levels below the top-level execution.
/// A state machine that starts itself fails at that depth with <c>States.Runtime</c> instead of running until memory
/// or the stack runs out.
/// </summary>
/// <remarks>AWS documents no nesting limit (its account's open-execution quota stops such a chain eventually).</remarks>
public static class NestedExecutionLimit
{
    /// <summary>The deepest nesting: a top-level execution is at depth 0, the executions it starts at 1, and so on.</summary>
    public const int MaxDepth = 50;

    /// <summary>The failure of a task that would start an execution at <paramref name="childDepth"/>, or null when it may.</summary>
    public static AslError? Check(int childDepth, StateMachineArn stateMachine)
    {
        ArgumentNullException.ThrowIfNull(stateMachine);
        return childDepth > MaxDepth
            ? new AslError(StatesErrorNames.Runtime, $"Starting '{stateMachine.Text}' would nest executions {childDepth} deep, over the limit of {MaxDepth}.")
            : null;
    }
}
