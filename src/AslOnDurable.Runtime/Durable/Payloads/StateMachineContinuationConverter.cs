using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using static AslOnDurable.Runtime.Durable.Payloads.PayloadMembers;

namespace AslOnDurable.Runtime.Durable.Payloads;

/// <summary>The JSON form of <see cref="StateMachineContinuation"/>, written and read by hand (see <see cref="PayloadMembers"/>).</summary>
internal sealed class StateMachineContinuationConverter : JsonConverter<StateMachineContinuation>
{
    /// <summary>The converter <see cref="StateMachineInputConverter"/> uses for its member.</summary>
    public static readonly StateMachineContinuationConverter Instance = new();

    private const string Record = nameof(StateMachineContinuation);

    // Member indexes into Names, in declaration order (constructor parameters first).
    private const int Generation = 0, State = 1, StartTime = 2, ExecutionName = 3, LastEventId = 4, PreviousEventId = 5,
        StateInput = 6, Variables = 7, SkippedTicks = 8, Steps = 9, RedriveCount = 10, RedriveTime = 11, Redrive = 12,
        RedriveMapRunArn = 13, RedriveMapRunCount = 14, RedriveChildren = 15;

    private static readonly JsonEncodedText[] Names =
    [
        JsonEncodedText.Encode("generation"), JsonEncodedText.Encode("state"), JsonEncodedText.Encode("startTime"),
        JsonEncodedText.Encode("executionName"), JsonEncodedText.Encode("lastEventId"), JsonEncodedText.Encode("previousEventId"),
        JsonEncodedText.Encode("stateInput"), JsonEncodedText.Encode("variables"), JsonEncodedText.Encode("skippedTicks"),
        JsonEncodedText.Encode("steps"), JsonEncodedText.Encode("redriveCount"), JsonEncodedText.Encode("redriveTime"),
        JsonEncodedText.Encode("redrive"), JsonEncodedText.Encode("redriveMapRunArn"), JsonEncodedText.Encode("redriveMapRunCount"),
        JsonEncodedText.Encode("redriveChildren"),
    ];

    /// <inheritdoc/>
    public override StateMachineContinuation Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        StartObject(ref reader, Record);
        int? generation = null, redriveCount = null, redriveMapRunCount = null;
        string? state = null, executionName = null, redriveMapRunArn = null;
        DateTimeOffset? startTime = null, redriveTime = null;
        long? lastEventId = null, previousEventId = null, skippedTicks = null, steps = null;
        bool? redrive = null;
        JsonNode? stateInput = null;
        JsonObject? variables = null, redriveChildren = null;
        while (Next(ref reader, Names, out int member))
        {
            switch (member)
            {
                case Generation: generation = Int32(ref reader); break;
                case State: state = String(ref reader); break;
                case StartTime: startTime = Date(ref reader); break;
                case ExecutionName: executionName = String(ref reader); break;
                case LastEventId: lastEventId = Int64(ref reader); break;
                case PreviousEventId: previousEventId = Int64(ref reader); break;
                case StateInput: stateInput = Node(ref reader); break;
                case Variables: variables = Object(ref reader); break;
                case SkippedTicks: skippedTicks = Int64(ref reader); break;
                case Steps: steps = Int64(ref reader); break;
                case RedriveCount: redriveCount = Int32(ref reader); break;
                case RedriveTime: redriveTime = Date(ref reader); break;
                case Redrive: redrive = Boolean(ref reader); break;
                case RedriveMapRunArn: redriveMapRunArn = String(ref reader); break;
                case RedriveMapRunCount: redriveMapRunCount = Int32(ref reader); break;
                case RedriveChildren: redriveChildren = Object(ref reader); break;
                default: break;
            }
        }

        return new(
            Required(generation, Record, "generation"), Required(state, Record, "state"), Required(startTime, Record, "startTime"),
            Required(executionName, Record, "executionName"), Required(lastEventId, Record, "lastEventId"), Required(previousEventId, Record, "previousEventId"))
        {
            StateInput = stateInput,
            Variables = variables,
            SkippedTicks = skippedTicks,
            Steps = steps,
            RedriveCount = redriveCount,
            RedriveTime = redriveTime,
            Redrive = redrive,
            RedriveMapRunArn = redriveMapRunArn,
            RedriveMapRunCount = redriveMapRunCount,
            RedriveChildren = redriveChildren,
        };
    }

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, StateMachineContinuation value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        writer.WriteNumber(Names[Generation], value.Generation);
        writer.WriteString(Names[State], value.State);
        writer.WriteString(Names[StartTime], value.StartTime);
        writer.WriteString(Names[ExecutionName], value.ExecutionName);
        writer.WriteNumber(Names[LastEventId], value.LastEventId);
        writer.WriteNumber(Names[PreviousEventId], value.PreviousEventId);
        PayloadMembers.Write(writer, Names[StateInput], value.StateInput, options);
        PayloadMembers.Write(writer, Names[Variables], value.Variables, options);
        PayloadMembers.Write(writer, Names[SkippedTicks], value.SkippedTicks);
        PayloadMembers.Write(writer, Names[Steps], value.Steps);
        PayloadMembers.Write(writer, Names[RedriveCount], value.RedriveCount);
        PayloadMembers.Write(writer, Names[RedriveTime], value.RedriveTime);
        PayloadMembers.Write(writer, Names[Redrive], value.Redrive);
        PayloadMembers.Write(writer, Names[RedriveMapRunArn], value.RedriveMapRunArn);
        PayloadMembers.Write(writer, Names[RedriveMapRunCount], value.RedriveMapRunCount);
        PayloadMembers.Write(writer, Names[RedriveChildren], value.RedriveChildren, options);
        writer.WriteEndObject();
    }
}
