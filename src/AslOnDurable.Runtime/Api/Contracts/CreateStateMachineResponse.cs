namespace AslOnDurable.Runtime.Api.Contracts;

/// <summary>CreateStateMachine's response.</summary>
/// <param name="StateMachineArn">The ARN.</param>
/// <param name="CreationDate">When it was created.</param>
public sealed record CreateStateMachineResponse(string StateMachineArn, DateTimeOffset CreationDate)
{
    /// <summary>Gets the version published with <c>publish: true</c>.</summary>
    public string? StateMachineVersionArn { get; init; }
}
