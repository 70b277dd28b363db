using System.Text.Json.Nodes;

namespace AslOnDurable.Core.Model.Map;

/// <summary>A distributed Map state's <c>ItemBatcher</c>.</summary>
public sealed record ItemBatcher
{
    /// <summary><c>MaxItemsPerBatch</c>: a number or a JSONata expression string.</summary>
    public JsonNode? MaxItemsPerBatch { get; init; }

    /// <summary><c>MaxItemsPerBatchPath</c>.</summary>
    public string? MaxItemsPerBatchPath { get; init; }

    /// <summary><c>MaxInputBytesPerBatch</c>: a number or a JSONata expression string.</summary>
    public JsonNode? MaxInputBytesPerBatch { get; init; }

    /// <summary><c>MaxInputBytesPerBatchPath</c>.</summary>
    public string? MaxInputBytesPerBatchPath { get; init; }

    /// <summary><c>BatchInput</c> template.</summary>
    public JsonNode? BatchInput { get; init; }
}
