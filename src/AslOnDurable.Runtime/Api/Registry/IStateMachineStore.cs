namespace AslOnDurable.Runtime.Api.Registry;

/// <summary>
/// Where registered state machines live: in memory for the embedded default (<see cref="InMemoryStateMachineStore"/>);
/// a storage-backed store keeps them across restarts.
/// </summary>
public interface IStateMachineStore : IResourceStore<StateMachineRecord>;
