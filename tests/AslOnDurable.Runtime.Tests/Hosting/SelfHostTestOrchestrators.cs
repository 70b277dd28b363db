using Microsoft.DurableTask;

namespace AslOnDurable.Runtime.Tests.Hosting;

/// <summary>Waits for an "approve" event and returns its payload (JSON text).</summary>
internal sealed class AwaitApprovalOrchestrator : TaskOrchestrator<string, string>
{
    public const string Name = "AwaitApproval";

    public override Task<string> RunAsync(TaskOrchestrationContext context, string input) =>
        context.WaitForExternalEvent<string>("approve");
}

/// <summary>Always throws, to check failure reporting.</summary>
internal sealed class FailingOrchestrator : TaskOrchestrator<string, string>
{
    public const string Name = "AlwaysFails";

    public override Task<string> RunAsync(TaskOrchestrationContext context, string input) =>
        throw new InvalidOperationException("boom");
}

/// <summary>Returns its input unchanged, to check payload text survives the round trip.</summary>
internal sealed class EchoOrchestrator : TaskOrchestrator<string, string>
{
    public const string Name = "Echo";

    public override Task<string> RunAsync(TaskOrchestrationContext context, string input) => Task.FromResult(input);
}
