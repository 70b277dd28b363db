using System.Text.Json.Nodes;

namespace AslOnDurable.Core.Model.Map;

/// <summary>A distributed Map state's <c>ResultWriter</c>.</summary>
public sealed record ResultWriter
{
    /// <summary>The writer resource (for example <c>arn:aws:states:::s3:putObject</c>), or <see langword="null"/>.</summary>
    public string? Resource { get; init; }

    /// <summary>JSONPath <c>Parameters</c>, raw.</summary>
    public JsonNode? Parameters { get; init; }

    /// <summary>JSONata <c>Arguments</c>, raw.</summary>
    public JsonNode? Arguments { get; init; }

    /// <summary><c>WriterConfig</c> (OutputType, Transformation), raw.</summary>
    public JsonObject? WriterConfig { get; init; }
}
