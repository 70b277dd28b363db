namespace AslOnDurable.Core.Errors;

/// <summary>A Step Functions failure: an error name and an optional cause, as AWS reports them.</summary>
/// <param name="Error">The error name, for example <c>States.TaskFailed</c> or a task's own error name.</param>
/// <param name="Cause">A human-readable cause, or <see langword="null"/> when there is none.</param>
public sealed record AslError(string Error, string? Cause)
{
    /// <summary>AWS's limit on the length of a cause: 32,768 characters.</summary>
    public const int MaxCauseLength = 32_768;

    /// <summary>The cause, cut at <see cref="MaxCauseLength"/> characters.</summary>
    /// <remarks>
    /// AWS caps every cause (DescribeExecution, SendTaskFailure, history events) at 32,768 characters. Causes quote
    /// payloads ("Map state input must be an array but was: …"): uncapped, a Catch that loops back would feed each
    /// escaped cause into the next and double the text every round (found by fuzzing, issue 14).
    /// </remarks>
    public string? Cause { get => cause; init => cause = Cap(value); }

    private readonly string? cause = Cap(Cause);

    private static string? Cap(string? cause) =>
        cause is { Length: > MaxCauseLength } ? cause[..(char.IsHighSurrogate(cause[MaxCauseLength - 1]) ? MaxCauseLength - 1 : MaxCauseLength)] : cause;
}
