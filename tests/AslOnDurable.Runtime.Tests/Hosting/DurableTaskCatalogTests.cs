using AslOnDurable.Runtime.Durable;
using AslOnDurable.Runtime.Hosting;

namespace AslOnDurable.Runtime.Tests.Hosting;

public sealed class DurableTaskCatalogTests
{
    [Fact]
    public void Runtime_RegistersPingOrchestratorAndActivity()
    {
        Assert.Contains(OrchestratorNames.Ping, DurableTaskCatalog.Runtime.Orchestrators.Keys);
        Assert.Contains(ActivityNames.Ping, DurableTaskCatalog.Runtime.Activities.Keys);
    }

    [Fact]
    public void WithOrchestrator_LeavesOriginalUnchanged()
    {
        DurableTaskCatalog extended = DurableTaskCatalog.Empty.WithOrchestrator("X", static () => new PingOrchestrator());

        Assert.Empty(DurableTaskCatalog.Empty.Orchestrators);
        Assert.Single(extended.Orchestrators);
    }

    [Fact]
    public void Factory_MakesFreshInstances()
    {
        var factory = DurableTaskCatalog.Runtime.Orchestrators[OrchestratorNames.Ping];

        Assert.NotSame(factory(), factory());
    }
}
