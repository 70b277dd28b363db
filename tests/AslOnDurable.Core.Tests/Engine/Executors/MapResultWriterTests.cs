using System.Text.Json.Nodes;
using AslOnDurable.Core.Engine;
using AslOnDurable.Core.Errors;
using AslOnDurable.Core.Tests.Parsing;
using AslOnDurable.Testing;

namespace AslOnDurable.Core.Tests.Engine.Executors;

/// <summary>A distributed Map's ResultWriter on the engine: AWS's file layout, manifest and state output.</summary>
public sealed class MapResultWriterTests
{
    private const string RunId = "00000001-0000-0000-0000-000000000000";

    private static (ExecutionResult Result, MemoryItemStore Store) Run(string items, string input = """{"prefix":"out"}""")
    {
        var store = new MemoryItemStore().With("data", "items.jsonl", items);
        var result = EngineRun.Run(DefinitionFixtures.Read("item-storage/result-writer.asl.json"), input, new FakeExecutionHost { ItemStore = store });
        return (result, store);
    }

    [Fact]
    public void ResultWriter_WithResource_OutputIsMapRunArnAndManifestLocation()
    {
        var (result, _) = Run("{\"ok\":true,\"n\":1}\n");

        JsonAssert.Equal(
            $$$"""{"MapRunArn":"arn:aws:states:us-east-1:123456789012:mapRun:machine/nightly:{{{RunId}}}","ResultWriterDetails":{"Bucket":"results","Key":"out/{{{RunId}}}/manifest.json"}}""",
            result.Output);
    }

    [Fact]
    public void ResultWriter_ToleratedFailure_WritesSucceededAndFailedFilesAndManifest()
    {
        var (result, store) = Run("{\"ok\":true,\"n\":1}\n{\"ok\":false,\"n\":2}\n{\"ok\":true,\"n\":3}\n");

        Assert.Equal(ExecutionStatus.Succeeded, result.Status);
        Assert.Equal([$"out/{RunId}/FAILED_0.json", $"out/{RunId}/SUCCEEDED_0.json", $"out/{RunId}/manifest.json"], store.Names("results"));
        var manifest = JsonNode.Parse(store.Text("results", $"out/{RunId}/manifest.json")!)!;
        Assert.Equal("results", (string?)manifest["DestinationBucket"]);
        Assert.Equal($"out/{RunId}/SUCCEEDED_0.json", (string?)manifest["ResultFiles"]!["SUCCEEDED"]![0]!["Key"]);
        Assert.Empty(manifest["ResultFiles"]!["PENDING"]!.AsArray());
        var succeeded = JsonNode.Parse(store.Text("results", $"out/{RunId}/SUCCEEDED_0.json")!)!.AsArray();
        Assert.Equal(2, succeeded.Count);
        var first = succeeded[0]!;
        Assert.Equal("SUCCEEDED", (string?)first["Status"]);
        Assert.Equal("""{"ok":true,"n":1}""", (string?)first["Input"]);
        Assert.Equal("""{"doubled":2}""", (string?)first["Output"]);
        Assert.StartsWith("arn:aws:states:us-east-1:123456789012:express:machine/nightly:", (string?)first["ExecutionArn"], StringComparison.Ordinal);
        Assert.Equal("arn:aws:states:us-east-1:123456789012:stateMachine:machine/nightly", (string?)first["StateMachineArn"]);
        Assert.NotNull(first["StartDate"]);
        Assert.NotNull(first["StopDate"]);
        var failed = JsonNode.Parse(store.Text("results", $"out/{RunId}/FAILED_0.json")!)!.AsArray();
        Assert.Equal("Item.Bad", (string?)failed.Single()!["Error"]);
        Assert.Equal("not ok", (string?)failed.Single()!["Cause"]);
        Assert.Equal("FAILED", (string?)failed.Single()!["Status"]);
        Assert.Null(failed.Single()!["Output"]);
    }

    [Fact]
    public void ResultWriter_ThresholdExceeded_StillWritesTheResultsAndFailsTheState()
    {
        var (result, store) = Run("{\"ok\":false,\"n\":1}\n{\"ok\":false,\"n\":2}\n");

        Assert.Equal(StatesErrorNames.ExceedToleratedFailureThreshold, result.Error!.Error);
        var manifest = JsonNode.Parse(store.Text("results", $"out/{RunId}/manifest.json")!)!;
        Assert.Single(manifest["ResultFiles"]!["FAILED"]!.AsArray());
    }

    [Fact]
    public void ResultWriter_NoPrefixAndJsonlCompact_OneOutputPerLine()
    {
        var store = new MemoryItemStore().With("data", "items.jsonl", "{\"ok\":true,\"n\":1}\n{\"ok\":true,\"n\":2}\n");
        var definition = DefinitionFixtures.Read("item-storage/result-writer.asl.json")
            .Replace("\"Prefix.$\": \"$.prefix\"", "\"Dummy\": 1", StringComparison.Ordinal)
            .Replace("\"Parameters\": {\"Bucket\": \"results\"", "\"WriterConfig\": {\"OutputType\": \"JSONL\", \"Transformation\": \"COMPACT\"}, \"Parameters\": {\"Bucket\": \"results\"", StringComparison.Ordinal);

        var result = EngineRun.Run(definition, "{}", new FakeExecutionHost { ItemStore = store });

        Assert.Equal(ExecutionStatus.Succeeded, result.Status);
        Assert.Equal("{\"doubled\":2}\n{\"doubled\":4}\n", store.Text("results", $"{RunId}/SUCCEEDED_0.json"));
    }

    [Fact]
    public void ResultWriter_WriterConfigOnlyFlatten_ReturnsFlattenedOutputsInline()
    {
        var store = new MemoryItemStore().With("data", "nested.json", "[[1,2],[3],4]");

        var result = EngineRun.Run(DefinitionFixtures.Read("item-storage/result-writer-inline.asl.json"), "{}", new FakeExecutionHost { ItemStore = store });

        JsonAssert.Equal("[1,2,3,4]", result.Output);
        Assert.Empty(store.Names("results"));
    }

    [Fact]
    public void ResultWriter_UnknownTransformation_FailsWithResultWriterFailed()
    {
        var store = new MemoryItemStore().With("data", "nested.json", "[1]");
        var definition = DefinitionFixtures.Read("item-storage/result-writer-inline.asl.json").Replace("FLATTEN", "SQUASH", StringComparison.Ordinal);

        var result = EngineRun.Run(definition, "{}", new FakeExecutionHost { ItemStore = store });

        Assert.Equal(StatesErrorNames.ResultWriterFailed, result.Error!.Error);
        Assert.Equal("WriterConfig.Transformation 'SQUASH' is not valid: use NONE, COMPACT or FLATTEN.", result.Error.Cause);
    }
}
