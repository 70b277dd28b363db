using AslOnDurable.Runtime.Api.Protocol;
using AslOnDurable.Runtime.Api.Registry;

namespace AslOnDurable.Runtime.Tests.Api.Registry;

/// <summary>The store contract on the in-memory stores (the embedded default).</summary>
public sealed class InMemoryApiStoreTests : ApiStoreContractTests
{
    protected override Stores Host { get; } = New();

    protected override Stores OtherHost { get; } = New();

    protected override bool SharedAcrossHosts => false;

    private static Stores New()
    {
        InMemoryExecutionIndex executions = new();
        return new(
            new InMemoryStateMachineStore(), new InMemoryActivityStore(), new InMemoryStateMachineVersionStore(),
            new InMemoryStateMachineAliasStore(), executions, new ExecutionHistoryStore(new ExecutionClosings(executions, new ApiOptions())));
    }
}
