using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using AslOnDurable.Core.Engine;
using AslOnDurable.Core.Engine.Items;
using AslOnDurable.Core.Errors;
using AslOnDurable.Testing;

namespace AslOnDurable.Runtime.Tests.Storage;

/// <summary>
/// What every <see cref="IItemStore"/> must do, and the distributed Map's readers and writer running on it end to end.
/// Runs once per implementation (a local folder, and Blob Storage on Azurite).
/// </summary>
public abstract class ItemStoreContractTests
{
    private readonly string container = "c" + Guid.NewGuid().ToString("N", CultureInfo.InvariantCulture)[..20];

    /// <summary>The store under test.</summary>
    protected abstract IItemStore Store { get; }

    [Fact]
    public async Task WriteAsync_ThenOpenReadAsync_ReturnsTheBytes()
    {
        var size = await Store.WriteAsync(container, "a/b/c.txt", "héllo"u8.ToArray(), CancellationToken.None);

        await using var stream = await Store.OpenReadAsync(container, "a/b/c.txt", CancellationToken.None);
        using var reader = new StreamReader(stream!);
        Assert.Equal(6, size);
        Assert.Equal("héllo", await reader.ReadToEndAsync());
    }

    [Fact]
    public async Task WriteAsync_Twice_ReplacesTheBlob()
    {
        await Store.WriteAsync(container, "x.txt", "first"u8.ToArray(), CancellationToken.None);
        await Store.WriteAsync(container, "x.txt", "2"u8.ToArray(), CancellationToken.None);

        await using var stream = await Store.OpenReadAsync(container, "x.txt", CancellationToken.None);
        using var reader = new StreamReader(stream!);
        Assert.Equal("2", await reader.ReadToEndAsync());
    }

    [Fact]
    public async Task DeleteAsync_RemovesTheBlob_AbsentOnesAreNoError()
    {
        await Store.WriteAsync(container, "run/items/0.json", "[1]"u8.ToArray(), CancellationToken.None);
        await Store.WriteAsync(container, "keep.txt", "k"u8.ToArray(), CancellationToken.None);

        await Store.DeleteAsync(container, "run/items/0.json", CancellationToken.None);
        await Store.DeleteAsync(container, "run/items/0.json", CancellationToken.None);
        await Store.DeleteAsync(container + "none", "x", CancellationToken.None);

        Assert.Null(await Store.OpenReadAsync(container, "run/items/0.json", CancellationToken.None));
        var left = new List<string>();
        await foreach (var blob in Store.ListAsync(container, string.Empty, CancellationToken.None))
        {
            left.Add(blob.Key);
        }

        Assert.Equal(["keep.txt"], left);
    }

    [Fact]
    public async Task OpenReadAsync_MissingBlobOrContainer_ReturnsNull()
    {
        await Store.WriteAsync(container, "present.txt", "x"u8.ToArray(), CancellationToken.None);

        Assert.Null(await Store.OpenReadAsync(container, "absent.txt", CancellationToken.None));
        Assert.Null(await Store.OpenReadAsync(container + "none", "present.txt", CancellationToken.None));
    }

    [Fact]
    public async Task ListAsync_Prefix_ReturnsMatchingBlobsInNameOrderWithSizeDateAndQuotedETag()
    {
        var before = DateTimeOffset.UtcNow.AddMinutes(-5);
        await Store.WriteAsync(container, "logs/b.txt", "bb"u8.ToArray(), CancellationToken.None);
        await Store.WriteAsync(container, "logs/a/1.txt", "a"u8.ToArray(), CancellationToken.None);
        await Store.WriteAsync(container, "other.txt", "o"u8.ToArray(), CancellationToken.None);

        var listed = new List<StoredBlob>();
        await foreach (var blob in Store.ListAsync(container, "logs/", CancellationToken.None))
        {
            listed.Add(blob);
        }

        Assert.Equal(["logs/a/1.txt", "logs/b.txt"], listed.Select(b => b.Key));
        Assert.Equal([1L, 2L], listed.Select(b => b.Size));
        Assert.All(listed, b => Assert.InRange(b.LastModified, before, DateTimeOffset.UtcNow.AddMinutes(5)));
        Assert.All(listed, b => Assert.Matches("^\".+\"$", b.ETag));
    }

    [Fact]
    public async Task ListAsync_MissingContainer_ListsNothing()
    {
        await foreach (var blob in Store.ListAsync(container + "none", string.Empty, CancellationToken.None))
        {
            Assert.Fail("listed " + blob.Key);
        }
    }

    [Fact]
    public async Task Map_JsonLinesReader_RunsEveryItem()
    {
        var text = new StringBuilder();
        for (var i = 0; i < 2000; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"{{\"n\":{i}}}\n");
        }

        await Write("in/items.jsonl", text.ToString());

        var result = await RunAsync("items-jsonl", $$"""{"bucket":"{{container}}","key":"in/items.jsonl"}""");

        var output = result.Output!.AsArray();
        Assert.Equal(2000, output.Count);
        Assert.Equal(1999, (int)output[1999]!["n"]!);
    }

    [Fact]
    public async Task Map_JsonAndCsvReaders_ReadTheSameItems()
    {
        await Write("i.json", """[{"id":"1","name":"Ann"},{"id":"2","name":"Bob"}]""");
        await Write("i.csv", "id,name\n1,Ann\n2,Bob\n");

        var json = await RunAsync("items-json", $$"""{"bucket":"{{container}}","key":"i.json","max":10}""");
        var csv = await RunAsync("items-csv", $$"""{"bucket":"{{container}}","key":"i.csv"}""");

        JsonAssert.Equal("""[{"id":"1","name":"Ann"},{"id":"2","name":"Bob"}]""", json.Output);
        JsonAssert.Equal("""[{"id":"1","name":"Ann"},{"id":"2","name":"Bob"}]""", csv.Output);
    }

    [Fact]
    public async Task Map_ListObjectsV2_ItemsAreTheBlobsUnderThePrefix()
    {
        await Write("2024/a.jpg", "aaaa");
        await Write("2024/b.jpg", "bb");
        await Write("2025/c.jpg", "c");
        var definition = DefinitionFiles.Read("item-storage", "items-list").Replace("\"photos\"", $"\"{container}\"", StringComparison.Ordinal);

        var result = await RunTextAsync(definition, """{"prefix":"2024/"}""");

        JsonAssert.Equal("""[{"key":"2024/a.jpg","size":4,"index":0},{"key":"2024/b.jpg","size":2,"index":1}]""", result.Output);
    }

    [Fact]
    public async Task Map_MissingBlob_FailsWithItemReaderFailed()
    {
        var result = await RunAsync("items-jsonl", $$"""{"bucket":"{{container}}","key":"missing.jsonl"}""");

        Assert.Equal(StatesErrorNames.ItemReaderFailed, result.Error!.Error);
        Assert.Contains($"{container}/missing.jsonl", result.Error.Cause, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Map_ResultWriter_WritesManifestAndResultFilesUnderThePrefix()
    {
        var definition = DefinitionFiles.Read("item-storage", "result-writer")
            .Replace("\"Bucket\": \"data\"", $"\"Bucket\": \"{container}\"", StringComparison.Ordinal)
            .Replace("\"Bucket\": \"results\"", $"\"Bucket\": \"{container}\"", StringComparison.Ordinal);
        await Write("items.jsonl", "{\"ok\":true,\"n\":1}\n{\"ok\":false,\"n\":2}\n");

        var result = await RunTextAsync(definition, """{"prefix":"runs/"}""");

        var key = (string)result.Output!["ResultWriterDetails"]!["Key"]!;
        Assert.StartsWith("runs/", key, StringComparison.Ordinal);
        var manifest = JsonNode.Parse(await Read(key))!;
        var succeeded = (string)manifest["ResultFiles"]!["SUCCEEDED"]![0]!["Key"]!;
        var failed = (string)manifest["ResultFiles"]!["FAILED"]![0]!["Key"]!;
        Assert.Equal("""{"doubled":2}""", (string?)JsonNode.Parse(await Read(succeeded))![0]!["Output"]);
        Assert.Equal("Item.Bad", (string?)JsonNode.Parse(await Read(failed))![0]!["Error"]);
    }

    private async Task Write(string name, string text) => await Store.WriteAsync(container, name, Encoding.UTF8.GetBytes(text), CancellationToken.None);

    private async Task<string> Read(string name)
    {
        await using var stream = await Store.OpenReadAsync(container, name, CancellationToken.None);
        Assert.NotNull(stream);
        using var reader = new StreamReader(stream);
        return await reader.ReadToEndAsync();
    }

    private Task<ExecutionResult> RunAsync(string definition, string input) => RunTextAsync(DefinitionFiles.Read("item-storage", definition), input);

    private async Task<ExecutionResult> RunTextAsync(string definition, string input)
    {
        var plan = EngineRun.Compile(definition);
        var request = new ExecutionRequest { Input = JsonNode.Parse(input), Name = "exec-1", StateMachineName = "machine" };
        return await new Interpreter(plan).RunAsync(request, new FakeExecutionHost { ItemStore = Store }, new ExecutionOptions());
    }
}
