namespace AslOnDurable.Runtime.Api.Contracts;

/// <summary>A mocked Task error.</summary>
/// <param name="Error">The error name.</param>
/// <param name="Cause">The cause.</param>
public sealed record MockErrorOutput(string? Error, string? Cause);
