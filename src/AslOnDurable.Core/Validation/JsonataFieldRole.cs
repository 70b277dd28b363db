namespace AslOnDurable.Core.Validation;

/// <summary>What a JSONata-mode field may hold besides a <c>{% ... %}</c> expression.</summary>
internal enum JsonataFieldRole
{
    /// <summary>Any JSON; strings inside it that are expressions are evaluated (Arguments, Output, Assign…).</summary>
    Template,

    /// <summary>A number (TimeoutSeconds, Seconds, MaxConcurrency…).</summary>
    NumberOrExpression,

    /// <summary>A string (Timestamp, Error, Cause).</summary>
    StringOrExpression,

    /// <summary>An array (Map Items).</summary>
    ArrayOrExpression,

    /// <summary>A boolean (Choice Condition).</summary>
    BooleanOrExpression,
}
