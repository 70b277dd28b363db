using System.Text.Json.Nodes;
using AslOnDurable.Core.Engine;
using AslOnDurable.Core.Engine.History;
using AslOnDurable.Core.Engine.InMemory;
using AslOnDurable.Core.Engine.Items;
using AslOnDurable.Core.Engine.Lifecycle;
using AslOnDurable.Core.Engine.Tasks;
using AslOnDurable.Core.Json;
using AslOnDurable.Runtime.Api.Protocol;

namespace AslOnDurable.Runtime.Api.Testing;

/// <summary>
/// Runs a TestState probe machine once on the in-memory engine (waits skipped), from its first state with the given
/// input and, when the request gives workflow variables, with those variables already set (a resume from a checkpoint
/// at that state, as a redrive starts).
/// </summary>
/// <param name="time">The clock.</param>
/// <param name="arnPrefix">The region and account of ARNs (<c>$$.Execution.Id</c>).</param>
/// <param name="context">The context object the states see instead of the engine's (TestState's <c>context</c>), or <see langword="null"/>.</param>
internal sealed class ProbeRunner(TimeProvider time, string arnPrefix, JsonObject? context = null)
{
    private const string Name = "TestState";

    private const string StepName = "Step";

    private static readonly JsonataLibraryEvaluator Jsonata = new();

    /// <summary>Compiles a probe machine, or fails with InvalidDefinition.</summary>
    /// <param name="definition">The probe machine's definition.</param>
    /// <returns>The plan.</returns>
    public static ExecutionPlan Compile(string definition) =>
        ExecutionPlan.FromText(definition, Jsonata, out string? problem)
        ?? throw new ApiException(ApiErrorTypes.InvalidDefinition, "Invalid State Machine Definition: '" + problem + "'");

    /// <summary>Runs the machine.</summary>
    /// <param name="plan">The compiled machine.</param>
    /// <param name="startAt">Its first state.</param>
    /// <param name="input">The input (not changed).</param>
    /// <param name="variables">The variables set before the first state, or <see langword="null"/>.</param>
    /// <param name="tasks">Runs Task states.</param>
    /// <param name="history">Receives the run's events, or <see langword="null"/>.</param>
    /// <param name="items">Where a distributed Map reads its items, or <see langword="null"/>.</param>
    /// <returns>The run's result.</returns>
    public ValueTask<ExecutionResult> RunAsync(
        ExecutionPlan plan, string startAt, JsonNode? input, JsonObject? variables, ITaskHandler tasks, IHistorySink? history, IItemStore? items = null)
    {
        InMemoryExecutionHost host = new(time, tasks, new InMemoryHostOptions { SkipWaits = true, ItemStore = items });
        ExecutionRequest request = new() { Input = input?.DeepClone(), Name = Name, StateMachineName = Name, ArnPrefix = arnPrefix };
        ExecutionOptions options = new() { History = history, FixedContextObject = context };
        if (variables is null)
        {
            return new Interpreter(plan).RunAsync(request, host, options);
        }

        ExecutionCheckpoint checkpoint = new()
        {
            StateName = startAt,
            StateInput = input?.DeepClone(),
            Variables = (JsonObject)variables.DeepClone(),
            StartTime = time.GetUtcNow(),
            ExecutionName = Name,
        };
        return new Interpreter(plan).ResumeAsync(checkpoint, request, host, options);
    }

    /// <summary>
    /// Runs a machine of one state that ends there (a step of the data flow the inspection shows), with no task
    /// handler: the engine alone evaluates the state's fields.
    /// </summary>
    /// <param name="state">The state (its <c>End</c> is set).</param>
    /// <param name="input">Its input (not changed).</param>
    /// <param name="variables">The variables set before it, or <see langword="null"/>.</param>
    /// <param name="name">The state's name (the tested state's, so that causes name it).</param>
    /// <param name="items">Where a distributed Map reads its items, or <see langword="null"/>.</param>
    /// <returns>The run's result.</returns>
    public ValueTask<ExecutionResult> RunStepAsync(JsonObject state, JsonNode? input, JsonObject? variables, string name = StepName, IItemStore? items = null)
    {
        state["End"] = true;
        JsonObject machine = new() { ["StartAt"] = name, ["States"] = new JsonObject { [name] = state } };
        return RunAsync(Compile(machine.ToJsonString(JsonLimits.SerializerOptions)), name, input, variables, TaskHandlerRegistry.Empty, null, items);
    }
}
