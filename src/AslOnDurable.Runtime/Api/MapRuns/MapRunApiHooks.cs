using AslOnDurable.Runtime.Hosting;
using AslOnDurable.Runtime.Api.Protocol;
using AslOnDurable.Runtime.Api.Registry;
using AslOnDurable.Runtime.Durable.MapRuns;
using AslOnDurable.Runtime.Executions;
using Microsoft.Extensions.DependencyInjection;

namespace AslOnDurable.Runtime.Api.MapRuns;

/// <summary>
/// What a host with the Step Functions API gives the map-run activities, so both hosts (<c>asl serve</c>'s self-host and
/// the Functions app) wire them alike: STANDARD children recorded in the execution index as they start, and redriven in
/// place through the code RedriveExecution runs.
/// </summary>
public static class MapRunApiHooks
{
    /// <summary>Records a STANDARD map-run child in the API's execution index before it starts.</summary>
    /// <param name="services">The API's services (<see cref="StepFunctionsApiServiceCollectionExtensions"/>).</param>
    /// <returns>The hook <c>MapRunChildInputsActivity</c> calls.</returns>
    public static Func<MapRunChildStart, CancellationToken, Task> ChildRecorder(IServiceProvider services)
    {
        IExecutionIndex executions = services.GetRequiredService<IExecutionIndex>();
        return (child, cancellationToken) => MapRunDirectory.RegisterAsync(executions, child, cancellationToken);
    }

    /// <summary>
    /// Records in the API's execution index that a durable execution was terminated (ABORTED at the time the termination
    /// was applied): a map-run child or <c>.sync</c> child terminated with its map run or parent records no closing event.
    /// </summary>
    /// <param name="services">The API's services.</param>
    /// <returns>The hook the self-host's closing service calls (<see cref="Hosting.DurableTaskCatalog.WithTerminated"/>).</returns>
    public static Func<AppliedTermination, Task> TerminationRecorder(IServiceProvider services)
    {
        ExecutionClosings closings = services.GetRequiredService<ExecutionClosings>();
        return t => closings.RecordAsync(t.InstanceId, "ABORTED", t.At, CancellationToken.None, t.GenerationCreated);
    }

    /// <summary>Redrives a redriven map run's unsuccessful STANDARD children in place.</summary>
    /// <param name="services">The API's services.</param>
    /// <param name="client">The client of the host's task hub, once there is one.</param>
    /// <returns>The seam <c>MapRunRedriveChunkActivity</c> uses.</returns>
    public static IMapRunChildRedrives ChildRedrives(IServiceProvider services, Func<IExecutionClient?> client) =>
        new MapRunChildRedrives(services.GetRequiredService<ApiResources>(), client);
}
