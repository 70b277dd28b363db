namespace AslOnDurable.Core.Validation;

/// <summary>The stable diagnostic codes.</summary>
/// <remarks>
/// Where AWS's <c>ValidateStateMachineDefinition</c> has a code for a problem, the same code is used: AWS reports
/// most shape problems (unknown fields, wrong types, conflicting fields, malformed paths) as
/// <c>SCHEMA_VALIDATION_FAILED</c> and both dangling targets and unreachable states as <c>MISSING_TRANSITION_TARGET</c>.
/// Codes AWS does not define are marked as ours.
/// </remarks>
public static class DiagnosticCodes
{
    /// <summary>The text is not valid JSON.</summary>
    public const string InvalidJson = "INVALID_JSON_DESCRIPTION";

    /// <summary>The definition is empty.</summary>
    public const string MissingDescription = "MISSING_DESCRIPTION";

    /// <summary>A field is not allowed here.</summary>
    public const string UnknownField = "SCHEMA_VALIDATION_FAILED";

    /// <summary>A field is missing, has the wrong type or value, conflicts with another, or holds a malformed path.</summary>
    public const string SchemaValidationFailed = "SCHEMA_VALIDATION_FAILED";

    /// <summary>A <c>Resource</c> is empty (error) or not an ARN (a warning here; AWS refuses it).</summary>
    public const string InvalidResource = "INVALID_RESOURCE";

    /// <summary>A state machine (or branch, or item processor) has no terminal state.</summary>
    public const string MissingEndState = "MISSING_END_STATE";

    /// <summary>The same state name appears more than once in the state machine.</summary>
    public const string DuplicateStateName = "DUPLICATE_STATE_NAME";

    /// <summary>A state name is too long or otherwise invalid.</summary>
    public const string InvalidStateName = "INVALID_STATE_NAME";

    /// <summary>A <c>StartAt</c>, <c>Next</c>, <c>Default</c> or Catch <c>Next</c> names no state, or a state is unreachable.</summary>
    public const string MissingTransitionTarget = "MISSING_TRANSITION_TARGET";

    /// <summary>A JSONata expression is malformed (for example not a whole <c>{% ... %}</c>).</summary>
    public const string InvalidJsonataExpression = "INVALID_JSONATA_EXPRESSION";

    /// <summary>
    /// A JSONata expression reads the input context at the top level (a bare field name, <c>$</c> or <c>$$</c>) instead
    /// of <c>$states.input</c> or a variable.
    /// </summary>
    public const string UnsupportedJsonataExpression = "UNSUPPORTED_JSONATA_EXPRESSION";

    /// <summary>Warning: a JSONPath or JSONata reference to a workflow variable that no state before it assigns (ours; AWS fails at run time).</summary>
    public const string UndefinedVariable = "UNDEFINED_VARIABLE";

    /// <summary>An <c>Assign</c> variable name is not a valid identifier or is reserved (ours).</summary>
    public const string InvalidVariableName = "INVALID_VARIABLE_NAME";

    /// <summary>Warning: a field without <c>.$</c> holds a value that looks like a JSONPath or intrinsic function.</summary>
    public const string NoDollar = "NO_DOLLAR";

    /// <summary>Warning: a field value looks like a path but the field name does not end with <c>Path</c>.</summary>
    public const string NoPath = "NO_PATH";

    /// <summary>
    /// Warning: the definition uses an AslOnDurable extension AWS Step Functions refuses (ours), such as
    /// <c>arn:aws:states:::http:invoke.waitForTaskToken</c>; it runs here but will not move back to AWS.
    /// </summary>
    public const string AslOnDurableExtension = "ASLONDURABLE_EXTENSION";

    /// <summary>Warning: a Pass state's <c>Result</c> uses a path (<c>.$</c>), which is never evaluated.</summary>
    public const string PassResultIsStatic = "PASS_RESULT_IS_STATIC";
}
