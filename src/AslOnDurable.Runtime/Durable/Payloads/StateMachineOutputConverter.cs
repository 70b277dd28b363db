using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using static AslOnDurable.Runtime.Durable.Payloads.PayloadMembers;

namespace AslOnDurable.Runtime.Durable.Payloads;

/// <summary>The JSON form of <see cref="StateMachineOutput"/>, written and read by hand (see <see cref="PayloadMembers"/>).</summary>
internal sealed class StateMachineOutputConverter : JsonConverter<StateMachineOutput>
{
    private const string Record = nameof(StateMachineOutput);

    // Member indexes into Names, in declaration order (constructor parameters first).
    private const int Version = 0, Status = 1, Output = 2, Error = 3, Cause = 4;

    private static readonly JsonEncodedText[] Names =
    [
        JsonEncodedText.Encode("version"), JsonEncodedText.Encode("status"), JsonEncodedText.Encode("output"),
        JsonEncodedText.Encode("error"), JsonEncodedText.Encode("cause"),
    ];

    /// <inheritdoc/>
    public override StateMachineOutput Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        StartObject(ref reader, Record);
        int? version = null;
        string? status = null, error = null, cause = null;
        JsonNode? output = null;
        while (Next(ref reader, Names, out int member))
        {
            switch (member)
            {
                case Version: version = Int32(ref reader); break;
                case Status: status = String(ref reader); break;
                case Output: output = Node(ref reader); break;
                case Error: error = String(ref reader); break;
                case Cause: cause = String(ref reader); break;
                default: break;
            }
        }

        return new(Required(version, Record, "version"), Required(status, Record, "status")) { Output = output, Error = error, Cause = cause };
    }

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, StateMachineOutput value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        writer.WriteNumber(Names[Version], value.Version);
        writer.WriteString(Names[Status], value.Status);
        PayloadMembers.Write(writer, Names[Output], value.Output, options);
        PayloadMembers.Write(writer, Names[Error], value.Error);
        PayloadMembers.Write(writer, Names[Cause], value.Cause);
        writer.WriteEndObject();
    }
}
