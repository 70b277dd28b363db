using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using static AslOnDurable.Runtime.Durable.Payloads.PayloadMembers;

namespace AslOnDurable.Runtime.Durable.Payloads;

/// <summary>The JSON form of <see cref="StateMachineInput"/>, written and read by hand (see <see cref="PayloadMembers"/>).</summary>
internal sealed class StateMachineInputConverter : JsonConverter<StateMachineInput>
{
    private const string Record = nameof(StateMachineInput);

    // Member indexes into Names, in declaration order (constructor parameters first).
    private const int Version = 0, Definition = 1, Input = 2, ExecutionName = 3, StateMachineName = 4, ArnPrefix = 5, RoleArn = 6,
        MaxPayloadBytes = 7, MaxStateTransitions = 8, NestingDepth = 9, SkipWaits = 10, Continuation = 11,
        MaxActionsPerGeneration = 12, MaxEventsPerGeneration = 13, MapRunChunkSize = 14, MapRunChunksPerGeneration = 15,
        TraceParent = 16, LogLevel = 17, LogExecutionData = 18, MapRunArn = 19;

    private static readonly JsonEncodedText[] Names =
    [
        JsonEncodedText.Encode("version"), JsonEncodedText.Encode("definition"), JsonEncodedText.Encode("input"),
        JsonEncodedText.Encode("executionName"), JsonEncodedText.Encode("stateMachineName"), JsonEncodedText.Encode("arnPrefix"),
        JsonEncodedText.Encode("roleArn"), JsonEncodedText.Encode("maxPayloadBytes"), JsonEncodedText.Encode("maxStateTransitions"),
        JsonEncodedText.Encode("nestingDepth"), JsonEncodedText.Encode("skipWaits"), JsonEncodedText.Encode("continuation"),
        JsonEncodedText.Encode("maxActionsPerGeneration"), JsonEncodedText.Encode("maxEventsPerGeneration"),
        JsonEncodedText.Encode("mapRunChunkSize"), JsonEncodedText.Encode("mapRunChunksPerGeneration"),
        JsonEncodedText.Encode("traceParent"), JsonEncodedText.Encode("logLevel"), JsonEncodedText.Encode("logExecutionData"),
        JsonEncodedText.Encode("mapRunArn"),
    ];

    /// <inheritdoc/>
    public override StateMachineInput Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        StartObject(ref reader, Record);
        int? version = null, maxPayloadBytes = null, nestingDepth = null, maxActions = null, maxEvents = null, chunkSize = null, chunksPerGeneration = null;
        string? definition = null, executionName = null, stateMachineName = null, arnPrefix = null, roleArn = null, traceParent = null, logLevel = null, mapRunArn = null;
        long? maxStateTransitions = null;
        bool? skipWaits = null, logExecutionData = null;
        JsonNode? input = null;
        StateMachineContinuation? continuation = null;
        while (Next(ref reader, Names, out int member))
        {
            switch (member)
            {
                case Version: version = Int32(ref reader); break;
                case Definition: definition = String(ref reader); break;
                case Input: input = Node(ref reader); break;
                case ExecutionName: executionName = String(ref reader); break;
                case StateMachineName: stateMachineName = String(ref reader); break;
                case ArnPrefix: arnPrefix = String(ref reader); break;
                case RoleArn: roleArn = String(ref reader); break;
                case MaxPayloadBytes: maxPayloadBytes = Int32(ref reader); break;
                case MaxStateTransitions: maxStateTransitions = Int64(ref reader); break;
                case NestingDepth: nestingDepth = Int32(ref reader); break;
                case SkipWaits: skipWaits = Boolean(ref reader); break;
                case Continuation: continuation = reader.TokenType == JsonTokenType.Null ? null : StateMachineContinuationConverter.Instance.Read(ref reader, typeof(StateMachineContinuation), options); break;
                case MaxActionsPerGeneration: maxActions = Int32(ref reader); break;
                case MaxEventsPerGeneration: maxEvents = Int32(ref reader); break;
                case MapRunChunkSize: chunkSize = Int32(ref reader); break;
                case MapRunChunksPerGeneration: chunksPerGeneration = Int32(ref reader); break;
                case TraceParent: traceParent = String(ref reader); break;
                case LogLevel: logLevel = String(ref reader); break;
                case LogExecutionData: logExecutionData = Boolean(ref reader); break;
                case MapRunArn: mapRunArn = String(ref reader); break;
                default: break;
            }
        }

        return new(Required(version, Record, "version"), Required(definition, Record, "definition"), input)
        {
            ExecutionName = executionName,
            StateMachineName = stateMachineName,
            ArnPrefix = arnPrefix,
            RoleArn = roleArn,
            MaxPayloadBytes = maxPayloadBytes,
            MaxStateTransitions = maxStateTransitions,
            NestingDepth = nestingDepth,
            SkipWaits = skipWaits,
            Continuation = continuation,
            MaxActionsPerGeneration = maxActions,
            MaxEventsPerGeneration = maxEvents,
            MapRunChunkSize = chunkSize,
            MapRunChunksPerGeneration = chunksPerGeneration,
            TraceParent = traceParent,
            LogLevel = logLevel,
            LogExecutionData = logExecutionData,
            MapRunArn = mapRunArn,
        };
    }

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, StateMachineInput value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        writer.WriteNumber(Names[Version], value.Version);
        writer.WriteString(Names[Definition], value.Definition);
        PayloadMembers.Write(writer, Names[Input], value.Input, options);
        PayloadMembers.Write(writer, Names[ExecutionName], value.ExecutionName);
        PayloadMembers.Write(writer, Names[StateMachineName], value.StateMachineName);
        PayloadMembers.Write(writer, Names[ArnPrefix], value.ArnPrefix);
        PayloadMembers.Write(writer, Names[RoleArn], value.RoleArn);
        PayloadMembers.Write(writer, Names[MaxPayloadBytes], value.MaxPayloadBytes);
        PayloadMembers.Write(writer, Names[MaxStateTransitions], value.MaxStateTransitions);
        PayloadMembers.Write(writer, Names[NestingDepth], value.NestingDepth);
        PayloadMembers.Write(writer, Names[SkipWaits], value.SkipWaits);
        if (value.Continuation is { } continuation)
        {
            writer.WritePropertyName(Names[Continuation]);
            StateMachineContinuationConverter.Instance.Write(writer, continuation, options);
        }

        PayloadMembers.Write(writer, Names[MaxActionsPerGeneration], value.MaxActionsPerGeneration);
        PayloadMembers.Write(writer, Names[MaxEventsPerGeneration], value.MaxEventsPerGeneration);
        PayloadMembers.Write(writer, Names[MapRunChunkSize], value.MapRunChunkSize);
        PayloadMembers.Write(writer, Names[MapRunChunksPerGeneration], value.MapRunChunksPerGeneration);
        PayloadMembers.Write(writer, Names[TraceParent], value.TraceParent);
        PayloadMembers.Write(writer, Names[LogLevel], value.LogLevel);
        PayloadMembers.Write(writer, Names[LogExecutionData], value.LogExecutionData);
        PayloadMembers.Write(writer, Names[MapRunArn], value.MapRunArn);
        writer.WriteEndObject();
    }
}
