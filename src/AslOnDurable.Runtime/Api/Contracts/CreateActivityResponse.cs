namespace AslOnDurable.Runtime.Api.Contracts;

/// <summary>CreateActivity's response.</summary>
/// <param name="ActivityArn">The ARN.</param>
/// <param name="CreationDate">When it was created.</param>
public sealed record CreateActivityResponse(string ActivityArn, DateTimeOffset CreationDate);
