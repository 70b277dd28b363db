namespace AslOnDurable.Runtime.Api.Contracts;

/// <summary>ListTagsForResource's request.</summary>
/// <param name="ResourceArn">A state machine or activity ARN.</param>
public sealed record ResourceArnRequest(string? ResourceArn);
