using System.Text.Json.Nodes;
using AslOnDurable.Core.Engine;
using AslOnDurable.Core.Engine.Items;
using AslOnDurable.Core.Engine.MapRuns;
using AslOnDurable.Core.Engine.Lifecycle;
using AslOnDurable.Core.Errors;
using AslOnDurable.Core.Parsing;
using AslOnDurable.Core.Tests.Parsing;
using AslOnDurable.Testing;

namespace AslOnDurable.Core.Tests.Engine.Executors;

/// <summary>A distributed Map's ItemReader on the engine (definitions in <c>item-storage/</c>), over an in-memory item store.</summary>
public sealed class MapItemReaderTests
{
    private static ExecutionResult Run(string definition, MemoryItemStore store, string input = "{}") =>
        EngineRun.Run(DefinitionFixtures.Read($"item-storage/{definition}.asl.json"), input, new FakeExecutionHost { ItemStore = store });

    [Fact]
    public void ItemReader_JsonArray_EachElementIsAnItem()
    {
        var store = new MemoryItemStore().With("data", "in/items.json", """[{"a":1}, "two", 3, null]""");

        var result = Run("items-json", store, """{"bucket":"data","key":"in/items.json","max":100}""");

        Assert.True(result.Error is null, result.Error?.Cause);
        JsonAssert.Equal("""[{"a":1},"two",3,null]""", result.Output);
    }

    [Theory]
    [InlineData("items-json", "items.json", "[1,2,3,4]")]
    [InlineData("items-jsonl", "items.jsonl", "1\n2\n3\n4\n")]
    public async Task ItemReader_MoreItemsThanTheInMemoryLimit_FailsWithItemReaderFailedNamingTheLimit(string definition, string key, string content)
    {
        var store = new MemoryItemStore().With("data", key, content);
        var input = $$"""{"bucket":"data","key":"{{key}}","max":100}""";

        var result = await new Interpreter(EngineRun.Compile(DefinitionFixtures.Read($"item-storage/{definition}.asl.json")))
            .RunAsync(
                new ExecutionRequest { Input = JsonNode.Parse(input), Name = "exec-1", StateMachineName = "machine" },
                new FakeExecutionHost { ItemStore = store },
                new ExecutionOptions { MaxInMemoryMapItems = 3 });

        Assert.Equal(StatesErrorNames.ItemReaderFailed, result.Error!.Error);
        Assert.Contains("data/" + key, result.Error.Cause, StringComparison.Ordinal);
        Assert.Contains("more than 3 items", result.Error.Cause, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ItemReader_AsManyItemsAsTheInMemoryLimit_AllRun()
    {
        var store = new MemoryItemStore().With("data", "items.json", "[1,2,3]");

        var result = await new Interpreter(EngineRun.Compile(DefinitionFixtures.Read("item-storage/items-json.asl.json")))
            .RunAsync(
                new ExecutionRequest { Input = JsonNode.Parse("""{"bucket":"data","key":"items.json","max":100}"""), Name = "exec-1", StateMachineName = "machine" },
                new FakeExecutionHost { ItemStore = store },
                new ExecutionOptions { MaxInMemoryMapItems = 3 });

        Assert.True(result.Error is null, result.Error?.Cause);
        JsonAssert.Equal("[1,2,3]", result.Output);
    }

    [Fact]
    public void ItemReader_JsonNotAnArray_FailsWithItemReaderFailed()
    {
        var store = new MemoryItemStore().With("data", "items.json", """{"a":1}""");

        var result = Run("items-json", store, """{"bucket":"data","key":"items.json","max":100}""");

        Assert.Equal(StatesErrorNames.ItemReaderFailed, result.Error!.Error);
        Assert.Contains("data/items.json", result.Error.Cause, StringComparison.Ordinal);
    }

    [Fact]
    public void ItemReader_MaxItemsPath_ReadsOnlyThatMany()
    {
        var store = new MemoryItemStore().With("data", "items.json", "[1,2,3,4,5]");

        var result = Run("items-json", store, """{"bucket":"data","key":"items.json","max":2}""");

        JsonAssert.Equal("[1,2]", result.Output);
    }

    [Fact]
    public void ItemReader_JsonLines_SkipsBlankLines()
    {
        var store = new MemoryItemStore().With("data", "items.jsonl", "{\"n\":1}\n\n{\"n\":2}\r\n[3]\n");

        var result = Run("items-jsonl", store, """{"bucket":"data","key":"items.jsonl"}""");

        JsonAssert.Equal("""[{"n":1},{"n":2},[3]]""", result.Output);
    }

    [Fact]
    public void ItemReader_JsonLinesMalformedLine_CauseNamesTheLine()
    {
        var store = new MemoryItemStore().With("data", "items.jsonl", "{\"n\":1}\n{\"n\":\n{\"n\":3}\n");

        var result = Run("items-jsonl", store, """{"bucket":"data","key":"items.jsonl"}""");

        Assert.Equal(StatesErrorNames.ItemReaderFailed, result.Error!.Error);
        Assert.Contains("line 2", result.Error.Cause, StringComparison.Ordinal);
        Assert.Contains("data/items.jsonl", result.Error.Cause, StringComparison.Ordinal);
    }

    [Fact]
    public void ItemReader_MissingBlob_FailsWithItemReaderFailedNamingIt()
    {
        var result = Run("items-jsonl", new MemoryItemStore(), """{"bucket":"data","key":"nope.jsonl"}""");

        Assert.Equal(StatesErrorNames.ItemReaderFailed, result.Error!.Error);
        Assert.Equal("The object data/nope.jsonl does not exist (no blob 'nope.jsonl' in container 'data').", result.Error.Cause);
    }

    [Fact]
    public void ItemReader_CsvFirstRow_ItemsAreObjectsOfStringsKeyedByHeader()
    {
        var store = new MemoryItemStore().With("data", "p.csv", "id,name,note\r\n1,Ann,\"says \"\"hi\"\", then\nleaves\"\r\n2,Bob,\n");

        var result = Run("items-csv", store, """{"bucket":"data","key":"p.csv"}""");

        JsonAssert.Equal("""[{"id":"1","name":"Ann","note":"says \"hi\", then\nleaves"},{"id":"2","name":"Bob","note":""}]""", result.Output);
    }

    [Fact]
    public void ItemReader_CsvEmpty_FailsBecauseThereAreNoHeaders()
    {
        var store = new MemoryItemStore().With("data", "p.csv", "");

        var result = Run("items-csv", store, """{"bucket":"data","key":"p.csv"}""");

        Assert.Equal(StatesErrorNames.ItemReaderFailed, result.Error!.Error);
        Assert.Contains("no header row", result.Error.Cause, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a,b\n1,2,3\n", "3 fields on line 2 but 2 headers")]
    [InlineData("a,a\n1,2\n", "the header 'a' twice")]
    [InlineData("a,b\n\"1,2\n", "never closed")]
    public void ItemReader_MalformedCsv_CauseSaysWhatAndWhere(string text, string cause)
    {
        var store = new MemoryItemStore().With("data", "p.csv", text);

        var result = Run("items-csv", store, """{"bucket":"data","key":"p.csv"}""");

        Assert.Equal(StatesErrorNames.ItemReaderFailed, result.Error!.Error);
        Assert.Contains(cause, result.Error.Cause, StringComparison.Ordinal);
    }

    [Fact]
    public void ItemReader_CsvGivenHeadersAndPipe_EveryRowIsAnItem()
    {
        var store = new MemoryItemStore().With("data", "people.psv", "1|Ann\n2|Bob\n");

        var result = Run("items-csv-given", store);

        JsonAssert.Equal("""[{"id":"1","name":"Ann"},{"id":"2","name":"Bob"}]""", result.Output);
    }

    [Fact]
    public async Task ItemReader_Manifest_ReadsEveryGzippedInventoryFile()
    {
        var store = new MemoryItemStore()
            .With("inventory", "data/config/manifest.json", """{"sourceBucket":"photos","destinationBucket":"arn:aws:s3:::inventory","fileFormat":"CSV","fileSchema":"Bucket, Key, Size","files":[{"key":"data/a.csv.gz"},{"key":"data/b.csv"}]}""");
        await store.WriteAsync("inventory", "data/a.csv.gz", Gzip("\"photos\",\"x.jpg\",\"10\"\n\"photos\",\"y.jpg\",\"20\"\n"), CancellationToken.None);
        store.With("inventory", "data/b.csv", "photos,z.jpg,30\n");

        var result = Run("items-manifest", store);

        JsonAssert.Equal(
            """[{"Bucket":"photos","Key":"x.jpg","Size":"10"},{"Bucket":"photos","Key":"y.jpg","Size":"20"},{"Bucket":"photos","Key":"z.jpg","Size":"30"}]""",
            result.Output);
    }

    [Fact]
    public void ItemReader_ManifestOfAnotherFormat_Fails()
    {
        var store = new MemoryItemStore().With("inventory", "data/config/manifest.json", """{"fileFormat":"ORC","fileSchema":"x","files":[]}""");

        var result = Run("items-manifest", store);

        Assert.Equal(StatesErrorNames.ItemReaderFailed, result.Error!.Error);
        Assert.Contains("fileFormat 'ORC'", result.Error.Cause, StringComparison.Ordinal);
    }

    [Fact]
    public void ItemReader_ListObjectsV2_ItemsAreTheBlobsUnderThePrefixWithS3Fields()
    {
        var store = new MemoryItemStore().With("photos", "2024/a.jpg", "aaaa").With("photos", "2024/b.jpg", "bb").With("photos", "2025/c.jpg", "c");

        var result = Run("items-list", store, """{"prefix":"2024/"}""");

        JsonAssert.Equal("""[{"key":"2024/a.jpg","size":4,"index":0},{"key":"2024/b.jpg","size":2,"index":1}]""", result.Output);
    }

    [Fact]
    public void ItemReader_ListObjectsV2Item_HasEtagKeyLastModifiedSizeStorageClass()
    {
        var store = new MemoryItemStore { Now = DateTimeOffset.FromUnixTimeSeconds(1668699881) }.With("photos", "p/a.jpg", "aaaa");
        var result = Run("items-list-raw", store, """{"prefix":"p/"}""");

        JsonAssert.Equal("""[{"Etag":"\"v1\"","Key":"p/a.jpg","LastModified":1668699881,"Size":4,"StorageClass":"STANDARD"}]""", result.Output);
    }

    [Fact]
    public void ItemReader_AzureForm_ReadsContainerAndBlob()
    {
        var store = new MemoryItemStore().With("data", "items.jsonl", "1\n2\n");

        var result = Run("items-azure", store);

        JsonAssert.Equal("[1,2]", result.Output);
    }

    [Fact]
    public async Task ItemReader_JsonataArgumentsMaxItemsSelectorAndBatcher_BatchesTheSelectedItems()
    {
        var store = new MemoryItemStore().With("data", "items.jsonl", "{\"n\":1}\n{\"n\":2}\n{\"n\":3}\n{\"n\":4}\n");

        var plan = ExecutionPlan.Compile(DefinitionParser.Parse(DefinitionFixtures.Read("item-storage/items-jsonata.asl.json")).Definition!, new JsonataLibraryEvaluator());

        var result = await new Interpreter(plan).RunAsync(
            new ExecutionRequest { Input = JsonNode.Parse("""{"bucket":"data","key":"items.jsonl","max":3,"run":"r1"}"""), Name = "exec-1", StateMachineName = "machine" },
            new FakeExecutionHost { ItemStore = store },
            new ExecutionOptions());

        Assert.True(result.Error is null, result.Error?.Cause);
        JsonAssert.Equal("""[{"BatchInput":{"run":"r1"},"Items":[{"n":10},{"n":20}]},{"BatchInput":{"run":"r1"},"Items":[{"n":30}]}]""", result.Output);
    }

    [Fact]
    public void ItemReader_HostWithoutItemStore_FailsWithRuntimeNamingTheOptions()
    {
        var result = EngineRun.Run(DefinitionFixtures.Read("item-storage/items-azure.asl.json"), "{}", new FakeExecutionHost());

        Assert.Equal(StatesErrorNames.Runtime, result.Error!.Error);
        Assert.Contains("needs a host with item storage", result.Error.Cause, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"bucket":"data","key":"","max":1}""", "The ItemReader needs a non-empty string 'Key'.")]
    [InlineData("""{"bucket":"data","key":"i.json","max":-1}""", "ReaderConfig.MaxItems must be between 0 and 100000000 but was -1.")]
    public void ItemReader_BadParameters_FailsWithItemReaderFailed(string input, string cause)
    {
        var result = Run("items-json", new MemoryItemStore(), input);

        Assert.Equal(StatesErrorNames.ItemReaderFailed, result.Error!.Error);
        Assert.Equal(cause, result.Error.Cause);
    }

    [Fact]
    public void ItemReader_ItemsPointer_IteratesTheNestedArrayWithItsOwnIndexes()
    {
        var store = new MemoryItemStore().With("data", "nested.json", """{"version":2,"inventory":{"count":2,"products":[{"name":"a"},{"name":"b"}]}}""");

        var result = Run("items-json-pointer", store, """{"key":"nested.json"}""");

        Assert.True(result.Error is null, result.Error?.Cause);
        JsonAssert.Equal("""[{"index":0,"name":"a"},{"index":1,"name":"b"}]""", result.Output);
    }

    [Fact]
    public void ItemReader_ItemsPointerAtAnObject_IteratesItsMembersAsPairsInOrder()
    {
        var store = new MemoryItemStore().With("data", "nested.json", """{"inventory":{"products":{"b":{"name":"b"},"a":{"name":"a"}}}}""");

        var result = EngineRun.Run(
            """
            {"StartAt":"Read","States":{"Read":{"Type":"Map",
              "ItemReader":{"Resource":"arn:aws:states:::s3:getObject","ReaderConfig":{"InputType":"JSON","ItemsPointer":"/inventory/products"},
                "Parameters":{"Bucket":"data","Key":"nested.json"}},
              "ItemSelector":{"index.$":"$$.Map.Item.Index","pair.$":"$$.Map.Item.Value"},
              "ItemProcessor":{"ProcessorConfig":{"Mode":"DISTRIBUTED","ExecutionType":"EXPRESS"},"StartAt":"Echo","States":{"Echo":{"Type":"Pass","End":true}}},
              "End":true}}}
            """,
            "{}",
            new FakeExecutionHost { ItemStore = store });

        Assert.True(result.Error is null, result.Error?.Cause);
        JsonAssert.Equal("""[{"index":0,"pair":{"Key":"b","Value":{"name":"b"}}},{"index":1,"pair":{"Key":"a","Value":{"name":"a"}}}]""", result.Output);
    }

    [Theory]
    [InlineData("""{"inventory":{"items":[]}}""", JsonItemsPointerReader.NoMatchCause)]
    [InlineData("""{"inventory":{"products":7}}""", JsonItemsPointerReader.NotIterableCause)]
    public void ItemReader_ItemsPointerMissesOrSelectsAScalar_FailsWithItemReaderFailed(string file, string cause)
    {
        var store = new MemoryItemStore().With("data", "nested.json", file);

        var result = Run("items-json-pointer", store, """{"key":"nested.json"}""");

        Assert.Equal(StatesErrorNames.ItemReaderFailed, result.Error!.Error);
        Assert.Equal(cause, result.Error.Cause);
    }

    [Fact]
    public async Task MapRunReader_ItemsPointer_StreamsTheNestedArray()
    {
        var store = new MemoryItemStore().With("data", "nested.json", """{"page":{"rows":[1,[2],{"c":3}]}}""");
        var request = PointerRequest("JSON", "/page/rows");

        List<JsonNode?> items = [];
        await foreach (var item in MapRunChunks.ReadItemsAsync(store, request, CancellationToken.None))
        {
            items.Add(item);
        }

        JsonAssert.Equal("""[1,[2],{"c":3}]""", new JsonArray([.. items]));
    }

    [Fact]
    public async Task MapRunReader_ItemsPointerAtAnObject_StreamsItsMembersAsPairs()
    {
        var store = new MemoryItemStore().With("data", "nested.json", """{"page":{"rows":{"r2":[2],"r1":{"c":1}}}}""");
        var request = PointerRequest("JSON", "/page/rows");

        List<JsonNode?> items = [];
        await foreach (var item in MapRunChunks.ReadItemsAsync(store, request, CancellationToken.None))
        {
            items.Add(item);
        }

        JsonAssert.Equal("""[{"Key":"r2","Value":[2]},{"Key":"r1","Value":{"c":1}}]""", new JsonArray([.. items]));
    }

    [Theory]
    [InlineData("CSV", "records", "ReaderConfig.ItemsPointer is only valid with InputType JSON.")]
    [InlineData("JSON", "records", "ReaderConfig.ItemsPointer 'records' is not a JSON Pointer shorter than 2000 characters.")]
    public async Task MapRunReader_ItemsPointerTheValidatorRejects_FailsWithItemReaderFailed(string inputType, string pointer, string cause)
    {
        var request = PointerRequest(inputType, pointer);

        var error = await Assert.ThrowsAsync<AslErrorException>(async () =>
        {
            await foreach (var unused in MapRunChunks.ReadItemsAsync(new MemoryItemStore(), request, CancellationToken.None))
            {
            }
        });

        Assert.Equal(StatesErrorNames.ItemReaderFailed, error.Error.Error);
        Assert.Equal(cause, error.Error.Cause);
    }

    private static MapRunRequest PointerRequest(string inputType, string pointer) => new()
    {
        MapRunArn = "arn", MapRunId = "id", Label = "Read", StateName = "Read", ArnPrefix = "arn:aws:states:us-east-1:123456789012",
        ExecutionName = "exec", StateMachineName = "machine", ExecutionStartTime = DateTimeOffset.UnixEpoch, StateEnteredTime = DateTimeOffset.UnixEpoch,
        ReaderResource = "arn:aws:states:::s3:getObject",
        ReaderArguments = JsonNode.Parse("""{"Bucket":"data","Key":"nested.json"}"""),
        ReaderConfig = new JsonObject { ["InputType"] = inputType, ["ItemsPointer"] = pointer },
    };

    private static byte[] Gzip(string text)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new System.IO.Compression.GZipStream(buffer, System.IO.Compression.CompressionLevel.Fastest))
        {
            gzip.Write(System.Text.Encoding.UTF8.GetBytes(text));
        }

        return buffer.ToArray();
    }
}
