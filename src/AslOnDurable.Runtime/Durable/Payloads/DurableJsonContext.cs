using System.Text.Json;
using System.Text.Json.Serialization;

namespace AslOnDurable.Runtime.Durable.Payloads;

/// <summary>Source-generated metadata for every record stored in durable history.</summary>
/// <remarks>MaxDepth 512 matches the definition parser and the CLI: ASL payloads may nest deeper than the default 64.</remarks>
[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
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
