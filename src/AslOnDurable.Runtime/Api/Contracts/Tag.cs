namespace AslOnDurable.Runtime.Api.Contracts;

/// <summary>A resource tag.</summary>
/// <param name="Key">The key.</param>
/// <param name="Value">The value.</param>
public sealed record Tag(string? Key, string? Value);
