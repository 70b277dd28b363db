namespace AslOnDurable.Jsonata;

/// <summary>The size limits every evaluation enforces, whatever its <see cref="JsonataEnvironment"/>.</summary>
public static class JsonataLimits
{
    /// <summary>
    /// The deepest nesting of arrays and objects a value may have when it enters or leaves the evaluator (JSON input,
    /// <c>$string</c>, results): 512 levels. Deeper values fail with <c>U1003</c>, so an expression that builds a
    /// 100,000-deep value by tail recursion gets an error instead of overflowing the stack.
    /// </summary>
    public const int MaxValueDepth = 512;

    /// <summary>The longest string an expression may build: 10,000,000 UTF-16 characters (<c>D3142</c> past it).</summary>
    public const int MaxStringLength = 10_000_000;
}
