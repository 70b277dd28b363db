namespace AslOnDurable.Runtime.Api.Registry;

/// <summary>State machines kept in this process (the embedded default): gone when it ends.</summary>
public sealed class InMemoryStateMachineStore() : InMemoryResourceStore<StateMachineRecord>(m => m.Arn, m => m.Name), IStateMachineStore;
