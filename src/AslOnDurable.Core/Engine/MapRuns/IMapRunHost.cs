namespace AslOnDurable.Core.Engine.MapRuns;

/// <summary>
/// A host that runs a distributed Map's map run as a unit of its own (items streamed by workers, never gathered in the
/// parent): the durable host starts a map-run orchestration. Hosts without one run the map run in the parent's memory.
/// </summary>
public interface IMapRunHost
{
    /// <summary>Runs the map run to its end and returns the Map's result (before ResultSelector/ResultPath) or its error.</summary>
    /// <param name="request">Everything the map run needs, evaluated against the Map state's input.</param>
    /// <returns>How the map run ended.</returns>
    ValueTask<MapRunOutcome> RunAsync(MapRunRequest request);
}
