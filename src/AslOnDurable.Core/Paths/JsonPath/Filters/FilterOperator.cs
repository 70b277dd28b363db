namespace AslOnDurable.Core.Paths.JsonPath.Filters;

/// <summary>The relational operators of JSONPath filters (Jayway JsonPath's set).</summary>
internal enum FilterOperator
{
    /// <summary><c>==</c>.</summary>
    Equal,

    /// <summary><c>!=</c>.</summary>
    NotEqual,

    /// <summary><c>&lt;</c>.</summary>
    LessThan,

    /// <summary><c>&lt;=</c>.</summary>
    LessThanOrEqual,

    /// <summary><c>&gt;</c>.</summary>
    GreaterThan,

    /// <summary><c>&gt;=</c>.</summary>
    GreaterThanOrEqual,

    /// <summary><c>=~</c>: the left value fully matches a regular expression.</summary>
    Matches,

    /// <summary><c>in</c>: the left value is an element of the right array.</summary>
    In,

    /// <summary><c>nin</c>: the left value is not an element of the right array.</summary>
    NotIn,

    /// <summary><c>contains</c>: the left string or array contains the right value.</summary>
    Contains,

    /// <summary><c>size</c>: the left string or array has the right length.</summary>
    Size,

    /// <summary><c>empty</c>: the left string or array is empty (right <c>true</c>) or not (right <c>false</c>).</summary>
    Empty,
}
