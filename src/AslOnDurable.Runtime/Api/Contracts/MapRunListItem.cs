namespace AslOnDurable.Runtime.Api.Contracts;

/// <summary>One entry of ListMapRuns.</summary>
/// <param name="ExecutionArn">The execution that started the map run.</param>
/// <param name="MapRunArn">The map run's ARN.</param>
/// <param name="StateMachineArn">The state machine its children run (<c>…:stateMachine:&lt;machine&gt;/&lt;label&gt;</c>).</param>
/// <param name="StartDate">When it started.</param>
/// <param name="StopDate">When it stopped.</param>
public sealed record MapRunListItem(string ExecutionArn, string MapRunArn, string StateMachineArn, DateTimeOffset StartDate, DateTimeOffset? StopDate);
