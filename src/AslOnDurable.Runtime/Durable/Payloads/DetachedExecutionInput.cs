namespace AslOnDurable.Runtime.Durable.Payloads;

/// <summary>
/// Input of <see cref="Activities.StartExecutionActivity"/>: a child execution a Task state starts without waiting
/// (<c>states:startExecution</c>), started through the client as an orchestration of its own.
/// </summary>
/// <param name="Version">The record version (<see cref="PayloadVersion.Current"/> when written).</param>
/// <param name="InstanceId">The child's instance id (its execution name).</param>
/// <param name="Execution">The child's <see cref="StateMachineInput"/> as JSON text.</param>
public sealed record DetachedExecutionInput(int Version, string InstanceId, string Execution);
