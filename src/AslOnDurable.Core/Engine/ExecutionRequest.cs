using System.Text.Json.Nodes;

namespace AslOnDurable.Core.Engine;

/// <summary>What one execution starts with: its input and the names the context object reports.</summary>
public sealed record ExecutionRequest
{
    /// <summary>The execution input (handed over to the engine, which may mutate it).</summary>
    public JsonNode? Input { get; init; }

    /// <summary>
    /// An upper bound of <see cref="Input"/>'s size as the payload quota counts it, when the host knows one for free (the
    /// UTF-8 length of the JSON text it read the input from, nested at most as deep as the engine's depth limit allows):
    /// the engine then measures the input only when the bound is over the quota.
    /// </summary>
    public long? InputSizeBound { get; init; }

    /// <summary>The execution name; a new GUID from the host when <see langword="null"/>.</summary>
    public string? Name { get; init; }

    /// <summary>The state machine name (<c>$$.StateMachine.Name</c>).</summary>
    public string StateMachineName { get; init; } = "StateMachine";

    /// <summary>The account/region prefix of ARNs, for example <c>arn:aws:states:us-east-1:123456789012</c>.</summary>
    public string ArnPrefix { get; init; } = "arn:aws:states:us-east-1:123456789012";

    /// <summary>The role ARN the execution reports (<c>$$.Execution.RoleArn</c>).</summary>
    public string RoleArn { get; init; } = "arn:aws:iam::123456789012:role/StepFunctionsRole";

    /// <summary>The ARN of this state machine's execution called <paramref name="name"/>.</summary>
    /// <param name="name">The execution name.</param>
    /// <returns><c>{ArnPrefix}:execution:{StateMachineName}:{name}</c>.</returns>
    public string ExecutionArnFor(string name) => ArnPrefix + ":execution:" + StateMachineName + ":" + name;
}
