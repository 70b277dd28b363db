namespace AslOnDurable.Runtime.Api.Contracts;

/// <summary>One entry of ListActivities.</summary>
/// <param name="ActivityArn">The ARN.</param>
/// <param name="Name">The name.</param>
/// <param name="CreationDate">When it was created.</param>
public sealed record ActivityListItem(string ActivityArn, string Name, DateTimeOffset CreationDate);
