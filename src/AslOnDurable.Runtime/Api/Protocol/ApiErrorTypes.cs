namespace AslOnDurable.Runtime.Api.Protocol;

/// <summary>The Step Functions API's error names (<c>__type</c>), spelled as the API reference spells them.</summary>
public static class ApiErrorTypes
{
    /// <summary>The request does not satisfy a field's constraint (missing, too long, wrong type, malformed JSON).</summary>
    public const string ValidationException = "ValidationException";

    /// <summary>The <c>X-Amz-Target</c> names no action.</summary>
    public const string UnknownOperation = "UnknownOperation";

    /// <summary>An ARN is malformed or of the wrong resource type.</summary>
    public const string InvalidArn = "InvalidArn";

    /// <summary>A name breaks AWS's naming rules.</summary>
    public const string InvalidName = "InvalidName";

    /// <summary>The definition has errors.</summary>
    public const string InvalidDefinition = "InvalidDefinition";

    /// <summary>The execution input is not JSON or is too large.</summary>
    public const string InvalidExecutionInput = "InvalidExecutionInput";

    /// <summary>A <c>nextToken</c> or task token is not one this service issued.</summary>
    public const string InvalidToken = "InvalidToken";

    /// <summary>A task output is not JSON.</summary>
    public const string InvalidOutput = "InvalidOutput";

    /// <summary>No state machine has that ARN.</summary>
    public const string StateMachineDoesNotExist = "StateMachineDoesNotExist";

    /// <summary>A state machine of that name exists with another definition or configuration.</summary>
    public const string StateMachineAlreadyExists = "StateMachineAlreadyExists";

    /// <summary>The state machine is being deleted.</summary>
    public const string StateMachineDeleting = "StateMachineDeleting";

    /// <summary>The action does not apply to the state machine's type (StartSyncExecution on a STANDARD machine).</summary>
    public const string StateMachineTypeNotSupported = "StateMachineTypeNotSupported";

    /// <summary>No execution has that ARN.</summary>
    public const string ExecutionDoesNotExist = "ExecutionDoesNotExist";

    /// <summary>An execution of that name exists with another input, or has closed.</summary>
    public const string ExecutionAlreadyExists = "ExecutionAlreadyExists";

    /// <summary>A <c>loggingConfiguration</c> is not valid.</summary>
    public const string InvalidLoggingConfiguration = "InvalidLoggingConfiguration";

    /// <summary>A <c>tracingConfiguration</c> is not valid.</summary>
    public const string InvalidTracingConfiguration = "InvalidTracingConfiguration";

    /// <summary>A request must name at least one of several optional fields.</summary>
    public const string MissingRequiredParameter = "MissingRequiredParameter";

    /// <summary>The task token names no open task.</summary>
    public const string TaskDoesNotExist = "TaskDoesNotExist";

    /// <summary>The task has closed.</summary>
    public const string TaskTimedOut = "TaskTimedOut";

    /// <summary>No activity has that ARN.</summary>
    public const string ActivityDoesNotExist = "ActivityDoesNotExist";

    /// <summary>An activity of that name exists with another configuration.</summary>
    public const string ActivityAlreadyExists = "ActivityAlreadyExists";

    /// <summary>A resource would carry more than 50 tags.</summary>
    public const string TooManyTags = "TooManyTags";

    /// <summary>The resource (a state machine, activity, version or alias) does not exist.</summary>
    public const string ResourceNotFound = "ResourceNotFound";

    /// <summary>The request conflicts with the resource's state (a version in use by an alias, a changed revision).</summary>
    public const string ConflictException = "ConflictException";

    /// <summary>The execution cannot be redriven (not closed, not redrivable, or too old).</summary>
    public const string ExecutionNotRedrivable = "ExecutionNotRedrivable";

    /// <summary>The service failed (HTTP 500).</summary>
    public const string InternalFailure = "InternalFailure";
}
