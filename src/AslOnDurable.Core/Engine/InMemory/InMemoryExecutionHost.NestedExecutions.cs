using System.Collections.Concurrent;
using AslOnDurable.Core.Engine.Lifecycle;
using AslOnDurable.Core.Engine.StateMachines;
using AslOnDurable.Core.Errors;

namespace AslOnDurable.Core.Engine.InMemory;

#pragma warning disable RS0030 // This is the host: it owns the clock, ids and randomness the engine must not touch.

/// <summary>Nested state machine executions: a child runs as a nested interpreter run on a host of its own.</summary>
public sealed partial class InMemoryExecutionHost
{
    // Compiled child definitions by text, shared with the hosts of nested runs (one per top-level run).
    private ConcurrentDictionary<string, (Interpreter? Interpreter, string? Problem)>? childPlans;

    // 0 for a top-level run, 1 for the executions it starts, … (NestedExecutionLimit).
    private int nestingDepth;

    /// <summary>
    /// Runs a child execution: its own name and ARN, <c>$$</c>, variables and clock (starting at this host's time, so
    /// the virtual clock stays consistent). <c>.sync</c>/<c>.sync:2</c> wait for it and move this host's clock on by the
    /// time the child skipped; <c>startExecution</c> does not wait (a child that completes synchronously, as most do
    /// under <see cref="InMemoryHostOptions.SkipWaits"/>, has simply finished before the parent goes on).
    /// </summary>
    private async ValueTask<TaskOutcome> RunNestedAsync(NestedExecutionRequest child)
    {
        childPlans ??= new(StringComparer.Ordinal);
        var (interpreter, problem) = childPlans.GetOrAdd(child.Definition, static text => Compile(text));
        if (interpreter is null)
        {
            return TaskOutcome.Failure(new AslError(StatesErrorNames.Runtime, $"The definition of '{child.StateMachine.Text}' cannot run: {problem}"));
        }

        if (NestedExecutionLimit.Check(nestingDepth + 1, child.StateMachine) is { } tooDeep)
        {
            return TaskOutcome.Failure(tooDeep);
        }

        var name = child.Name ?? NewGuid().ToString();
        var startDate = UtcNow;
        var host = new InMemoryExecutionHost(timeProvider, tasks, settings) { skipped = skipped, childPlans = childPlans, nestingDepth = nestingDepth + 1 };
        var request = new ExecutionRequest
        {
            Input = child.Input?.DeepClone(),
            Name = name,
            StateMachineName = child.StateMachine.Name,
            ArnPrefix = child.StateMachine.ArnPrefix,
        };
        var run = interpreter.RunAsync(request, host);
        if (child.Pattern == NestedExecutionPattern.RequestResponse)
        {
            if (!run.IsCompleted)
            {
                // Fire and forget: the run reports failures as results, so nothing is left unobserved.
                _ = run.AsTask();
            }

            return NestedExecutionResults.Started(child.StateMachine.ExecutionArn(name), startDate);
        }

        var result = await run;
        if (host.skipped > skipped)
        {
            skipped = host.skipped;
        }

        return NestedExecutionResults.Completed(child, name, startDate, UtcNow, result);
    }

    private static (Interpreter?, string?) Compile(string definitionText) =>
        ExecutionPlan.FromText(definitionText, new JsonataLibraryEvaluator(), out var problem) is { } plan
            ? (new Interpreter(plan), null)
            : (null, char.ToLowerInvariant(problem![0]) + problem[1..]); // reads on after "cannot run: "
}
