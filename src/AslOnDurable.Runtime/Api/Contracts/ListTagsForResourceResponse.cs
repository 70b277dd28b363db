namespace AslOnDurable.Runtime.Api.Contracts;

/// <summary>ListTagsForResource's response.</summary>
/// <param name="Tags">The resource's tags.</param>
public sealed record ListTagsForResourceResponse(IReadOnlyList<Tag> Tags);
