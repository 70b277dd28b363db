using System.Text.Json;
using AslOnDurable.Runtime.Durable;
using Microsoft.DurableTask.Converters;

namespace AslOnDurable.Runtime.Tests.Durable;

/// <summary>The shims' converter: string payloads as JSON string literals, minimally escaped, readable in any escaping.</summary>
public sealed class DurablePayloadConverterTests
{
    private static readonly DurablePayloadConverter Converter = DurablePayloadConverter.Instance;

    public static TheoryData<string> Texts() => new()
    {
        string.Empty,
        "plain text",
        """{"version":1,"definition":"{\"StartAt\":\"P\"}","input":{"a":[1,2.5,null,true]}}""",
        "tab\tnewline\ncontrol\u0001 backslash\\ quote\"",
        "é ü 日本 😀 <script>&'",
        "\u007f delete and \u2028 separator",
        new string(Enumerable.Range(0x20, 0x5F).Select(c => (char)c).ToArray()),
    };

    [Theory]
    [MemberData(nameof(Texts))]
    public void Serialize_String_AJsonStringLiteralOfIt(string text)
    {
        string? data = Converter.Serialize(text);

        Assert.Equal(text, JsonSerializer.Deserialize<string>(data!));
        Assert.DoesNotContain("\\u0022", data, StringComparison.Ordinal); // quotes written as \", not six characters
    }

    [Theory]
    [MemberData(nameof(Texts))]
    public void Deserialize_WhatEitherConverterWrote_TheString(string text)
    {
        Assert.Equal(text, Converter.Deserialize(Converter.Serialize(text), typeof(string)));
        Assert.Equal(text, Converter.Deserialize(JsonDataConverter.Default.Serialize(text), typeof(string)));
    }

    [Fact]
    public void Serialize_PrintableAscii_TheRelaxedEncodersText()
    {
        string text = new(Enumerable.Range(0x20, 0x5F).Select(c => (char)c).ToArray());

        Assert.Equal(
            JsonSerializer.Serialize(text, new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }),
            Converter.Serialize(text));
    }

    [Fact]
    public void NullAndOtherTypes_AsTheSdksConverter()
    {
        Assert.Null(Converter.Serialize(null));
        Assert.Null(Converter.Deserialize(null, typeof(string)));
        Assert.Null(Converter.Deserialize("null", typeof(string)));
        Assert.Equal("42", Converter.Serialize(42));
        Assert.Equal(42, Converter.Deserialize("42", typeof(int)));
    }

    [Theory]
    [InlineData("42")]
    [InlineData("""{"a":1}""")]
    [InlineData("\"a\" \"b\"")]
    [InlineData("\"unterminated")]
    public void Deserialize_NotOneJsonString_JsonException(string data) =>
        Assert.ThrowsAny<JsonException>(() => Converter.Deserialize(data, typeof(string)));
}
