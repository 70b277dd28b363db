using AslOnDurable.Core.Engine.History;

namespace AslOnDurable.Runtime.Observability;

/// <summary>What observes one execution (see <see cref="ExecutionTelemetry.Observe"/>).</summary>
/// <param name="Trace">Its trace, or <see langword="null"/> when nothing listens.</param>
/// <param name="Sink">Its trace and log as one history sink, or <see langword="null"/> when neither is on.</param>
public sealed record ExecutionObservation(ExecutionTrace? Trace, IHistorySink? Sink);
