using AslOnDurable.Core.Engine;
using AslOnDurable.Core.Errors;
using AslOnDurable.Testing;

namespace AslOnDurable.Core.Tests.Engine.Executors;

public sealed class ChoiceStateExecutorTests
{
    private const string Definition = """
        {"StartAt":"C","States":{
          "C":{"Type":"Choice","Choices":[
              {"Variable":"$.n","NumericGreaterThan":10,"Next":"Big"},
              {"And":[{"Variable":"$.s","StringMatches":"log-*.txt"},{"Not":{"Variable":"$.flag","BooleanEquals":true}}],"Next":"Log"},
              {"Variable":"$.t","TimestampLessThanPath":"$.limit","Next":"Early"}],
            "Default":"Other"},
          "Big":{"Type":"Pass","Result":"big","End":true},
          "Log":{"Type":"Pass","Result":"log","End":true},
          "Early":{"Type":"Pass","Result":"early","End":true},
          "Other":{"Type":"Pass","Result":"other","End":true}}}
        """;

    [Theory]
    [InlineData("""{"n":11}""", "big")]
    [InlineData("""{"n":3,"s":"log-1.txt","flag":false}""", "log")]
    [InlineData("""{"n":3,"s":"log-1.txt","flag":true,"t":"2020-01-01T00:00:00Z","limit":"2021-01-01T00:00:00+01:00"}""", "early")]
    [InlineData("""{"n":"11","s":"x","t":"not a time","limit":"2021-01-01T00:00:00Z"}""", "other")]
    public void Execute_FirstMatchingRule_PicksNext(string input, string expected)
    {
        var result = EngineRun.Run(Definition, input);

        Assert.Equal(expected, result.Output!.GetValue<string>());
    }

    [Fact]
    public void Execute_NoMatchNoDefault_FailsWithNoChoiceMatched()
    {
        var result = EngineRun.Run("""
            {"StartAt":"C","States":{"C":{"Type":"Choice","Choices":[{"Variable":"$.n","NumericEquals":1,"Next":"E"}]},"E":{"Type":"Succeed"}}}
            """, """{"n":2}""");

        Assert.Equal(StatesErrorNames.NoChoiceMatched, result.Error!.Error);
    }

    [Fact]
    public void Execute_IsPresentOnMissingField_IsFalseWithoutError()
    {
        var result = EngineRun.Run("""
            {"StartAt":"C","States":{"C":{"Type":"Choice","Choices":[{"Variable":"$.missing","IsPresent":false,"Next":"E"}]},"E":{"Type":"Succeed"}}}
            """, "{}");

        Assert.Equal(ExecutionStatus.Succeeded, result.Status);
    }

    [Fact]
    public void Execute_DefaultTaken_AppliesStateLevelAssign()
    {
        var result = EngineRun.Run("""
            {"StartAt":"C","States":{
              "C":{"Type":"Choice","Choices":[{"Variable":"$.v","NumericEquals":42,"Assign":{"status":"CORRECT"},"Next":"F"}],
                   "Assign":{"status":"INCORRECT"},"Default":"F"},
              "F":{"Type":"Pass","Parameters":{"status.$":"$status"},"End":true}}}
            """, """{"v":"42"}""");

        JsonAssert.Equal("""{"status":"INCORRECT"}""", result.Output);
    }
}
