namespace AslOnDurable.Core.Errors;

/// <summary>A Step Functions failure: an error name and an optional cause, as AWS reports them.</summary>
/// <param name="Error">The error name, for example <c>States.TaskFailed</c> or a task's own error name.</param>
/// <param name="Cause">A human-readable cause, or <see langword="null"/> when there is none.</param>
public sealed record AslError(string Error, string? Cause);
