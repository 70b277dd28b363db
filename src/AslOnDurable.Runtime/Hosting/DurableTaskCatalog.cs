using System.Collections.Immutable;
using AslOnDurable.Runtime.Durable;
using AslOnDurable.Core.Engine.History;
using AslOnDurable.Core.Engine.Tasks;
using AslOnDurable.Runtime.Durable.Activities;
using AslOnDurable.Runtime.Durable.Activities.MapRuns;
using AslOnDurable.Runtime.Durable.MapRuns;
using AslOnDurable.Core.Engine.Items;
using AslOnDurable.Runtime.Observability;
using Microsoft.DurableTask;

namespace AslOnDurable.Runtime.Hosting;

/// <summary>
/// The immutable set of orchestrators and activities a self-host registers, each by name with a factory that makes
/// a fresh instance per execution.
/// </summary>
public sealed class DurableTaskCatalog
{
    private DurableTaskCatalog(
        ImmutableSortedDictionary<string, Func<ITaskOrchestrator>> orchestrators,
        ImmutableSortedDictionary<string, Func<ITaskActivity>> activities,
        Func<AppliedTermination, Task>? terminated = null)
    {
        Orchestrators = orchestrators;
        Activities = activities;
        Terminated = terminated;
    }

    /// <summary>Gets a catalog with nothing registered.</summary>
    public static DurableTaskCatalog Empty { get; } = new(
        ImmutableSortedDictionary.Create<string, Func<ITaskOrchestrator>>(StringComparer.Ordinal),
        ImmutableSortedDictionary.Create<string, Func<ITaskActivity>>(StringComparer.Ordinal));

    /// <summary>Gets the catalog of everything the Runtime ships (for now the diagnostic ping orchestration).</summary>
    public static DurableTaskCatalog Runtime { get; } = Empty
        .WithOrchestrator(OrchestratorNames.Ping, static () => new PingOrchestrator())
        .WithActivity(ActivityNames.Ping, static () => new PingActivity());

    /// <summary>
    /// Returns the <see cref="Runtime"/> catalog plus the state-machine orchestrator and its task activity.
    /// </summary>
    /// <param name="tasks">Runs Task states (the integrations registry, or a mock configuration).</param>
    /// <param name="plans">Compiled definitions shared by every execution of the host.</param>
    /// <param name="historySinks">Gives a live sink for an instance id's ASL history events, or <c>null</c>.</param>
    /// <param name="itemStore">
    /// Where distributed Maps read items and write results (map-run orchestration and activities), or <c>null</c>: such a
    /// Map then fails with <c>States.Runtime</c> naming the missing storage.
    /// </param>
    /// <param name="telemetry">Traces and metrics, or <c>null</c> for none.</param>
    /// <param name="mapRunChildren">Records a STANDARD map-run child before it starts (the API's execution index), or <c>null</c>.</param>
    /// <param name="mapRunChildRedrives">Redrives a redriven map run's STANDARD children in place, or <c>null</c> (they then run again as new children).</param>
    /// <returns>The catalog.</returns>
    public static DurableTaskCatalog ForStateMachines(
        ITaskHandler tasks,
        ExecutionPlanCache plans,
        Func<string, IHistorySink?>? historySinks = null,
        IItemStore? itemStore = null,
        ExecutionTelemetry? telemetry = null,
        Func<MapRunChildStart, CancellationToken, Task>? mapRunChildren = null,
        IMapRunChildRedrives? mapRunChildRedrives = null)
    {
        ArgumentNullException.ThrowIfNull(tasks);
        ArgumentNullException.ThrowIfNull(plans);
        return Runtime
            .WithOrchestrator(OrchestratorNames.StateMachine, () => new StateMachineOrchestrator(plans, historySinks, telemetry))
            .WithActivity(ActivityNames.StateMachineTask, () => new StateMachineTaskActivity(tasks, null, telemetry))
            .WithOrchestrator(OrchestratorNames.MapRun, static () => new MapRunOrchestrator())
            .WithActivity(ActivityNames.MapRunStage, () => new MapRunStageActivity(itemStore))
            .WithActivity(ActivityNames.MapRunChunk, () => new MapRunChunkActivity(itemStore, tasks, plans))
            .WithActivity(ActivityNames.MapRunChildInputs, () => new MapRunChildInputsActivity(itemStore, plans, mapRunChildren))
            .WithActivity(ActivityNames.MapRunRecordChunk, () => new MapRunRecordChunkActivity(itemStore))
            .WithActivity(ActivityNames.MapRunFinish, () => new MapRunFinishActivity(itemStore))
            .WithActivity(ActivityNames.MapRunRedriveStage, () => new MapRunRedriveStageActivity(itemStore))
            .WithActivity(ActivityNames.MapRunRedriveChunk, () => new MapRunRedriveChunkActivity(itemStore, tasks, plans, mapRunChildRedrives));
    }

    /// <summary>Gets the orchestrator factories by name.</summary>
    public IReadOnlyDictionary<string, Func<ITaskOrchestrator>> Orchestrators { get; }

    /// <summary>Gets the activity factories by name.</summary>
    public IReadOnlyDictionary<string, Func<ITaskActivity>> Activities { get; }

    /// <summary>
    /// Gets what the self-host tells when a termination is applied to an instance (its id, generation and time), or <c>null</c>:
    /// the API's execution index records the execution ABORTED (a child terminated with its parent or map run).
    /// </summary>
    public Func<AppliedTermination, Task>? Terminated { get; }

    /// <summary>Returns a catalog whose self-host tells <paramref name="terminated"/> of each termination applied.</summary>
    /// <param name="terminated">Told the instance id, generation and time (best effort: its failures are ignored).</param>
    /// <returns>The new catalog.</returns>
    public DurableTaskCatalog WithTerminated(Func<AppliedTermination, Task>? terminated) =>
        new((ImmutableSortedDictionary<string, Func<ITaskOrchestrator>>)Orchestrators, (ImmutableSortedDictionary<string, Func<ITaskActivity>>)Activities, terminated);

    /// <summary>Returns a catalog that also registers an orchestrator (replacing one of the same name).</summary>
    /// <param name="name">The orchestrator name.</param>
    /// <param name="factory">Makes one instance per execution.</param>
    /// <returns>The new catalog.</returns>
    public DurableTaskCatalog WithOrchestrator(string name, Func<ITaskOrchestrator> factory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return new(((ImmutableSortedDictionary<string, Func<ITaskOrchestrator>>)Orchestrators).SetItem(name, factory),
            (ImmutableSortedDictionary<string, Func<ITaskActivity>>)Activities, Terminated);
    }

    /// <summary>Returns a catalog that also registers an activity (replacing one of the same name).</summary>
    /// <param name="name">The activity name.</param>
    /// <param name="factory">Makes one instance per call.</param>
    /// <returns>The new catalog.</returns>
    public DurableTaskCatalog WithActivity(string name, Func<ITaskActivity> factory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return new((ImmutableSortedDictionary<string, Func<ITaskOrchestrator>>)Orchestrators,
            ((ImmutableSortedDictionary<string, Func<ITaskActivity>>)Activities).SetItem(name, factory), Terminated);
    }
}
