namespace AslOnDurable.Core.Errors;

/// <summary>Carries an <see cref="AslError"/> across async boundaries and out of deep evaluation code.</summary>
/// <remarks>Executors turn it back into a failed result; it never escapes the engine.</remarks>
public sealed class AslErrorException : Exception
{
    /// <summary>Creates the exception for an error.</summary>
    /// <param name="error">The Step Functions error.</param>
    public AslErrorException(AslError error)
        : base(error?.Cause ?? error?.Error)
    {
        ArgumentNullException.ThrowIfNull(error);
        Error = error;
    }

    /// <summary>Creates the exception for an error name and cause.</summary>
    /// <param name="error">The error name.</param>
    /// <param name="cause">The cause text.</param>
    public AslErrorException(string error, string? cause)
        : this(new AslError(error, cause))
    {
    }

    /// <summary>The Step Functions error.</summary>
    public AslError Error { get; }
}
