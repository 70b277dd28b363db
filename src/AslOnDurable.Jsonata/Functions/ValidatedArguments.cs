namespace AslOnDurable.Jsonata.Functions;

/// <summary>
/// A fixed-size argument list filled in order while validating a call. While every value added is the supplied
/// argument at the same position, nothing is copied: the supplied array is the result (the common case, a call
/// whose arguments need no context value and no wrapping in an array).
/// </summary>
/// <param name="supplied">The arguments as supplied.</param>
/// <param name="count">The number of arguments after validation.</param>
internal struct ValidatedArguments(object?[] supplied, int count)
{
    private object?[]? copy;
    private int next;

    /// <summary>The arguments: the supplied array itself when nothing changed.</summary>
    public readonly object?[] Items => copy ?? (count == supplied.Length ? supplied : supplied[..count]);

    /// <summary>Appends the next argument.</summary>
    public void Add(object? value)
    {
        if (copy is null)
        {
            if (next < supplied.Length && ReferenceEquals(supplied[next], value))
            {
                next++;
                return;
            }

            copy = new object?[count];
            Array.Copy(supplied, copy, next);
        }

        copy[next++] = value;
    }
}
