using System.Text.Json;
using System.Text.Json.Nodes;

namespace AslOnDurable.Runtime.Durable.Payloads;

/// <summary>
/// Reads and writes the members of the payload records that every durable run stores (the hand-written converters of
/// <see cref="StateMachineInput"/>, <see cref="StateMachineContinuation"/> and <see cref="StateMachineOutput"/>).
/// </summary>
/// <remarks>
/// Those records are converted by hand rather than by the source-generated metadata because building that metadata is
/// JIT work for every member type (nullable ints, longs, dates, …): ~400 methods compiled in the first durable
/// <c>asl run</c> of a process, most of its start-up over <c>--express</c>. The text is the generated one's, byte for
/// byte: members in declaration order (constructor parameters first), camelCase names, absent when <see langword="null"/>.
/// Reading is as strict as the generated metadata: names match case-sensitively, unknown members are skipped (a record
/// written by a newer build that only added optional members still reads), a required member missing or
/// <see langword="null"/> fails with a <see cref="JsonException"/> naming it.
/// </remarks>
internal static class PayloadMembers
{
    /// <summary>Checks that the reader is on the start of a record's object.</summary>
    /// <param name="reader">The reader, on the record's first token.</param>
    /// <param name="record">The record's type name (for the message).</param>
    public static void StartObject(ref Utf8JsonReader reader, string record)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException($"Expected a {record} payload (a JSON object), found {reader.TokenType}.");
        }
    }

    /// <summary>Moves to the next member's value.</summary>
    /// <param name="reader">The reader, in the record's object.</param>
    /// <param name="names">The record's member names, by index.</param>
    /// <param name="member">The member's index in <paramref name="names"/>, or -1 for a member the record does not know (skipped).</param>
    /// <returns><see langword="true"/> on a member's value; <see langword="false"/> at the object's end.</returns>
    public static bool Next(ref Utf8JsonReader reader, JsonEncodedText[] names, out int member)
    {
        member = -1;
        if (!reader.Read() || reader.TokenType == JsonTokenType.EndObject)
        {
            return false;
        }

        for (int i = 0; i < names.Length; i++)
        {
            if (reader.ValueTextEquals(names[i].EncodedUtf8Bytes))
            {
                member = i;
                break;
            }
        }

        reader.Read();
        if (member < 0)
        {
            reader.Skip();
        }

        return true;
    }

    /// <summary>Throws when a required member was missing.</summary>
    /// <typeparam name="T">The member's type.</typeparam>
    /// <param name="value">The value read, or <see langword="null"/> when missing.</param>
    /// <param name="record">The record's type name.</param>
    /// <param name="member">The member's JSON name.</param>
    /// <returns>The value.</returns>
    public static T Required<T>(T? value, string record, string member)
        where T : class =>
        value ?? throw new JsonException($"The {record} payload has no '{member}'.");

    /// <summary>Throws when a required value-type member was missing.</summary>
    /// <typeparam name="T">The member's type.</typeparam>
    /// <param name="value">The value read, or <see langword="null"/> when missing.</param>
    /// <param name="record">The record's type name.</param>
    /// <param name="member">The member's JSON name.</param>
    /// <returns>The value.</returns>
    public static T Required<T>(T? value, string record, string member)
        where T : struct =>
        value ?? throw new JsonException($"The {record} payload has no '{member}'.");

    /// <summary>Reads a string member (JSON null reads as <see langword="null"/>).</summary>
    /// <param name="reader">The reader, on the value.</param>
    /// <returns>The string.</returns>
    public static string? String(ref Utf8JsonReader reader) =>
        reader.TokenType switch
        {
            JsonTokenType.Null => null,
            JsonTokenType.String => reader.GetString(),
            _ => throw Unexpected(ref reader, "a string"),
        };

    /// <summary>Reads a 32-bit integer member (JSON null reads as <see langword="null"/>).</summary>
    /// <param name="reader">The reader, on the value.</param>
    /// <returns>The number.</returns>
    public static int? Int32(ref Utf8JsonReader reader) =>
        reader.TokenType switch
        {
            JsonTokenType.Null => null,
            JsonTokenType.Number when reader.TryGetInt32(out int value) => value,
            _ => throw Unexpected(ref reader, "a 32-bit integer"),
        };

    /// <summary>Reads a 64-bit integer member (JSON null reads as <see langword="null"/>).</summary>
    /// <param name="reader">The reader, on the value.</param>
    /// <returns>The number.</returns>
    public static long? Int64(ref Utf8JsonReader reader) =>
        reader.TokenType switch
        {
            JsonTokenType.Null => null,
            JsonTokenType.Number when reader.TryGetInt64(out long value) => value,
            _ => throw Unexpected(ref reader, "a 64-bit integer"),
        };

    /// <summary>Reads a Boolean member (JSON null reads as <see langword="null"/>).</summary>
    /// <param name="reader">The reader, on the value.</param>
    /// <returns>The Boolean.</returns>
    public static bool? Boolean(ref Utf8JsonReader reader) =>
        reader.TokenType switch
        {
            JsonTokenType.Null => null,
            JsonTokenType.True => true,
            JsonTokenType.False => false,
            _ => throw Unexpected(ref reader, "true or false"),
        };

    /// <summary>Reads an ISO 8601 date member (JSON null reads as <see langword="null"/>).</summary>
    /// <param name="reader">The reader, on the value.</param>
    /// <returns>The date.</returns>
    public static DateTimeOffset? Date(ref Utf8JsonReader reader) =>
        reader.TokenType switch
        {
            JsonTokenType.Null => null,
            JsonTokenType.String when reader.TryGetDateTimeOffset(out DateTimeOffset value) => value,
            _ => throw Unexpected(ref reader, "an ISO 8601 date"),
        };

    /// <summary>Reads any JSON value (JSON null reads as <see langword="null"/>), with case-sensitive member names.</summary>
    /// <param name="reader">The reader, on the value.</param>
    /// <returns>The node.</returns>
    public static JsonNode? Node(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.Null ? null : JsonNode.Parse(ref reader);

    /// <summary>Reads a JSON object member (JSON null reads as <see langword="null"/>).</summary>
    /// <param name="reader">The reader, on the value.</param>
    /// <returns>The object.</returns>
    public static JsonObject? Object(ref Utf8JsonReader reader) =>
        reader.TokenType switch
        {
            JsonTokenType.Null => null,
            JsonTokenType.StartObject => JsonNode.Parse(ref reader)!.AsObject(),
            _ => throw Unexpected(ref reader, "an object"),
        };

    /// <summary>Writes a string member unless it is <see langword="null"/>.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="name">The member's JSON name.</param>
    /// <param name="value">The value.</param>
    public static void Write(Utf8JsonWriter writer, JsonEncodedText name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }

    /// <summary>Writes a 32-bit integer member unless it is <see langword="null"/>.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="name">The member's JSON name.</param>
    /// <param name="value">The value.</param>
    public static void Write(Utf8JsonWriter writer, JsonEncodedText name, int? value)
    {
        if (value is { } number)
        {
            writer.WriteNumber(name, number);
        }
    }

    /// <summary>Writes a 64-bit integer member unless it is <see langword="null"/>.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="name">The member's JSON name.</param>
    /// <param name="value">The value.</param>
    public static void Write(Utf8JsonWriter writer, JsonEncodedText name, long? value)
    {
        if (value is { } number)
        {
            writer.WriteNumber(name, number);
        }
    }

    /// <summary>Writes a Boolean member unless it is <see langword="null"/>.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="name">The member's JSON name.</param>
    /// <param name="value">The value.</param>
    public static void Write(Utf8JsonWriter writer, JsonEncodedText name, bool? value)
    {
        if (value is { } flag)
        {
            writer.WriteBoolean(name, flag);
        }
    }

    /// <summary>Writes a date member (ISO 8601, as the serializer writes dates) unless it is <see langword="null"/>.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="name">The member's JSON name.</param>
    /// <param name="value">The value.</param>
    public static void Write(Utf8JsonWriter writer, JsonEncodedText name, DateTimeOffset? value)
    {
        if (value is { } date)
        {
            writer.WriteString(name, date);
        }
    }

    /// <summary>Writes a JSON value member unless it is <see langword="null"/>.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="name">The member's JSON name.</param>
    /// <param name="value">The value.</param>
    /// <param name="options">The serializer options (their depth limit applies).</param>
    public static void Write(Utf8JsonWriter writer, JsonEncodedText name, JsonNode? value, JsonSerializerOptions options)
    {
        if (value is not null)
        {
            writer.WritePropertyName(name);
            value.WriteTo(writer, options);
        }
    }

    private static JsonException Unexpected(ref Utf8JsonReader reader, string expected) =>
        new($"Expected {expected} in a payload record, found {reader.TokenType}.");
}
