using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AslOnDurable.Core.Tests.Paths;

/// <summary>Compact JSON of a node exactly as held (numbers as parsed), for comparing results in tests.</summary>
internal static class CompactJson
{
    private static readonly JsonSerializerOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Of(JsonNode? node) => node is null ? "null" : node.ToJsonString(Options);
}
