using System.Diagnostics.CodeAnalysis;

namespace AslOnDurable.Runtime.Api.Protocol;

/// <summary>
/// Builds and reads the ARNs the API issues: <c>arn:aws:states:region:account:stateMachine:name</c>,
/// <c>…:execution:machine:name</c>, <c>…:express:machine:name:id</c> and <c>…:activity:name</c>.
/// </summary>
/// <param name="options">The region and account.</param>
internal sealed class ResourceArns(ApiOptions options)
{
    /// <summary>The ARN of a state machine.</summary>
    public string StateMachine(string name) => $"{options.ArnPrefix}:stateMachine:{name}";

    /// <summary>The ARN of a STANDARD execution.</summary>
    public string Execution(string stateMachineName, string executionName) => $"{options.ArnPrefix}:execution:{stateMachineName}:{executionName}";

    /// <summary>The ARN of an EXPRESS execution (AWS adds a unique id: express names need not be unique).</summary>
    public string ExpressExecution(string stateMachineName, string executionName, string id) =>
        $"{options.ArnPrefix}:express:{stateMachineName}:{executionName}:{id}";

    /// <summary>The ARN of an activity.</summary>
    public string Activity(string name) => $"{options.ArnPrefix}:activity:{name}";

    /// <summary>Whether a text is an activity ARN of this account and region.</summary>
    public bool IsActivity(string arn) => TryRead(arn, "activity", 1, out _);

    /// <summary>Reads an activity ARN of this account and region; anything else is <c>InvalidArn</c>.</summary>
    /// <param name="arn">The ARN (already checked for presence).</param>
    /// <returns>The activity name.</returns>
    public string ActivityName(string arn) =>
        TryRead(arn, "activity", 1, out string[]? parts) ? parts[0] : throw Invalid(arn);

    /// <summary>Reads a state machine ARN of this account and region; anything else is <c>InvalidArn</c>.</summary>
    /// <param name="arn">The ARN (already checked for presence).</param>
    /// <returns>The state machine name.</returns>
    public string StateMachineName(string arn) =>
        TryRead(arn, "stateMachine", 1, out string[]? parts) ? parts[0] : throw Invalid(arn);

    /// <summary>The ARN of a state machine version or alias: the state machine's ARN and the version number or alias name.</summary>
    public static string Qualified(string stateMachineArn, string qualifier) => $"{stateMachineArn}:{qualifier}";

    /// <summary>
    /// Reads a state machine ARN that may be qualified by a version number or alias name; anything else is <c>InvalidArn</c>.
    /// </summary>
    /// <param name="arn">The ARN.</param>
    /// <returns>The unqualified state machine ARN, and the qualifier or <c>null</c>.</returns>
    public (string StateMachineArn, string? Qualifier) QualifiedStateMachine(string arn)
    {
        if (TryRead(arn, "stateMachine", 1, out _))
        {
            return (arn, null);
        }

        return TryRead(arn, "stateMachine", 2, out string[]? parts)
            ? (StateMachine(parts[0]), parts[1])
            : throw Invalid(arn);
    }

    /// <summary>Whether a qualifier names a version (digits only) rather than an alias.</summary>
    public static bool IsVersion(string qualifier) => qualifier.All(char.IsAsciiDigit);

    /// <summary>Reads an execution ARN: the state machine name and the execution's (plus the id of an express one).</summary>
    /// <param name="arn">The ARN.</param>
    /// <returns>The state machine name and execution name.</returns>
    public (string StateMachine, string Execution) ExecutionNames(string arn)
    {
        if (TryRead(arn, "execution", 2, out string[]? parts) || TryRead(arn, "express", 3, out parts))
        {
            return (parts[0], parts[1]);
        }

        throw Invalid(arn);
    }

    /// <summary>Reads a map run ARN (<c>…:mapRun:&lt;machine&gt;/&lt;label&gt;:&lt;id&gt;</c>); anything else is <c>InvalidArn</c>.</summary>
    /// <param name="arn">The ARN (already checked for presence).</param>
    /// <returns>The ARN of the state machine its children run (<c>…:stateMachine:&lt;machine&gt;/&lt;label&gt;</c>).</returns>
    public string MapRunStateMachine(string arn) =>
        TryRead(arn, "mapRun", 2, out string[]? parts) && parts[0].Contains('/', StringComparison.Ordinal)
            ? StateMachine(parts[0])
            : throw Invalid(arn);

    private bool TryRead(string arn, string resource, int count, [NotNullWhen(true)] out string[]? parts)
    {
        parts = null;
        string prefix = $"{options.ArnPrefix}:{resource}:";
        if (!arn.StartsWith(prefix, StringComparison.Ordinal))
        {
            return false;
        }

        string[] rest = arn[prefix.Length..].Split(':');
        if (rest.Length != count || rest.Any(p => p.Length == 0))
        {
            return false;
        }

        parts = rest;
        return true;
    }

    private static ApiException Invalid(string arn) => new(ApiErrorTypes.InvalidArn, $"Invalid Arn: 'Resource type not valid in this context: {arn}'");
}
