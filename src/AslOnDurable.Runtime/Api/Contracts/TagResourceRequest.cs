namespace AslOnDurable.Runtime.Api.Contracts;

/// <summary>TagResource's request.</summary>
/// <param name="ResourceArn">A state machine or activity ARN.</param>
/// <param name="Tags">The tags to add or change.</param>
public sealed record TagResourceRequest(string? ResourceArn, IReadOnlyList<Tag>? Tags);
