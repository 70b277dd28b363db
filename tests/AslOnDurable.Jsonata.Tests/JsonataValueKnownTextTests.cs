using System.Buffers;
using System.Text;
using System.Text.Json;

namespace AslOnDurable.Jsonata.Tests;

/// <summary>
/// <see cref="JsonataValue.WriteTo(Utf8JsonWriter, ArrayBufferWriter{byte}, in JsonataValueText)"/>: an output that holds
/// a value whose text is known (a state's input), or begins with all of its members, copies that text and is otherwise
/// written exactly as its node writes itself.
/// </summary>
public sealed class JsonataValueKnownTextTests
{
    private const string Input = """{"s":"q\"b\\ <&> é 😀","n":0.1,"big":2e21,"list":[1,{"k":[]},null],"o":{"p":{"q":true}},"e":{}}""";

    private static readonly JsonWriterOptions HistoryOptions = new() { MaxDepth = JsonataLimits.MaxValueDepth, SkipValidation = true };

    [Theory]
    [InlineData("{'keep': $}")]
    [InlineData("{'keep': $, 'twice': [$, {'again': $}], 'part': o}")]
    [InlineData("$merge([$, {'added': 'x <&> é', 'third': 1/3}])")]
    [InlineData("{'inner': $merge([$, {'n2': [1, 2]}]), 'after': 1}")]
    [InlineData("$merge([$, {'s': 'replaced'}])")] // a member replaced: the same members, not a prefix
    [InlineData("$merge([{'first': 1}, $])")] // the input's members after another
    [InlineData("$merge([$, {'f': function($v) { $v }, 'u': nothing}])")] // added members the text leaves out or writes as ""
    [InlineData("$")]
    public void WriteTo_OutputHoldingTheKnownValue_WrittenAsItsNodeWritesItself(string expression)
    {
        var input = Measured(Input);
        var known = new JsonataValueText(input, Write(input), JsonataValue.InPlaceChanges);
        var output = JsonataExpression.Compile(expression).Evaluate(input);

        Assert.Equal(NodeText(output), Encoding.UTF8.GetString(Write(output, known)));
    }

    [Theory]
    [InlineData("{'keep': $}", """{"keep":{"p":1,"q":"KNOWN"}}""")]
    [InlineData("$merge([$, {'r': 2}])", """{"p":1,"q":"KNOWN","r":2}""")]
    [InlineData("$merge([$, {'q': 'new'}])", """{"p":1,"q":"new"}""")]
    public void WriteTo_KnownText_CopiedInsteadOfWritten(string expression, string expected)
    {
        // A text that is not the value's shows where it was copied (callers hand the value's own text).
        var input = Measured("""{"p":1,"q":"x"}""");
        var known = new JsonataValueText(input, """{"p":1,"q":"KNOWN"}"""u8.ToArray(), JsonataValue.InPlaceChanges);

        var written = Write(JsonataExpression.Compile(expression).Evaluate(input), known);

        Assert.Equal(expected, Encoding.UTF8.GetString(written));
    }

    [Fact]
    public void WriteTo_ValueChangedInPlaceSinceItsTextWasWritten_WrittenAsChanged()
    {
        var input = Measured("""{"p":{"q":1},"r":2}""");
        var known = new JsonataValueText(input, Write(input), JsonataValue.InPlaceChanges);

        // A $clone that does not copy: the transform changes the input's own objects.
        JsonataExpression.Compile("( $clone := function($x) { $x }; $ ~> | p | {'q': 5} | )").Evaluate(input);
        var output = JsonataExpression.Compile("{'keep': $, 'merged': $merge([$, {'s': 3}])}").Evaluate(input);

        Assert.Equal("""{"keep":{"p":{"q":5},"r":2},"merged":{"p":{"q":5},"r":2,"s":3}}""", Encoding.UTF8.GetString(Write(output, known)));
    }

    [Fact]
    public void WriteTo_KnownValueNotMeasured_TextNotTaken()
    {
        var input = JsonataValue.Parse("""{"p":1}""");
        var known = new JsonataValueText(input, """{"p":"KNOWN"}"""u8.ToArray(), JsonataValue.InPlaceChanges);

        var written = Write(JsonataExpression.Compile("{'keep': $}").Evaluate(input), known);

        Assert.Equal("""{"keep":{"p":1}}""", Encoding.UTF8.GetString(written));
    }

    [Fact]
    public void WriteTo_KnownValueNearTheDepthLimit_FailsExactlyWhereBuildingItsNodeFails()
    {
        var input = Measured("""{"a":[[[[1]]]]}""");
        var known = new JsonataValueText(input, Write(input), JsonataValue.InPlaceChanges);
        var merged = JsonataExpression.Compile("$merge([$, {'b': 1}])").Evaluate(input);
        Assert.True(merged.TryMeasurePlainJson(out _, out _));
        var failures = 0;
        foreach (var inner in (JsonataValue[])[input, merged])
        {
            var value = inner;
            for (var i = 0; i < JsonataLimits.MaxValueDepth - 7; i++)
            {
                value = JsonataValue.CreateArray([value]);
            }

            for (var levels = JsonataLimits.MaxValueDepth - 7; levels <= JsonataLimits.MaxValueDepth - 2; levels++)
            {
                Assert.Equal(Outcome(() => NodeText(value)), Outcome(() => Encoding.UTF8.GetString(Write(value, known))));
                failures += Outcome(() => NodeText(value)).StartsWith("throws", StringComparison.Ordinal) ? 1 : 0;
                value = JsonataValue.CreateArray([value]);
            }
        }

        Assert.InRange(failures, 2, 10); // both sides of the limit were written
    }

    private static string Outcome(Func<string> write)
    {
        try
        {
            return write();
        }
        catch (JsonataException e)
        {
            return "throws " + e.Code;
        }
    }

    private static JsonataValue Measured(string json)
    {
        var value = JsonataValue.Parse(json);
        Assert.True(value.TryMeasurePlainJson(out _, out _));
        return value;
    }

    private static string NodeText(JsonataValue value)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, HistoryOptions))
        {
            if (value.Node is { } node)
            {
                node.WriteTo(writer);
            }
            else
            {
                writer.WriteNullValue();
            }
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static byte[] Write(JsonataValue value, JsonataValueText known = default)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, HistoryOptions))
        {
            value.WriteTo(writer, buffer, in known);
        }

        return buffer.WrittenSpan.ToArray();
    }
}
