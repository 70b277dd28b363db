namespace AslOnDurable.Jsonata.Evaluation;

/// <summary>Enforces <see cref="JsonataLimits.MaxValueDepth"/> in the recursive value converters and writers.</summary>
internal static class ValueDepthLimit
{
    /// <summary>Reader options that accept JSON as deep as the limit (System.Text.Json stops at 64 by default).</summary>
    public static readonly System.Text.Json.JsonDocumentOptions DocumentOptions = new() { MaxDepth = JsonataLimits.MaxValueDepth };

    /// <summary>Throws <c>U1003</c> when a container at <paramref name="depth"/> (the outermost is 0) is over the limit.</summary>
    public static void Check(int depth)
    {
        if (depth >= JsonataLimits.MaxValueDepth)
        {
            throw new JsonataException("U1003");
        }
    }
}
