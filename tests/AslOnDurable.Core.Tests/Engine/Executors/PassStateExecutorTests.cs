using AslOnDurable.Core.Engine;
using AslOnDurable.Testing;

namespace AslOnDurable.Core.Tests.Engine.Executors;

public sealed class PassStateExecutorTests
{
    [Fact]
    public void Execute_NoFields_OutputEqualsInput()
    {
        var result = EngineRun.Run("""{"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}}""", """{"a":[1,2]}""");

        JsonAssert.Equal("""{"a":[1,2]}""", result.Output);
    }

    [Fact]
    public void Execute_InputPathParametersResultPathOutputPath_AppliedInAwsOrder()
    {
        var result = EngineRun.Run("""
            {"StartAt":"P","States":{"P":{"Type":"Pass","InputPath":"$.in","Parameters":{"v.$":"$.value","c":"const"},
              "ResultPath":"$.out","OutputPath":"$.out","End":true}}}
            """, """{"in":{"value":7},"other":true}""");

        JsonAssert.Equal("""{"v":7,"c":"const"}""", result.Output);
    }

    [Fact]
    public void Execute_ResultPathIntoInputCopyingInput_DoesNotCreateCycle()
    {
        var result = EngineRun.Run("""{"StartAt":"P","States":{"P":{"Type":"Pass","ResultPath":"$.copy","End":true}}}""", """{"a":1}""");

        JsonAssert.Equal("""{"a":1,"copy":{"a":1}}""", result.Output);
    }

    [Fact]
    public void Execute_InputPathSelectionPutAtResultPath_KeepsOriginalField()
    {
        var result = EngineRun.Run("""{"StartAt":"P","States":{"P":{"Type":"Pass","InputPath":"$.a","ResultPath":"$.b","End":true}}}""", """{"a":{"x":1}}""");

        JsonAssert.Equal("""{"a":{"x":1},"b":{"x":1}}""", result.Output);
    }

    [Fact]
    public void Execute_ResultPathNull_DiscardsResult()
    {
        var result = EngineRun.Run("""{"StartAt":"P","States":{"P":{"Type":"Pass","Result":5,"ResultPath":null,"End":true}}}""", """{"a":1}""");

        JsonAssert.Equal("""{"a":1}""", result.Output);
    }

    [Fact]
    public void Execute_InputPathAndOutputPathNull_GiveEmptyObjects()
    {
        var result = EngineRun.Run("""{"StartAt":"P","States":{"P":{"Type":"Pass","OutputPath":null,"End":true}}}""", """{"a":1}""");

        JsonAssert.Equal("{}", result.Output);
    }

    [Fact]
    public void Execute_Assign_VisibleToNextStateNotToOwnOutput()
    {
        var result = EngineRun.Run("""
            {"StartAt":"A","States":{
              "A":{"Type":"Pass","Assign":{"x":1},"Next":"B"},
              "B":{"Type":"Pass","Assign":{"x":2},"Parameters":{"seen.$":"$x"},"OutputPath":"$","Next":"C"},
              "C":{"Type":"Pass","Parameters":{"before.$":"$.seen","now.$":"$x"},"End":true}}}
            """);

        JsonAssert.Equal("""{"before":1,"now":2}""", result.Output);
    }

    [Fact]
    public void Execute_AssignPaths_ReadTheStateResult()
    {
        var result = EngineRun.Run("""
            {"StartAt":"A","States":{
              "A":{"Type":"Pass","Result":{"answer":42},"Assign":{"v.$":"$.answer"},"Next":"B"},
              "B":{"Type":"Pass","Parameters":{"v.$":"$v"},"End":true}}}
            """);

        JsonAssert.Equal("""{"v":42}""", result.Output);
    }

    [Fact]
    public void Execute_OutputPathMissing_FailsTerminally()
    {
        var result = EngineRun.Run("""{"StartAt":"pass","States":{"pass":{"Type":"Pass","OutputPath":"$.no.such","End":true}}}""");

        Assert.Equal(ExecutionStatus.Failed, result.Status);
        Assert.EndsWith("Invalid path '$.no.such' : Missing property in path $['no']", result.Error!.Cause, StringComparison.Ordinal);
    }
}
