namespace AslOnDurable.Core.Paths.JsonPath;

/// <summary>What a JSONPath is rooted at.</summary>
internal enum JsonPathRootKind
{
    /// <summary><c>$</c>: the state's (effective) input.</summary>
    Input,

    /// <summary><c>$$</c>: the context object.</summary>
    Context,

    /// <summary><c>$name</c>: a workflow variable.</summary>
    Variable,

    /// <summary><c>@</c>: the current node inside a filter expression.</summary>
    Current,
}
