using System.Text.Json.Nodes;

namespace AslOnDurable.Runtime.Durable.Payloads;

/// <summary>How a map-run orchestration ended: the Map's result or error, and the map run's record.</summary>
/// <param name="Version">The payload version.</param>
/// <param name="Record">The map run's record (status, counters, dates).</param>
public sealed record MapRunOutput(int Version, MapRunRecord Record)
{
    /// <summary>The Map's result (before ResultSelector/ResultPath).</summary>
    public JsonNode? Output { get; init; }

    /// <summary>The error that fails the Map state.</summary>
    public string? Error { get; init; }

    /// <summary>Its cause.</summary>
    public string? Cause { get; init; }
}
