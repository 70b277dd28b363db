using System.Text.Json;
using System.Text.Json.Serialization;

namespace AslOnDurable.Runtime.Api.Protocol;

/// <summary>AWS JSON 1.0 timestamps: seconds since the Unix epoch as a number, with milliseconds as the fraction.</summary>
internal sealed class EpochSecondsConverter : JsonConverter<DateTimeOffset>
{
    /// <inheritdoc />
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        DateTimeOffset.FromUnixTimeMilliseconds((long)decimal.Round(reader.GetDecimal() * 1000m));

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteNumberValue(value.ToUnixTimeMilliseconds() / 1000m);
}
