using System.Text;
using System.Text.Json.Nodes;

namespace AslOnDurable.Jsonata.Tests;

public sealed class JsonataValueTests
{
    [Theory]
    [InlineData("""{"a":[1,"x",true,null],"b":{"c":2.5}}""")]
    [InlineData("[]")]
    [InlineData("\"text\"")]
    public void IsPlainJson_ConvertedDocument_IsPlain(string json)
    {
        Assert.True(JsonataValue.FromNode(JsonNode.Parse(json)).IsPlainJson);
    }

    [Theory]
    [InlineData("a.x")] // a sequence of two values
    [InlineData("{'f': function($x) { $x }}")] // a function member
    public void IsPlainJson_EvaluatorOnlyShapes_AreNotPlain(string expression)
    {
        var value = JsonataExpression.Compile(expression).Evaluate(JsonataValue.Parse("""{"a":[{"x":1},{"x":2}]}"""));

        Assert.False(value.IsPlainJson);
    }

    [Theory]
    [InlineData("{'a': [$split('\uD83D\uDE00', '')[0]]}", false)] // half of a pair in a string
    [InlineData("{$split('\uD83D\uDE00', '')[1]: 1}", false)] // in a member name
    [InlineData("{'a': ['\uD83D\uDE00', 'plain']}", true)]
    public void ToNode_LoneSurrogate_IsReportedWhileBuilding(string expression, bool expected)
    {
        var value = JsonataExpression.Compile(expression).Evaluate(JsonataValue.Undefined);

        var node = value.ToNode(out var wellFormed);

        Assert.Equal(expected, wellFormed);
        Assert.True(JsonNode.DeepEquals(value.Node, node));
    }

    [Fact]
    public void FromNode_KnownNode_TakesHeldValueInsteadOfConverting()
    {
        var inner = new JsonObject { ["x"] = 1 };
        var outer = new JsonObject { ["inner"] = inner, ["y"] = 2 };
        var held = JsonataValue.FromNode(JsonNode.Parse("""{"x":"held"}"""));

        var value = JsonataValue.FromNode(outer, new Known(inner, held));

        Assert.Equal("""{"inner":{"x":"held"},"y":2}""", value.ToJsonString());
    }

    private sealed class Known(JsonNode node, JsonataValue value) : IConvertedNodes
    {
        public bool TryGetConverted(JsonNode candidate, out JsonataValue held)
        {
            held = ReferenceEquals(candidate, node) ? value : default;
            return ReferenceEquals(candidate, node);
        }
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-0")]
    [InlineData("7")]
    [InlineData("-42")]
    [InlineData("999999999999999")]
    [InlineData("-999999999999999")]
    [InlineData("1000000000000000")]
    [InlineData("12345678901234567")]
    [InlineData("2.5")]
    [InlineData("1e21")]
    [InlineData("-1.5e-7")]
    public void TryMeasurePlainJson_Numbers_MeasuredAsSystemTextJsonWritesThem(string json)
    {
        var node = JsonNode.Parse(json);

        Assert.True(JsonataValue.FromNode(node).TryMeasurePlainJson(out var size, out _));

        Assert.Equal(JsonValue.Create(node!.GetValue<double>()).ToJsonString().Length, size);
    }

    [Fact]
    public void TryMeasurePlainJson_ValueBuiltFromMeasuredMembers_MeasuresAsAFreshValue()
    {
        const string data = """{"user":{"name":"Ada","roles":["a","b"]},"items":[{"sku":"S-1","qty":3,"price":2.5},{"sku":"S-2","qty":-1,"price":100}]}""";
        var shared = JsonataValue.Parse(data);
        Assert.True(shared.TryMeasurePlainJson(out var sharedSize, out _)); // measured once, kept on its objects and arrays
        Assert.Equal(data.Length, sharedSize);

        var merged = JsonataExpression.Compile("$merge([$d, {'meta': {'n': $d.user.name}}])").Evaluate(JsonataValue.Undefined, new Dictionary<string, JsonataValue> { ["d"] = shared });
        var built = JsonataValue.CreateObject([new("keep", shared), new("merged", merged), new("list", JsonataValue.CreateArray([shared, JsonataValue.Null]))]);

        Assert.True(built.TryMeasurePlainJson(out var size, out var wellFormed));
        Assert.True(wellFormed);
        Assert.Equal(built.Node!.ToJsonString().Length, size);
        Assert.Equal(size, JsonataValue.Parse(built.Node!.ToJsonString()).TryMeasurePlainJson(out var fresh, out _) ? fresh : -1);
    }

    [Fact]
    public void TryMeasurePlainJson_MeasuredValueNestedPastTheDepthLimit_IsNotPlain()
    {
        var inner = JsonataValue.Parse("[[[[1]]]]");
        Assert.True(inner.TryMeasurePlainJson(out _, out _));

        var value = inner;
        for (var deepest = 3; deepest < JsonataLimits.MaxValueDepth - 1; deepest++)
        {
            value = JsonataValue.CreateArray([value]);
        }

        Assert.True(value.TryMeasurePlainJson(out _, out _)); // the deepest array at depth MaxValueDepth - 1 (the root at 0)
        Assert.False(JsonataValue.CreateArray([value]).TryMeasurePlainJson(out _, out _));
    }

    [Fact]
    public void TryMeasurePlainJson_EveryAsciiCharacterAndOthers_MeasuredAsTheirEscapedUtf8Text()
    {
        var texts = new List<string> { "", "Ada Lovelace", "SKU-001", "é", "中文", "😀", "a\uD83Db", "\uDE00" };
        for (var c = 0; c < 0x80; c++)
        {
            texts.Add(((char)c).ToString());
            texts.Add("abcdefghijklmnopq" + (char)c + "rstuvwxyz0123456789");
        }

        foreach (var text in texts)
        {
            var expected = 2 + Encoding.UTF8.GetByteCount(text)
                + text.Sum(c => c is '"' or '\\' or '\b' or '\f' or '\n' or '\r' or '\t' ? 1 : c < 0x20 ? 5 : 0);
            var wellFormedText = !text.Any(char.IsSurrogate) || text == "😀";

            Assert.True(JsonataValue.FromString(text).TryMeasurePlainJson(out var size, out var wellFormed));
            Assert.Equal(expected, size);
            Assert.Equal(wellFormedText, wellFormed);

            Assert.True(JsonataValue.CreateObject([new(text, JsonataValue.FromNumber(1))]).TryMeasurePlainJson(out size, out wellFormed));
            Assert.Equal(expected + 4, size); // {"…":1}
            Assert.Equal(wellFormedText, wellFormed);
        }
    }

    [Fact]
    public void TryMeasurePlainJson_MeasuredMemberWithLoneSurrogate_StaysIllFormedInsideOtherValues()
    {
        var bad = JsonataExpression.Compile("{'a': [$split('\uD83D\uDE00', '')[0]]}").Evaluate(JsonataValue.Undefined);
        Assert.True(bad.TryMeasurePlainJson(out _, out var wellFormed));
        Assert.False(wellFormed);

        Assert.True(JsonataValue.CreateObject([new("x", bad)]).TryMeasurePlainJson(out _, out wellFormed));
        Assert.False(wellFormed);
    }

    [Theory]
    [InlineData("a.x")] // a sequence
    [InlineData("a[]")] // a kept singleton
    [InlineData("[a.x, {'s': a.x, 'f': function($v) { $v }, 'u': nothing, 'inf': 1e300 * 1e300}]")] // nested shapes
    [InlineData("[a, [1, function($v) { $v }, nothing]]")] // functions and undefined inside arrays
    [InlineData("$append(a, [[1, 2], b.c])")]
    [InlineData("a")] // plain already: taken as it is
    public void ToPlainJson_IsWhatConvertingItsNodeBackGives(string expression)
    {
        var value = JsonataExpression.Compile(expression).Evaluate(JsonataValue.Parse("""{"a":[{"x":1},{"x":2}],"b":{"c":[3]}}"""));

        var plain = value.ToPlainJson();

        Assert.True(plain.IsPlainJson);
        Assert.Equal(JsonataValue.FromNode(value.Node), plain);
        Assert.True(JsonNode.DeepEquals(value.Node, plain.Node));
    }
}
