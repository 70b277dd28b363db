namespace AslOnDurable.Runtime.Api.Contracts;

/// <summary>UntagResource's request.</summary>
/// <param name="ResourceArn">A state machine or activity ARN.</param>
/// <param name="TagKeys">The keys of the tags to remove.</param>
public sealed record UntagResourceRequest(string? ResourceArn, IReadOnlyList<string?>? TagKeys);
