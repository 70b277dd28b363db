using System.Text.Json.Nodes;
using AslOnDurable.Core.Errors;
using AslOnDurable.Core.Paths;
using AslOnDurable.Core.Paths.JsonPath;

namespace AslOnDurable.Core.Tests.Paths;

public class ResultPathApplierTests
{
    private static string Apply(string input, string? path, string result) =>
        CompactJson.Of(ResultPathApplier.Apply(JsonNode.Parse(input), path, JsonNode.Parse(result)));

    [Fact]
    public void Apply_NullPath_KeepsInput() => Assert.Equal("""{"a":1}""", Apply("""{"a":1}""", null, "\"r\""));

    [Fact]
    public void Apply_Root_ReplacesInput() => Assert.Equal("\"r\"", Apply("""{"a":1}""", "$", "\"r\""));

    [Fact]
    public void Apply_NewField_IsAppended() =>
        Assert.Equal("""{"comment":"c","taskresult":"Hello"}""", Apply("""{"comment":"c"}""", "$.taskresult", "\"Hello\""));

    [Fact]
    public void Apply_ExistingField_IsOverwrittenInPlace() =>
        Assert.Equal("""{"a":{"x":1},"b":2}""", Apply("""{"a":1,"b":2}""", "$.a", """{"x":1}"""));

    [Fact]
    public void Apply_MissingIntermediates_AreCreated() =>
        Assert.Equal("""{"a":1,"x":{"y":{"z":true}}}""", Apply("""{"a":1}""", "$.x.y.z", "true"));

    [Fact]
    public void Apply_NullIntermediate_IsReplacedByObject() =>
        Assert.Equal("""{"x":{"y":1}}""", Apply("""{"x":null}""", "$.x.y", "1"));

    [Fact]
    public void Apply_BracketNotationAndIndex_Work() =>
        Assert.Equal("""{"a b":[0,{"c":"r"}]}""", Apply("""{"a b":[0,{"c":1}]}""", "$['a b'][1].c", "\"r\""));

    [Fact]
    public void Apply_NullResult_IsStored() => Assert.Equal("""{"a":null}""", Apply("{}", "$.a", "null"));

    [Theory]
    [InlineData("\"text\"", "$.a", "Unable to apply ResultPath \"$.a\" to input \"\"text\"\"")]
    [InlineData("""{"a":"s"}""", "$.a.b", "Unable to apply ResultPath \"$.a.b\" to input \"{\"a\":\"s\"}\"")]
    [InlineData("""{"a":[1]}""", "$.a[3]", "Unable to apply ResultPath \"$.a[3]\" to input \"{\"a\":[1]}\"")]
    [InlineData("[1]", "$.a", "Unable to apply ResultPath \"$.a\" to input \"[1]\"")]
    public void Apply_PathThroughNonObject_FailsWithResultPathMatchFailure(string input, string path, string cause)
    {
        var ex = Assert.Throws<AslErrorException>(() => Apply(input, path, "1"));
        Assert.Equal(StatesErrorNames.ResultPathMatchFailure, ex.Error.Error);
        Assert.Equal(cause, ex.Error.Cause);
    }

    [Fact]
    public void Apply_CompiledPath_TakesOwnershipAndMutatesInput()
    {
        var input = JsonNode.Parse("""{"a":1}""");
        var output = ResultPathApplier.Apply(input, JsonPathExpression.Parse("$.b"), JsonValue.Create(2));
        Assert.Same(input, output);
        Assert.Equal("""{"a":1,"b":2}""", input!.ToJsonString());
    }

    [Theory]
    [InlineData("$.a[*]")]
    [InlineData("$$.a")]
    [InlineData("$var.a")]
    public void Apply_NotAReferencePathOnInput_Throws(string path) =>
        Assert.Throws<ArgumentException>(() => ResultPathApplier.Apply(JsonNode.Parse("{}"), JsonPathExpression.Parse(path), null));
}
