using System.Text.Json;
using System.Text.Json.Nodes;
using AslOnDurable.Core.Engine;
using AslOnDurable.Core.Tests.Parsing;
using AslOnDurable.Testing;

namespace AslOnDurable.Core.Tests.Engine.Executors;

/// <summary>Choice comparison operators as AWS documents them (definitions in <c>choice/</c>).</summary>
public sealed class ChoiceComparisonTests
{
    [Theory]
    [InlineData("""{"t":"2020-01-01T01:00:00+01:00","limit":"2021-01-01T00:00:00Z"}""", "equal")]
    [InlineData("""{"t":"2020-01-01T00:00:00.000Z","limit":"2021-01-01T00:00:00Z"}""", "equal")]
    [InlineData("""{"t":"2020-06-01T00:00:00Z","limit":"2021-01-01T00:00:00Z"}""", "before")]
    [InlineData("""{"t":"2030-01-01T00:00:00Z","limit":"2021-01-01T00:00:00Z"}""", "late")]
    [InlineData("""{"t":"yesterday","limit":"2021-01-01T00:00:00Z"}""", "none")]
    [InlineData("""{"t":"2020-06-01T00:00:00Z","limit":"not a timestamp"}""", "none")]
    [InlineData("""{"t":1577836800,"limit":"2021-01-01T00:00:00Z"}""", "none")]
    public void Timestamp_Operators_CompareInstantsAndNeverMatchNonTimestamps(string input, string expected)
    {
        var result = EngineRun.Run(DefinitionFixtures.Read("choice/timestamp-comparisons.asl.json"), input);

        Assert.Equal(expected, result.Output!.GetValue<string>());
    }

    [Theory]
    [InlineData(@"log*\a.txt", "yes")]
    [InlineData(@"log*\abc.txt", "yes")]
    [InlineData(@"log*\.txt", "yes")]
    [InlineData(@"logx\a.txt", "no")]
    [InlineData(@"log*a.txt", "no")]
    public void StringMatches_EscapedAsteriskAndBackslash_AreLiterals(string value, string expected)
    {
        var input = new JsonObject { ["s"] = value }.ToJsonString(new JsonSerializerOptions());

        var result = EngineRun.Run(DefinitionFixtures.Read("choice/string-matches-escapes.asl.json"), input);

        Assert.Equal(expected, result.Output!.GetValue<string>());
    }

    [Fact]
    public void IsPresent_ContextObjectPaths_TestsPresenceWithoutError()
    {
        var result = EngineRun.Run(DefinitionFixtures.Read("choice/is-present-context.asl.json"), "{}");

        Assert.Equal(ExecutionStatus.Succeeded, result.Status);
        Assert.Equal("right", result.Output!.GetValue<string>());
    }

    [Theory]
    [InlineData("""{"n":"1"}""")]
    [InlineData("""{"n":null}""")]
    [InlineData("""{"n":[1]}""")]
    public void NumericEquals_ValueOfAnotherType_IsFalseAndDefaultIsTaken(string input)
    {
        var result = EngineRun.Run(DefinitionFixtures.Read("choice/type-mismatch-no-match.asl.json"), input);

        Assert.Equal("default", result.Output!.GetValue<string>());
    }
}
