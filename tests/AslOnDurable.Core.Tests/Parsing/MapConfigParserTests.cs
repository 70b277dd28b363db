using AslOnDurable.Core.Model.Map;
using AslOnDurable.Core.Model.States;

namespace AslOnDurable.Core.Tests.Parsing;

public class MapConfigParserTests
{
    [Fact]
    public void Parse_DistributedMap_ReadsReaderBatcherWriterAndConfig()
    {
        // Act
        var map = Assert.IsType<MapState>(ShapeParse.Valid("parsing/distributed-map.asl.json").States["Map"]);

        // Assert
        Assert.Equal(MapMode.Distributed, map.ProcessorConfig.Mode);
        Assert.Equal("EXPRESS", map.ProcessorConfig.ExecutionType);
        Assert.Equal("Files", map.Label);
        Assert.Equal("$.concurrency", map.MaxConcurrencyPath);
        Assert.Equal(12.5, map.ToleratedFailurePercentage!.GetValue<double>());
        Assert.Equal("$.count", map.ToleratedFailureCountPath);
        Assert.Equal("arn:aws:states:::s3:getObject", map.ItemReader!.Resource);
        Assert.Equal("CSV", map.ItemReader.ReaderConfig!["InputType"]!.GetValue<string>());
        Assert.Equal("$.key", map.ItemReader.Parameters!["Key.$"]!.GetValue<string>());
        Assert.Equal(10, map.ItemBatcher!.MaxItemsPerBatch!.GetValue<int>());
        Assert.Equal("$.bytes", map.ItemBatcher.MaxInputBytesPerBatchPath);
        Assert.Equal("$.factor", map.ItemBatcher.BatchInput!["factor.$"]!.GetValue<string>());
        Assert.Equal("arn:aws:states:::s3:putObject", map.ResultWriter!.Resource);
        Assert.Equal("JSON", map.ResultWriter.WriterConfig!["OutputType"]!.GetValue<string>());
        Assert.Equal("/States/Map/ItemProcessor", map.ItemProcessor.Location);
    }

    [Fact]
    public void Parse_LegacyIteratorAndParameters_MapToItemProcessorAndItemSelector()
    {
        // Act
        var map = Assert.IsType<MapState>(ShapeParse.Valid("parsing/legacy-iterator.asl.json").States["Map"]);

        // Assert
        Assert.Equal("Inner", map.ItemProcessor.StartAt);
        Assert.Equal("/States/Map/Iterator", map.ItemProcessor.Location);
        Assert.Equal("$$.Map.Item.Value", map.ItemSelector!["value.$"]!.GetValue<string>());
        Assert.Equal(MapMode.Inline, map.ProcessorConfig.Mode);
    }

    [Fact]
    public void Parse_ItemReaderWithoutResource_IsReported()
    {
        // Arrange
        const string json = """{"StartAt":"M","States":{"M":{"Type":"Map","ItemReader":{"ReaderConfig":{}},"ItemProcessor":{"StartAt":"P","States":{"P":{"Type":"Succeed"}}},"End":true}}}""";

        // Act
        var (_, diagnostics) = ShapeParse.Run(json);

        // Assert
        Assert.Equal("/States/M/ItemReader", Assert.Single(diagnostics).Location);
    }

    [Fact]
    public void Parse_BatcherPathInJsonata_IsReported()
    {
        // Arrange
        const string json = """{"QueryLanguage":"JSONata","StartAt":"M","States":{"M":{"Type":"Map","ItemBatcher":{"MaxItemsPerBatchPath":"$.n"},"ItemProcessor":{"StartAt":"P","States":{"P":{"Type":"Succeed"}}},"End":true}}}""";

        // Act
        var (_, diagnostics) = ShapeParse.Run(json);

        // Assert
        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal("/States/M/ItemBatcher/MaxItemsPerBatchPath", diagnostic.Location);
        Assert.Contains("only supported for the 'JSONPath' QueryLanguage", diagnostic.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"\"")]
    [InlineData("\"/inventory/products\"")]
    [InlineData("\"/a~1b/0/m~0n\"")]
    public void Parse_ItemsPointerWithInputTypeJson_IsValid(string pointer)
    {
        var (_, diagnostics) = ShapeParse.Run(ItemsPointerMachine("JSON", pointer));

        Assert.Empty(diagnostics);
    }

    [Theory]
    [InlineData("JSON", "\"products\"", "The value of field 'ItemsPointer' must be a JSON Pointer: empty or starting with '/', with '~' only in '~0' or '~1'")]
    [InlineData("JSON", "\"/a~2b\"", "The value of field 'ItemsPointer' must be a JSON Pointer: empty or starting with '/', with '~' only in '~0' or '~1'")]
    [InlineData("JSON", "\"/a~\"", "The value of field 'ItemsPointer' must be a JSON Pointer: empty or starting with '/', with '~' only in '~0' or '~1'")]
    [InlineData("JSON", "5", "The value of field 'ItemsPointer' must be a string")]
    [InlineData("CSV", "\"/rows\"", "The field 'ItemsPointer' is only valid with InputType JSON")]
    [InlineData("JSONL", "\"/rows\"", "The field 'ItemsPointer' is only valid with InputType JSON")]
    [InlineData(null, "\"/rows\"", "The field 'ItemsPointer' is only valid with InputType JSON")]
    public void Parse_ItemsPointerProblem_IsReportedAtTheField(string? inputType, string pointer, string message)
    {
        var (_, diagnostics) = ShapeParse.Run(ItemsPointerMachine(inputType, pointer));

        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal("/States/M/ItemReader/ReaderConfig/ItemsPointer", diagnostic.Location);
        Assert.Equal(message, diagnostic.Message);
    }

    [Fact]
    public void Parse_ItemsPointerOf2000Characters_IsTooLong()
    {
        var (_, diagnostics) = ShapeParse.Run(ItemsPointerMachine("JSON", "\"/" + new string('a', 1999) + "\""));

        Assert.Equal("The value of field 'ItemsPointer' must be shorter than 2000 characters", Assert.Single(diagnostics).Message);
    }

    [Fact]
    public void Parse_ItemsPointerInJsonata_IsValid()
    {
        const string json = """{"QueryLanguage":"JSONata","StartAt":"M","States":{"M":{"Type":"Map","ItemReader":{"Resource":"arn:aws:states:::s3:getObject","ReaderConfig":{"InputType":"JSON","ItemsPointer":"/a/b"},"Arguments":{"Bucket":"b","Key":"k"}},"ItemProcessor":{"ProcessorConfig":{"Mode":"DISTRIBUTED","ExecutionType":"EXPRESS"},"StartAt":"P","States":{"P":{"Type":"Succeed"}}},"End":true}}}""";

        Assert.Empty(ShapeParse.Run(json).Diagnostics);
    }

    private static string ItemsPointerMachine(string? inputType, string pointer)
    {
        var config = (inputType is null ? "" : "\"InputType\":\"" + inputType + "\",") + "\"ItemsPointer\":" + pointer;
        return """{"StartAt":"M","States":{"M":{"Type":"Map","ItemReader":{"Resource":"arn:aws:states:::s3:getObject","ReaderConfig":{"""
            + config
            + """},"Parameters":{"Bucket":"b","Key":"k"}},"ItemProcessor":{"ProcessorConfig":{"Mode":"DISTRIBUTED","ExecutionType":"EXPRESS"},"StartAt":"P","States":{"P":{"Type":"Succeed"}}},"End":true}}}""";
    }
}
