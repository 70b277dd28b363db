using System.Text.Json;
using System.Text.Json.Serialization;
using AslOnDurable.Core.Engine.History;

namespace AslOnDurable.Runtime.Api.Registry.AzureStorage;

/// <summary>Source-generated metadata for the records the Azure stores keep (one JSON document per record or event).</summary>
/// <remarks>
/// Records change only by adding optional members, so a record written by an older build still reads. MaxDepth 512
/// matches the engine: execution inputs and history payloads may nest deeper than the default 64. Property names are
/// matched case-sensitively (the web defaults do not): event details hold JSON objects such as assigned variables,
/// where <c>$a</c> and <c>$A</c> are two variables.
/// </remarks>
[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
    PropertyNameCaseInsensitive = false,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    MaxDepth = 512)]
[JsonSerializable(typeof(StateMachineRecord))]
[JsonSerializable(typeof(StateMachineVersionRecord))]
[JsonSerializable(typeof(StateMachineAliasRecord))]
[JsonSerializable(typeof(ActivityRecord))]
[JsonSerializable(typeof(ExecutionRecord))]
[JsonSerializable(typeof(HistoryEvent))]
internal sealed partial class ApiStoreJsonContext : JsonSerializerContext;
