using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AslOnDurable.Jsonata.Tests;

/// <summary><see cref="JsonataValue.WriteTo"/> writes exactly what the value's node writes, byte for byte.</summary>
public sealed class JsonataValueWriteToTests
{
    private static readonly JsonWriterOptions[] WriterOptions =
    [
        default,
        new() { MaxDepth = 1000, SkipValidation = true }, // as the history recorder writes payloads
        new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping },
        new() { Indented = true },
    ];

    [Theory]
    [InlineData("""{"a":[1,"x",true,false,null],"b":{"c":2.5,"d":-0.0,"e":1e21,"f":-1.5e-7,"g":0.1}}""")]
    [InlineData("""[12345678901234567, 9007199254740993, 1.7976931348623157e308, 5e-324, 123456789012345680000, 0.30000000000000004]""")]
    [InlineData("""{"q":"say \"hi\"\\ \/ <b>&amp;'x'</b>","c":"\u0000\u0001\b\f\n\r\t\u001f\u007f","u":"é ü 中文 \u2028\u2029 😀"}""")]
    [InlineData("""{"<key & 'name'>":1,"é\"\\":{"":[]},"😀":{}}""")]
    [InlineData("""[[],{},[[[]]],[{}]]""")]
    [InlineData("""[0, -1, 7, 9, 10, -10, 99, 100, 1000000000, -2147483648, 2147483647, 2147483648, -2147483649, -0.0]""")] // whole numbers at each digit count and the int bounds
    [InlineData("\"text\"")]
    [InlineData("42")]
    [InlineData("null")]
    [InlineData("true")]
    public void ParsedDocument_WrittenAsItsNodeWritesItself(string json)
    {
        AssertSameText(JsonataValue.Parse(json));
    }

    [Theory]
    [InlineData("a.x")] // a sequence
    [InlineData("a[]")] // a kept singleton
    [InlineData("[a.x, {'s': a.x, 'f': function($v) { $v }, 'u': nothing, 'inf': 1e300 * 1e300}]")] // nested shapes
    [InlineData("[a, [1, function($v) { $v }, nothing]]")] // functions and undefined inside arrays
    [InlineData("$append(a, [[1, 2], b.c])")]
    [InlineData("function($v) { $v }")] // a function alone: an empty string, as its node
    [InlineData("nothing")] // undefined: null
    [InlineData("$merge([a[0], {'n': 1/3, 'big': 2e20, 'neg': -7, 'up': $uppercase('straße')}])")]
    [InlineData("{'sum': $sum(a.x), 'avg': $average([1, 2, 4]), 'str': $string(a), 'keys': $keys(b)}")]
    [InlineData("$split('\uD83D\uDE00', '')")] // lone surrogates: whatever the node's text is (or its error), the same
    [InlineData("{$split('\uD83D\uDE00', '')[1]: 1}")]
    public void EvaluatedValue_WrittenAsItsNodeWritesItself(string expression)
    {
        var value = JsonataExpression.Compile(expression).Evaluate(JsonataValue.Parse("""{"a":[{"x":1},{"x":2}],"b":{"c":[3]}}"""));

        AssertSameText(value);
    }

    [Fact]
    public void BuiltValues_NonFiniteNumbersAndUndefinedMembers_WrittenAsTheirNodes()
    {
        AssertSameText(JsonataValue.CreateArray([JsonataValue.FromNumber(double.NaN), JsonataValue.FromNumber(double.PositiveInfinity), JsonataValue.Null, JsonataValue.Undefined]));
        AssertSameText(JsonataValue.CreateObject([new("nan", JsonataValue.FromNumber(double.NaN)), new("u", JsonataValue.Undefined), new("n", JsonataValue.Null)]));
        AssertSameText(JsonataValue.FromNumber(double.NegativeInfinity));
        AssertSameText(JsonataValue.Undefined);
        AssertSameText(JsonataValue.Null);
    }

    [Fact]
    public void SeededRandomValues_WrittenAsTheirNodesWriteThemselves()
    {
        var random = new Random(20261206);
        for (var i = 0; i < 2000; i++)
        {
            AssertSameText(RandomValue(random, 0));
        }
    }

    [Fact]
    public void WholeNumbers_AtAndPastTheIntegerFastPathsBounds_WrittenAsTheirNodes()
    {
        double[] edges =
        [
            0, -0.0, 1, -1, 100, 217, 1585, int.MaxValue, int.MinValue, int.MaxValue + 1.0, int.MinValue - 1.0,
            int.MaxValue - 0.5, int.MinValue + 0.5, 0.5, -0.5, 1e-300, -1e-300, 99999999999999, 1e14, 1e15, 1e16, 1e21,
            9007199254740992, 9007199254740993, -9007199254740993, 4294967296, -4294967296, 123456789012345678,
        ];
        AssertSameText(JsonataValue.CreateArray([.. edges.Select(JsonataValue.FromNumber)]));
        var random = new Random(20261207);
        for (var i = 0; i < 5000; i++)
        {
            var whole = Math.Round((random.NextDouble() - 0.5) * Math.Pow(2, random.Next(0, 64)));
            AssertSameText(JsonataValue.CreateObject([new("n", JsonataValue.FromNumber(whole)), new("m", JsonataValue.FromNumber(-whole))]));
        }
    }

    [Fact]
    public void ValuePastTheDepthLimit_FailsAsBuildingItsNodeFails()
    {
        var value = JsonataValue.Parse("1");
        for (var i = 0; i <= JsonataLimits.MaxValueDepth; i++)
        {
            value = JsonataValue.CreateArray([value]);
        }

        var fromNode = Assert.Throws<JsonataException>(() => value.Node);
        var written = Assert.Throws<JsonataException>(() => Write(value.WriteTo, default));
        Assert.Equal(fromNode.Code, written.Code);
    }

    [Fact]
    public void DeeperThanTheWritersMaxDepth_FailsAsWritingItsNodeFails()
    {
        var value = JsonataValue.Parse("[[[[[1]]]]]");
        var options = new JsonWriterOptions { MaxDepth = 3, SkipValidation = true };

        Assert.Equal(Outcome(w => value.Node!.WriteTo(w), options), Outcome(value.WriteTo, options));
        Assert.StartsWith("throws", Outcome(value.WriteTo, options), StringComparison.Ordinal);
    }

    [Fact]
    public void KeepingTexts_ObjectsSharedBetweenValues_EachWrittenAsItsNodeWritesItself()
    {
        var shared = JsonataValue.Parse("""{"id":"u-1","tags":["a","b"],"nested":{"k":[1,{"deep":true}]}}""");
        var inArray = JsonataValue.CreateArray([shared, JsonataValue.FromNumber(1), shared]);
        var inObject = JsonataValue.CreateObject([new("first", shared), new("list", inArray), new("last", shared)]);
        foreach (var value in (JsonataValue[])[shared, inArray, inObject, shared, inObject, inArray])
        {
            AssertSameText(value); // each writes the value several times: written, written, kept, copied
        }
    }

    [Fact]
    public void KeepingTexts_KeptObjectWrittenPastTheDepthLimit_FailsAsBuildingItsNodeFails()
    {
        var inner = JsonataValue.Parse("""{"a":[[[[1]]]]}""");
        AssertSameText(inner); // kept, at depth 0
        var value = inner;
        for (var i = 0; i < JsonataLimits.MaxValueDepth - 3; i++)
        {
            value = JsonataValue.CreateArray([value]);
        }

        var fromNode = Assert.Throws<JsonataException>(() => value.Node);
        var written = Assert.Throws<JsonataException>(() => WriteKeeping(value, HistoryOptions));
        Assert.Equal(fromNode.Code, written.Code);
    }

    [Fact]
    public void KeepingTexts_ObjectChangedInPlaceByATransform_WrittenAsChanged()
    {
        var value = JsonataValue.Parse("""{"p":{"q":1},"r":[{"s":2}]}""");
        AssertSameText(value); // p, r[0] and the value kept
        var before = Encoding.UTF8.GetString(WriteKeeping(value, HistoryOptions));

        // A $clone that does not copy: the transform changes the value's own objects.
        JsonataExpression.Compile("( $clone := function($x) { $x }; $ ~> | p | {'q': 5} | ~> | r | {'t': 3}, ['s'] | )").Evaluate(value);

        var after = Encoding.UTF8.GetString(WriteKeeping(value, HistoryOptions));
        Assert.Equal("""{"p":{"q":1},"r":[{"s":2}]}""", before);
        Assert.Equal("""{"p":{"q":5},"r":[{"t":3}]}""", after);
        AssertSameText(value);
    }

    private static readonly JsonWriterOptions HistoryOptions = new() { MaxDepth = JsonataLimits.MaxValueDepth, SkipValidation = true };

    private static void AssertSameText(JsonataValue value)
    {
        foreach (var options in WriterOptions.Append(HistoryOptions))
        {
            var expected = Outcome(w => WriteNode(value.Node, w), options);
            Assert.Equal(expected, Outcome(value.WriteTo, options));
            for (var i = 0; i < 4; i++)
            {
                Assert.Equal(expected, Outcome(() => WriteKeeping(value, options)));
            }
        }
    }

    /// <summary>Writes with <see cref="JsonataValue.WriteTo(Utf8JsonWriter, ArrayBufferWriter{byte})"/> (objects keep their texts).</summary>
    private static byte[] WriteKeeping(JsonataValue value, JsonWriterOptions options)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, options))
        {
            value.WriteTo(writer, buffer);
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static void WriteNode(JsonNode? node, Utf8JsonWriter writer)
    {
        if (node is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            node.WriteTo(writer);
        }
    }

    /// <summary>The bytes written, in hex, or the type of the exception writing them threw.</summary>
    private static string Outcome(Action<Utf8JsonWriter> write, JsonWriterOptions options) => Outcome(() => Write(write, options));

    private static string Outcome(Func<byte[]> write)
    {
        try
        {
            return Convert.ToHexString(write());
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException)
        {
            return "throws " + e.GetType().Name;
        }
    }

    private static byte[] Write(Action<Utf8JsonWriter> write, JsonWriterOptions options)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, options))
        {
            write(writer);
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static JsonataValue RandomValue(Random random, int depth)
    {
        switch (random.Next(depth < 4 ? 9 : 6))
        {
            case 0:
                return JsonataValue.FromNumber(RandomDouble(random));
            case 1:
                return JsonataValue.FromNumber(random.Next(3) switch
                {
                    0 => random.NextInt64(-(1L << 53), 1L << 53),
                    1 => random.NextInt64() * (random.Next(2) == 0 ? 1.0 : -1.0),
                    _ => Math.Round(random.NextDouble() * 10000, random.Next(6)),
                });
            case 2:
            case 3:
                return JsonataValue.FromString(RandomText(random));
            case 4:
                return JsonataValue.Parse(random.Next(3) switch { 0 => "true", 1 => "false", _ => "null" });
            case 5:
                return JsonataValue.FromNumber(random.Next(-5, 5));
            case 6:
            case 7:
                {
                    var members = new KeyValuePair<string, JsonataValue>[random.Next(6)];
                    for (var i = 0; i < members.Length; i++)
                    {
                        members[i] = new(RandomText(random), RandomValue(random, depth + 1));
                    }

                    return JsonataValue.CreateObject(members);
                }

            default:
                {
                    var items = new JsonataValue[random.Next(6)];
                    for (var i = 0; i < items.Length; i++)
                    {
                        items[i] = RandomValue(random, depth + 1);
                    }

                    return JsonataValue.CreateArray(items);
                }
        }
    }

    /// <summary>Any finite double (random bits), or one of the awkward ones.</summary>
    private static double RandomDouble(Random random)
    {
        if (random.Next(4) == 0)
        {
            double[] awkward = [0.1, 1.0 / 3, -0.0, 1e21, 1e-7, 123e-20, double.MaxValue, double.Epsilon, 9007199254740993, 4.35, 2.675, 1e15, 1e16, 0.000001];
            return awkward[random.Next(awkward.Length)];
        }

        double d;
        do
        {
            d = BitConverter.Int64BitsToDouble(random.NextInt64());
        }
        while (!double.IsFinite(d));

        return d;
    }

    private static string RandomText(Random random)
    {
        string[] pieces = ["a", "Z", "0", " ", "\"", "\\", "/", "<", ">", "&", "'", "+", "`", "\u0000", "\u0007", "\b", "\t", "\n", "\f", "\r", "\u001f", "\u007f", "é", "ß", "中", "\u00a0", "\u2028", "\u2029", "\ufeff", "\uffff", "😀", "\U0001F9D1\u200D\U0001F4BB", "key", "Ada Lovelace"];
        var text = new StringBuilder();
        for (var i = random.Next(8); i > 0; i--)
        {
            text.Append(pieces[random.Next(pieces.Length)]);
        }

        return text.ToString();
    }
}
