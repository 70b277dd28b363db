using AslOnDurable.Core.Errors;
using System.Text;
using System.Text.Json.Nodes;
using AslOnDurable.Core.Engine.Lifecycle;
using AslOnDurable.Core.Json;

namespace AslOnDurable.Core.Tests.Engine.Lifecycle;

public sealed class PayloadSizeGuardTests
{
    [Theory]
    [InlineData("""{"a":1,"b":[true,false,null],"c":{}}""")]
    [InlineData("""["é","日本","😀"]""")]
    [InlineData("""{"q":"say \"hi\"","path":"C:\\x","nl":"a\nb"}""")]
    [InlineData("""{"ctl":"\u0001"}""")]
    [InlineData("""[1.50,-0,1e+21,123456789012345678901234567890]""")]
    [InlineData("""{"apostrophe":"it's <b>&</b>"}""")]
    public void Size_ParsedJson_IsTheUtf8ByteCountOfCompactText(string json)
    {
        var node = JsonNode.Parse(json);

        Assert.Equal(Encoding.UTF8.GetByteCount(json), PayloadSizeGuard.Size(node));
    }

    // Exceeds tries a writer's upper bound first (no nodes built for a parsed payload): at the exact size and one
    // byte under it, the answer must be the exact count's, also where the writer escapes more than AWS counts.
    [Theory]
    [InlineData("""{"a":1,"b":[true,false,null],"c":{}}""")]
    [InlineData("""["é","日本","😀","\u00e9"]""")]
    [InlineData("""{"q":"say \"hi\"","path":"C:\\x","nl":"a\nb","ctl":"\u0001","sep":"\u2028"}""")]
    [InlineData("""{"apostrophe":"it's <b>&</b>","n":[1.50,-0,1e+21]}""")]
    public void Exceeds_ParsedPayloadAtItsSize_AgreesWithTheExactCount(string json)
    {
        var size = PayloadSizeGuard.Size(JsonNode.Parse(json));

        Assert.False(PayloadSizeGuard.Exceeds(JsonNode.Parse(json), (int)size));
        Assert.True(PayloadSizeGuard.Exceeds(JsonNode.Parse(json), (int)size - 1));
    }

    // The overload that also gives a bound (the execution input's, for the first state's checks): at the exact size and one
    // byte under it the answer is the exact count's, and the bound is never under the exact size.
    [Theory]
    [InlineData("""{"a":1,"b":[true,false,null],"c":{}}""")]
    [InlineData("""["é","日本","😀","\u00e9"]""")]
    [InlineData("""{"q":"say \"hi\"","nl":"a\nb","ctl":"\u0001","sep":"\u2028"}""")]
    public void Exceeds_WithTheBoundOut_AgreesWithTheExactCountAndBoundsIt(string json)
    {
        var size = PayloadSizeGuard.Size(JsonNode.Parse(json));

        Assert.False(PayloadSizeGuard.Exceeds(JsonNode.Parse(json), (int)size, out var bound));
        Assert.True(bound >= size);
        Assert.True(PayloadSizeGuard.Exceeds(JsonNode.Parse(json), (int)size - 1, out var over));
        Assert.Null(over);
        Assert.False(PayloadSizeGuard.Exceeds(null, 0, out _));
    }

    [Theory]
    [InlineData(10_000L, true)]
    [InlineData(null, true)]
    [InlineData(5L, false)]
    public void Exceeds_WithAKnownBound_MeasuresOnlyWhenTheBoundIsOverTheQuota(long? knownBound, bool exceeds)
    {
        // 300 bytes against a quota of 200: a bound within the quota is trusted (the caller vouches for it).
        var node = JsonValue.Create(new string('x', 298));

        Assert.Equal(exceeds, PayloadSizeGuard.Exceeds(node, 200, knownBound));
    }

    // A known bound (size and levels) is trusted when it is within the quota and the depth limit; past either it proves
    // nothing and the node is measured, which then gives the node's own bound.
    [Theory]
    [InlineData(5L, 1, false, 5L)]
    [InlineData(5L, JsonLimits.MaxDepth, false, 5L)]
    [InlineData(5L, JsonLimits.MaxDepth + 1, true, null)]
    [InlineData(10_000L, 1, true, null)]
    public void Exceeds_WithAKnownPayloadBound_TrustedOnlyWithinQuotaAndDepth(long size, int levels, bool exceeds, long? boundSize)
    {
        var node = JsonValue.Create(new string('x', 298)); // 300 bytes against a quota of 200

        Assert.Equal(exceeds, PayloadSizeGuard.Exceeds(node, 200, new PayloadBound(size, levels), out var bound));
        Assert.Equal(boundSize, bound?.Size);
    }

    [Fact]
    public void Exceeds_WithoutAKnownPayloadBound_GivesTheWrittenBoundOrNull()
    {
        Assert.False(PayloadSizeGuard.Exceeds(JsonNode.Parse("[1,2]"), 5, null, out var bound));
        Assert.Equal(new PayloadBound(5, PayloadUpperBound.MaxWriteDepth), bound);
        Assert.False(PayloadSizeGuard.Exceeds(null, 4, null, out var none));
        Assert.Equal(PayloadBound.Null, none);
    }

    [Fact]
    public void ArraySum_BracketsCommasAndOneLevelMore()
    {
        var sum = default(PayloadBound.ArraySum);
        Assert.Equal(new PayloadBound(2, 1), sum.Array());
        sum.Add(new PayloadBound(6, 0));
        sum.Add(new PayloadBound(9, 3));

        Assert.Equal(new PayloadBound(18, 4), sum.Array()); // [ + 6 + , + 9 + ]
        Assert.Equal(2, sum.Count);
    }

    // Steps and branch outcomes carry a bound in one word; 0 (their default) is none.
    [Theory]
    [InlineData(0L, 0)]
    [InlineData(4L, 0)]
    [InlineData(262_144L, JsonLimits.MaxDepth)]
    [InlineData((1L << 40) - 1, JsonLimits.MaxDepth + 1)]
    public void PackedBound_RoundTrips(long size, int levels)
    {
        var bound = new PayloadBound(size, levels);

        Assert.NotEqual(0, PayloadBound.Pack(bound));
        Assert.Equal(bound, PayloadBound.Unpack(PayloadBound.Pack(bound)));
    }

    [Fact]
    public void PackedBound_NoneAndUnpackableSizes_AreZero()
    {
        Assert.Equal(0, PayloadBound.Pack(null));
        Assert.Equal(0, PayloadBound.Pack(new PayloadBound(1L << 40, 1)));
        Assert.Null(PayloadBound.Unpack(0));
        Assert.Null(default(AslOnDurable.Core.Engine.BranchOutcome).OutputBound);
    }

    [Fact]
    public void Size_NonAsciiText_CountsUtf8BytesNotEscapes()
    {
        var node = new JsonObject { ["s"] = new string('é', 100) };

        Assert.Equal(2 + 3 + 1 + 2 + 200, PayloadSizeGuard.Size(node));
        Assert.False(PayloadSizeGuard.Exceeds(node, 208));
        Assert.True(PayloadSizeGuard.Exceeds(node, 207));
    }

    [Theory]
    [InlineData(0.1)]
    [InlineData(-2.5)]
    [InlineData(1e21)]
    [InlineData(1.5e-7)]
    [InlineData(123456789012345680000.0)]
    [InlineData(double.MaxValue)]
    [InlineData(double.Epsilon)]
    [InlineData(-0.0)]
    [InlineData(42.0)]
    public void Size_Double_IsTheLengthOfItsSerializedText(double number)
    {
        var node = new JsonArray(JsonValue.Create(number));

        Assert.Equal(Encoding.UTF8.GetByteCount(node.ToJsonString()), PayloadSizeGuard.Size(node));
    }

    [Fact]
    public void Size_ClrValues_MatchTheirJsonText()
    {
        var node = new JsonObject { ["n"] = JsonValue.Create(42), ["d"] = JsonValue.Create(2.5m), ["s"] = JsonValue.Create("x") };

        Assert.Equal(Encoding.UTF8.GetByteCount("""{"n":42,"d":2.5,"s":"x"}"""), PayloadSizeGuard.Size(node));
    }

    [Fact]
    public void Size_Null_IsFourBytes()
    {
        Assert.Equal(4, PayloadSizeGuard.Size(null));
    }

    [Fact]
    public void Size_DeeperThanTheDepthLimit_FailsWithStatesRuntime()
    {
        var root = new JsonArray();
        var current = root;
        for (var i = 0; i < 1_000; i++)
        {
            var inner = new JsonArray();
            current.Add(inner);
            current = inner;
        }

        var error = Assert.Throws<AslErrorException>(() => PayloadSizeGuard.Size(root));

        Assert.Equal(StatesErrorNames.Runtime, error.Error.Error);
        Assert.Contains("512", error.Error.Cause, StringComparison.Ordinal);
    }
}
