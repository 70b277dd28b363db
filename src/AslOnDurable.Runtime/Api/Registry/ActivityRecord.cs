using AslOnDurable.Runtime.Api.Contracts;

namespace AslOnDurable.Runtime.Api.Registry;

/// <summary>One activity created with CreateActivity.</summary>
/// <param name="Arn">The activity ARN.</param>
/// <param name="Name">The name.</param>
/// <param name="CreationDate">When it was created.</param>
public sealed record ActivityRecord(string Arn, string Name, DateTimeOffset CreationDate)
{
    /// <summary>Gets the tags.</summary>
    public IReadOnlyList<Tag> Tags { get; init; } = [];
}
