namespace AslOnDurable.Runtime.Api.Contracts;

/// <summary>One entry of ListStateMachines.</summary>
/// <param name="StateMachineArn">The ARN.</param>
/// <param name="Name">The name.</param>
/// <param name="Type">STANDARD or EXPRESS.</param>
/// <param name="CreationDate">When it was created.</param>
public sealed record StateMachineListItem(string StateMachineArn, string Name, string Type, DateTimeOffset CreationDate);
