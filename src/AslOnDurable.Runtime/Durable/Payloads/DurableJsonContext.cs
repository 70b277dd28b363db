using System.Text.Json;
using System.Text.Json.Serialization;

namespace AslOnDurable.Runtime.Durable.Payloads;

/// <summary>Source-generated metadata for every record stored in durable history.</summary>
/// <remarks>
/// MaxDepth 512 matches the definition parser and the CLI: ASL payloads may nest deeper than the default 64. Property
/// names are matched case-sensitively (the web defaults do not): the options also build the <c>JsonNode</c>s of
/// execution inputs, outputs and variables, where <c>"a"</c> and <c>"A"</c> are two members, not one name twice.
/// </remarks>
[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
    PropertyNameCaseInsensitive = false,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    RespectNullableAnnotations = true,
    MaxDepth = 512)]
[JsonSerializable(typeof(PingInput))]
[JsonSerializable(typeof(PingRequest))]
[JsonSerializable(typeof(PingReply))]
[JsonSerializable(typeof(PingResult))]
[JsonSerializable(typeof(StateMachineInput))]
[JsonSerializable(typeof(StateMachineContinuation))]
[JsonSerializable(typeof(StateMachineOutput))]
[JsonSerializable(typeof(TaskActivityInput))]
[JsonSerializable(typeof(TaskActivityResult))]
[JsonSerializable(typeof(NestedExecutionStart))]
[JsonSerializable(typeof(DetachedExecutionInput))]
[JsonSerializable(typeof(CloseChildrenInput))]
[JsonSerializable(typeof(TaskCallbackEvent))]
[JsonSerializable(typeof(MapRunInput))]
[JsonSerializable(typeof(MapRunActivityInput))]
[JsonSerializable(typeof(MapRunActivityResult))]
[JsonSerializable(typeof(MapRunOutput))]
[JsonSerializable(typeof(MapRunRecord))]
[JsonSerializable(typeof(MapRunUpdate))]
internal sealed partial class DurableJsonContext : JsonSerializerContext;
