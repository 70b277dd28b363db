using AslOnDurable.Core.Engine;
using AslOnDurable.Core.Errors;
using AslOnDurable.Core.Tests.Parsing;
using AslOnDurable.Testing;

namespace AslOnDurable.Core.Tests.Paths;

/// <summary>ResultPath into arrays and through scalars, end to end (definitions in <c>dataflow/</c>).</summary>
public sealed class ResultPathDocumentedTests
{
    [Fact]
    public void ResultPath_ExistingArrayElement_ReplacesTheElement()
    {
        var result = EngineRun.Run(DefinitionFixtures.Read("dataflow/result-path-array-element.asl.json"), """{"list":[0,0,0]}""");

        JsonAssert.Equal("""{"list":[0,{"v":1},0]}""", result.Output);
    }

    [Fact]
    public void ResultPath_ArrayIndexOutOfRange_FailsWithResultPathMatchFailure()
    {
        var result = EngineRun.Run(DefinitionFixtures.Read("dataflow/result-path-array-element.asl.json"), """{"list":[0]}""");

        Assert.Equal(StatesErrorNames.ResultPathMatchFailure, result.Error!.Error);
    }

    [Fact]
    public void ResultPath_ThroughAScalar_FailsWithResultPathMatchFailureNamingPathAndInput()
    {
        var result = EngineRun.Run(DefinitionFixtures.Read("dataflow/result-path-into-scalar.asl.json"), """{"a":5}""");

        Assert.Equal(ExecutionStatus.Failed, result.Status);
        Assert.Equal(new AslError(StatesErrorNames.ResultPathMatchFailure, "Unable to apply ResultPath \"$.a.b\" to input \"{\"a\":5}\""), result.Error);
    }
}
