using System.Diagnostics.CodeAnalysis;

namespace AslOnDurable.Core.Engine.StateMachines;

/// <summary>A parsed state machine ARN: <c>arn:partition:states:region:account:stateMachine:name[:version or alias]</c>.</summary>
/// <param name="Text">The ARN as written.</param>
/// <param name="ArnPrefix">The <c>arn:partition:states:region:account</c> part (the child execution's ARN prefix).</param>
/// <param name="Name">The state machine name (<c>$$.StateMachine.Name</c> of its executions).</param>
public sealed record StateMachineArn(string Text, string ArnPrefix, string Name)
{
    /// <summary>The ARN of a state machine in the account/region of an ARN prefix.</summary>
    /// <param name="arnPrefix">For example <c>arn:aws:states:us-east-1:123456789012</c> (<see cref="ExecutionRequest.ArnPrefix"/>).</param>
    /// <param name="name">The state machine name.</param>
    /// <returns>The ARN text.</returns>
    public static string Format(string arnPrefix, string name) => arnPrefix + ":stateMachine:" + name;

    /// <summary>Parses an ARN.</summary>
    /// <param name="text">The text.</param>
    /// <param name="arn">The parsed ARN.</param>
    /// <returns>Whether the text is a state machine ARN.</returns>
    public static bool TryParse(string? text, [NotNullWhen(true)] out StateMachineArn? arn)
    {
        arn = null;
        if (text is null)
        {
            return false;
        }

        var parts = text.Split(':');
        if (parts.Length is not (7 or 8) || parts[0] != "arn" || parts[1].Length == 0 || parts[2] != "states"
            || parts[3].Length == 0 || parts[4].Length == 0 || parts[5] != "stateMachine" || parts[6].Length == 0)
        {
            return false;
        }

        arn = new StateMachineArn(text, string.Join(':', parts[..5]), parts[6]);
        return true;
    }

    /// <summary>The ARN of an execution of this state machine.</summary>
    /// <param name="executionName">The execution name.</param>
    /// <returns>The execution ARN (<c>$$.Execution.Id</c>).</returns>
    public string ExecutionArn(string executionName) => ArnPrefix + ":execution:" + Name + ":" + executionName;
}
