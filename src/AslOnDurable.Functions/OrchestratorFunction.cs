using AslOnDurable.Runtime.Api.Registry;
using AslOnDurable.Runtime.Durable;
using AslOnDurable.Runtime.Observability;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace AslOnDurable.Functions;

/// <summary>Orchestration triggers: each hands the context to the Runtime's orchestrator class.</summary>
/// <param name="plans">Compiled definitions, shared by every execution in this worker.</param>
/// <param name="telemetry">Traces and metrics.</param>
/// <param name="history">Keeps the ASL history events GetExecutionHistory serves.</param>
internal sealed class OrchestratorFunction(ExecutionPlanCache plans, ExecutionTelemetry telemetry, IExecutionHistoryStore history)
{
    /// <summary>
    /// Runs <see cref="StateMachineOrchestrator"/> (one Standard workflow execution). Once its result is decided it
    /// terminates the child executions still open itself (<see cref="FunctionNames.CloseAbandonedChildren"/>): the host's
    /// orchestration service completes an instance only once nothing is open, and it is not ours to wrap.
    /// </summary>
    /// <param name="context">The orchestration context.</param>
    /// <returns>The output record as JSON text.</returns>
    [Function(FunctionNames.StateMachineOrchestrator)]
    public Task<string> RunStateMachineAsync([OrchestrationTrigger] TaskOrchestrationContext context) =>
        new StateMachineOrchestrator(plans, history.SinkFor, telemetry, closesOpenChildren: true).RunAsync(context, context.GetInput<string>() ?? "null");
}
