namespace AslOnDurable.Runtime.Api.Registry;

/// <summary>Where published state machine versions live (in memory: <see cref="InMemoryStateMachineVersionStore"/>).</summary>
public interface IStateMachineVersionStore : IResourceStore<StateMachineVersionRecord>;
