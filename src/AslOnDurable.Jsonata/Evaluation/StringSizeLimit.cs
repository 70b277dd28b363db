namespace AslOnDurable.Jsonata.Evaluation;

/// <summary>
/// The longest string an expression may build (<c>$pad</c>, <c>$join</c>, <c>&amp;</c>, <c>$replace</c>): 10,000,000
/// UTF-16 characters, so a hostile width such as <c>$pad("x", 1000000000)</c> fails with <c>D3142</c> instead of
/// allocating gigabytes. Step Functions payloads stop at 256 KiB, far below it.
/// </summary>
internal static class StringSizeLimit
{
    /// <summary>Throws <c>D3142</c> when a string of <paramref name="length"/> characters would exceed the limit.</summary>
    public static void Check(double length)
    {
        if (length > JsonataLimits.MaxStringLength)
        {
            throw new JsonataException("D3142").WithValue(length);
        }
    }
}
