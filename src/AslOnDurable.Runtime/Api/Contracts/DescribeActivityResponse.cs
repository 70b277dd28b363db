namespace AslOnDurable.Runtime.Api.Contracts;

/// <summary>DescribeActivity's response.</summary>
/// <param name="ActivityArn">The ARN.</param>
/// <param name="Name">The name.</param>
/// <param name="CreationDate">When it was created.</param>
public sealed record DescribeActivityResponse(string ActivityArn, string Name, DateTimeOffset CreationDate);
