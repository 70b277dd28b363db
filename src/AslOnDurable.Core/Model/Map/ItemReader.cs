using System.Text.Json.Nodes;

namespace AslOnDurable.Core.Model.Map;

/// <summary>A distributed Map state's <c>ItemReader</c>.</summary>
public sealed record ItemReader
{
    /// <summary>The reader resource (for example <c>arn:aws:states:::s3:getObject</c>).</summary>
    public required string Resource { get; init; }

    /// <summary><c>ReaderConfig</c> (InputType, CSVHeaderLocation, CSVHeaders, MaxItems, MaxItemsPath…), raw.</summary>
    public JsonObject? ReaderConfig { get; init; }

    /// <summary>JSONPath <c>Parameters</c>, raw.</summary>
    public JsonNode? Parameters { get; init; }

    /// <summary>JSONata <c>Arguments</c>, raw.</summary>
    public JsonNode? Arguments { get; init; }
}
