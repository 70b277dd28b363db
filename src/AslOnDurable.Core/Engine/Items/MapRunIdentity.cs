namespace AslOnDurable.Core.Engine.Items;

/// <summary>
/// A map run's names, as AWS forms them: <c>arn:aws:states:&lt;region&gt;:&lt;account&gt;:mapRun:&lt;machine&gt;/&lt;label&gt;:&lt;id&gt;</c>,
/// its children <c>…:execution:&lt;machine&gt;/&lt;label&gt;:&lt;name&gt;</c> (<c>express:</c> for EXPRESS children) of the
/// state machine <c>…:stateMachine:&lt;machine&gt;/&lt;label&gt;</c>. The label is the Map's <c>Label</c>, else its name.
/// </summary>
/// <param name="ArnPrefix">The execution's <c>arn:aws:states:&lt;region&gt;:&lt;account&gt;</c>.</param>
/// <param name="StateMachineName">The parent state machine's name.</param>
/// <param name="Label">The map run's label.</param>
/// <param name="Id">The map run's id.</param>
/// <param name="Express">Whether the children are EXPRESS executions.</param>
internal sealed record MapRunIdentity(string ArnPrefix, string StateMachineName, string Label, string Id, bool Express)
{
    /// <summary>The map run's ARN.</summary>
    public string Arn => $"{ArnPrefix}:mapRun:{StateMachineName}/{Label}:{Id}";

    /// <summary>The children's state machine ARN.</summary>
    public string ChildStateMachineArn => $"{ArnPrefix}:stateMachine:{StateMachineName}/{Label}";

    /// <summary>A child's execution ARN.</summary>
    public string ChildExecutionArn(string name) => $"{ArnPrefix}:{(Express ? "express" : "execution")}:{StateMachineName}/{Label}:{name}";
}
