namespace AslOnDurable.Core.Model.Choice;

/// <summary>The comparison operators of a Choice data-test expression (the <c>...Path</c> forms share these).</summary>
public enum ComparisonOperator
{
    /// <summary><c>StringEquals</c></summary>
    StringEquals,
    /// <summary><c>StringLessThan</c></summary>
    StringLessThan,
    /// <summary><c>StringGreaterThan</c></summary>
    StringGreaterThan,
    /// <summary><c>StringLessThanEquals</c></summary>
    StringLessThanEquals,
    /// <summary><c>StringGreaterThanEquals</c></summary>
    StringGreaterThanEquals,
    /// <summary><c>StringMatches</c> (no Path form)</summary>
    StringMatches,
    /// <summary><c>NumericEquals</c></summary>
    NumericEquals,
    /// <summary><c>NumericLessThan</c></summary>
    NumericLessThan,
    /// <summary><c>NumericGreaterThan</c></summary>
    NumericGreaterThan,
    /// <summary><c>NumericLessThanEquals</c></summary>
    NumericLessThanEquals,
    /// <summary><c>NumericGreaterThanEquals</c></summary>
    NumericGreaterThanEquals,
    /// <summary><c>BooleanEquals</c></summary>
    BooleanEquals,
    /// <summary><c>TimestampEquals</c></summary>
    TimestampEquals,
    /// <summary><c>TimestampLessThan</c></summary>
    TimestampLessThan,
    /// <summary><c>TimestampGreaterThan</c></summary>
    TimestampGreaterThan,
    /// <summary><c>TimestampLessThanEquals</c></summary>
    TimestampLessThanEquals,
    /// <summary><c>TimestampGreaterThanEquals</c></summary>
    TimestampGreaterThanEquals,
    /// <summary><c>IsNull</c></summary>
    IsNull,
    /// <summary><c>IsPresent</c></summary>
    IsPresent,
    /// <summary><c>IsNumeric</c></summary>
    IsNumeric,
    /// <summary><c>IsString</c></summary>
    IsString,
    /// <summary><c>IsBoolean</c></summary>
    IsBoolean,
    /// <summary><c>IsTimestamp</c></summary>
    IsTimestamp,
}
