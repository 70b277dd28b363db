namespace AslOnDurable.Runtime.Api.Contracts;

/// <summary>UpdateStateMachine's response.</summary>
/// <param name="UpdateDate">When.</param>
/// <param name="RevisionId">The new revision's id.</param>
public sealed record UpdateStateMachineResponse(DateTimeOffset UpdateDate, string RevisionId)
{
    /// <summary>Gets the version published with <c>publish: true</c>.</summary>
    public string? StateMachineVersionArn { get; init; }
}
