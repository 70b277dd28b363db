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
}
