using System.Text.Json;
using System.Text.Json.Serialization;

namespace AslOnDurable.Runtime.Durable.Payloads;

/// <summary>Source-generated metadata for every record stored in durable history.</summary>
[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    RespectNullableAnnotations = true)]
[JsonSerializable(typeof(PingInput))]
[JsonSerializable(typeof(PingRequest))]
[JsonSerializable(typeof(PingReply))]
[JsonSerializable(typeof(PingResult))]
internal sealed partial class DurableJsonContext : JsonSerializerContext;
