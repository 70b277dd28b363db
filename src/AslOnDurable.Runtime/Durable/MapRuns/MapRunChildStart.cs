namespace AslOnDurable.Runtime.Durable.MapRuns;

/// <summary>
/// A STANDARD map-run child about to start: what a host with an execution index records so that ListExecutions by
/// <c>mapRunArn</c>, DescribeExecution and StopExecution find it.
/// </summary>
/// <param name="MapRunArn">The map run that started it.</param>
/// <param name="ExecutionArn">Its execution ARN (<c>…:execution:&lt;machine&gt;/&lt;label&gt;:&lt;name&gt;</c>).</param>
/// <param name="Name">Its name.</param>
/// <param name="InstanceId">Its durable instance id.</param>
/// <param name="StateMachineName">Its state machine's name (<c>&lt;machine&gt;/&lt;label&gt;</c>).</param>
/// <param name="Definition">The item processor as a definition.</param>
/// <param name="InputJson">Its input.</param>
/// <param name="StartDate">When it started.</param>
public sealed record MapRunChildStart(
    string MapRunArn, string ExecutionArn, string Name, string InstanceId, string StateMachineName, string Definition, string InputJson, DateTimeOffset StartDate);
