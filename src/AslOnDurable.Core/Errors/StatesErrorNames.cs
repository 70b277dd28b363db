namespace AslOnDurable.Core.Errors;

/// <summary>The catalogue of predefined <c>States.*</c> error names, spelled as AWS spells them.</summary>
public static class StatesErrorNames
{
    /// <summary>Wildcard that matches any error name except <see cref="Runtime"/> and <see cref="DataLimitExceeded"/> cases AWS excludes.</summary>
    public const string All = "States.ALL";

    /// <summary>A task failed (matches any error except <see cref="Timeout"/>).</summary>
    public const string TaskFailed = "States.TaskFailed";

    /// <summary>A task or the execution ran longer than its TimeoutSeconds, or missed a heartbeat.</summary>
    public const string Timeout = "States.Timeout";

    /// <summary>A task did not send a heartbeat in time.</summary>
    public const string HeartbeatTimeout = "States.HeartbeatTimeout";

    /// <summary>The execution failed because of an exception it cannot process (not retriable or catchable by States.ALL).</summary>
    public const string Runtime = "States.Runtime";

    /// <summary>A payload (state input/output, result) exceeded the size quota.</summary>
    public const string DataLimitExceeded = "States.DataLimitExceeded";

    /// <summary>A branch of a Parallel state failed.</summary>
    public const string BranchFailed = "States.BranchFailed";

    /// <summary>A task had no permission to run.</summary>
    public const string Permissions = "States.Permissions";

    /// <summary>A state's result could not be placed at its ResultPath.</summary>
    public const string ResultPathMatchFailure = "States.ResultPathMatchFailure";

    /// <summary>A parameter in Parameters/ItemSelector/ResultSelector was not valid.</summary>
    public const string ParameterPathFailure = "States.ParameterPathFailure";

    /// <summary>An intrinsic function call failed.</summary>
    public const string IntrinsicFailure = "States.IntrinsicFailure";

    /// <summary>A Choice state found no matching rule and had no Default.</summary>
    public const string NoChoiceMatched = "States.NoChoiceMatched";

    /// <summary>A Map state's item count exceeded the tolerated failure threshold.</summary>
    public const string ExceedToleratedFailureThreshold = "States.ExceedToleratedFailureThreshold";

    /// <summary>A distributed Map's ItemReader failed.</summary>
    public const string ItemReaderFailed = "States.ItemReaderFailed";

    /// <summary>A distributed Map's ResultWriter failed.</summary>
    public const string ResultWriterFailed = "States.ResultWriterFailed";

    /// <summary>A JSONata expression failed to evaluate, or produced a value of the wrong type.</summary>
    public const string QueryEvaluationError = "States.QueryEvaluationError";

    /// <summary>The task's resource is not allowed, or a variable is too large (AWS uses it for several quota errors).</summary>
    public const string ExecutionLimitExceeded = "States.ExecutionLimitExceeded";
}
