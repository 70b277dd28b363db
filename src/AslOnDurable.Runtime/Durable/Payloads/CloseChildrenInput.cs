namespace AslOnDurable.Runtime.Durable.Payloads;

/// <summary>
/// Input of <see cref="Activities.CloseChildrenActivity"/>: the child executions (<c>.sync</c> children, map runs) an
/// instance whose result is decided no longer awaits, to be terminated with their own children.
/// </summary>
/// <param name="Version">The record version (<see cref="PayloadVersion.Current"/> when written).</param>
/// <param name="InstanceIds">The open children's instance ids, in the order they were started.</param>
public sealed record CloseChildrenInput(int Version, IReadOnlyList<string> InstanceIds);
