using AslOnDurable.Core.Engine;
using AslOnDurable.Core.Errors;
using AslOnDurable.Core.Tests.Parsing;
using AslOnDurable.Testing;

namespace AslOnDurable.Core.Tests.Engine.Executors;

/// <summary>Map <c>ToleratedFailureCount/Percentage</c> and their <c>...Path</c> forms (definitions in <c>map/</c>).</summary>
public sealed class MapToleratedFailureTests
{
    [Theory]
    [InlineData("""{"items":[true,false,true,true],"percentage":25}""", true)]
    [InlineData("""{"items":[true,false,true,false],"percentage":25}""", false)]
    [InlineData("""{"items":[false,false],"percentage":100}""", true)]
    [InlineData("""{"items":[true,false],"percentage":0}""", false)]
    public void ToleratedFailurePercentagePath_FailedShareOverThreshold_FailsWithExceedThreshold(string input, bool succeeds)
    {
        var result = EngineRun.Run(DefinitionFixtures.Read("map/tolerated-percentage-path.asl.json"), input);

        if (succeeds)
        {
            Assert.Equal(ExecutionStatus.Succeeded, result.Status);
        }
        else
        {
            Assert.Equal(StatesErrorNames.ExceedToleratedFailureThreshold, result.Error!.Error);
            Assert.Equal("The specified tolerated failure threshold was exceeded", result.Error.Cause);
        }
    }

    [Theory]
    [InlineData("""{"items":[true],"percentage":100.5}""", "ToleratedFailurePercentage must be between 0 and 100.")]
    [InlineData("""{"items":[true],"percentage":-0.5}""", "ToleratedFailurePercentage must be between 0 and 100.")]
    [InlineData("""{"items":[true],"percentage":true}""", "The ToleratedFailurePercentagePath field refers to value \"true\" which is not a valid float: $.percentage")]
    public void ToleratedFailurePercentagePath_OutOfRangeOrNotANumber_FailsWithRuntime(string input, string cause)
    {
        var result = EngineRun.Run(DefinitionFixtures.Read("map/tolerated-percentage-path.asl.json"), input);

        Assert.Equal(StatesErrorNames.Runtime, result.Error!.Error);
        Assert.EndsWith(cause, result.Error.Cause, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"items":[false,false,true],"count":2}""", true)]
    [InlineData("""{"items":[false,false,true],"count":1}""", false)]
    public void ToleratedFailureCountPath_MoreFailuresThanCount_FailsWithExceedThreshold(string input, bool succeeds)
    {
        var result = EngineRun.Run(DefinitionFixtures.Read("map/tolerated-count-path.asl.json"), input);

        Assert.Equal(succeeds ? ExecutionStatus.Succeeded : ExecutionStatus.Failed, result.Status);
        if (!succeeds)
        {
            Assert.Equal(StatesErrorNames.ExceedToleratedFailureThreshold, result.Error!.Error);
        }
    }

    [Theory]
    [InlineData("""{"items":[true],"count":-1}""", "ToleratedFailureCount cannot be negative.")]
    [InlineData("""{"items":[true],"count":1.5}""", "The ToleratedFailureCountPath field refers to value \"1.5\" which is not a valid integer: $.count")]
    public void ToleratedFailureCountPath_NegativeOrNotAnInteger_FailsWithRuntime(string input, string cause)
    {
        var result = EngineRun.Run(DefinitionFixtures.Read("map/tolerated-count-path.asl.json"), input);

        Assert.Equal(StatesErrorNames.Runtime, result.Error!.Error);
        Assert.EndsWith(cause, result.Error.Cause, StringComparison.Ordinal);
    }
}
