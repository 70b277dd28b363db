using AslOnDurable.Runtime.Durable;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace AslOnDurable.Functions;

/// <summary>Orchestration triggers: each hands the context to the Runtime's orchestrator class.</summary>
internal static class OrchestratorFunction
{
    /// <summary>Runs <see cref="PingOrchestrator"/>.</summary>
    /// <param name="context">The orchestration context.</param>
    /// <returns>The output as JSON text.</returns>
    [Function(FunctionNames.PingOrchestrator)]
    public static Task<string> RunPingAsync([OrchestrationTrigger] TaskOrchestrationContext context) =>
        new PingOrchestrator().RunAsync(context, context.GetInput<string>() ?? "null");
}
