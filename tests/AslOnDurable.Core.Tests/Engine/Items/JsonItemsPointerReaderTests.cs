using System.Collections.Immutable;
using System.Text;
using System.Text.Json.Nodes;
using AslOnDurable.Core.Engine.Items;
using AslOnDurable.Core.Errors;
using AslOnDurable.Core.Parsing;
using AslOnDurable.Testing;

namespace AslOnDurable.Core.Tests.Engine.Items;

/// <summary>
/// ReaderConfig.ItemsPointer over a JSON file: the reader walks to the pointed array (or object) and streams its items, with
/// AWS's causes when the pointer misses or points at something that cannot be iterated.
/// </summary>
public sealed class JsonItemsPointerReaderTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(4096)]
    public async Task Read_NestedArray_YieldsItsElementsWhateverTheReadSize(int readSize)
    {
        const string file = """{"version":"1","skip":{"items":[9,9],"deep":[[1],{"x":[2]}]},"inventory":{"note":"a \"quoted\" } value","products":[{"name":"a","tags":["x",{"y":1}]},"two",3,null,true,[4,5]]},"after":[0]}""";

        var items = await ReadAsync(file, "/inventory/products", readSize);

        JsonAssert.Equal("""[{"name":"a","tags":["x",{"y":1}]},"two",3,null,true,[4,5]]""", new JsonArray([.. items]));
    }

    [Fact]
    public async Task Read_ArrayIndexAndEscapedTokens_FollowRfc6901()
    {
        const string file = """{"a/b":[{"skip":[1,2]},{"m~n":[["first"],["second"]]}]}""";

        var items = await ReadAsync(file, "/a~1b/1/m~0n/1", readSize: 3);

        JsonAssert.Equal("""["second"]""", new JsonArray([.. items]));
    }

    [Fact]
    public async Task Read_ElementLargerThanTheReadBuffer_IsReadWhole()
    {
        var big = new string('x', 200_000);
        var file = "{\"data\":{\"items\":[{\"text\":\"" + big + "\"},{\"text\":\"small\"}]}}";

        var items = await ReadAsync(file, "/data/items", readSize: 50_000);

        Assert.Equal(2, items.Count);
        Assert.Equal(big, (string?)items[0]!["text"]);
        Assert.Equal("small", (string?)items[1]!["text"]);
    }

    [Fact]
    public async Task Read_EmptyArray_NoItems()
    {
        Assert.Empty(await ReadAsync("""{"items":[]}""", "/items", readSize: 2));
    }

    [Theory]
    [InlineData("""{"records":[1]}""", "/missing")]
    [InlineData("""{"records":[1]}""", "/records/0/deeper")]
    [InlineData("""{"records":[[1],[2]]}""", "/records/2")]
    [InlineData("""{"records":[[1],[2]]}""", "/records/01")]
    [InlineData("""{"records":[[1],[2]]}""", "/records/-")]
    [InlineData("""[[1]]""", "/records")]
    public async Task Read_PointerMatchesNothing_FailsWithAwsCause(string file, string pointer)
    {
        var error = await Assert.ThrowsAsync<AslErrorException>(() => ReadAsync(file, pointer, readSize: 5));

        Assert.Equal(StatesErrorNames.ItemReaderFailed, error.Error.Error);
        Assert.Equal(JsonItemsPointerReader.NoMatchCause, error.Error.Cause);
    }

    [Theory]
    [InlineData("""{"records":123}""")]
    [InlineData("""{"records":"text"}""")]
    [InlineData("""{"records":null}""")]
    public async Task Read_PointerAtAScalar_FailsAsNotIterable(string file)
    {
        var error = await Assert.ThrowsAsync<AslErrorException>(() => ReadAsync(file, "/records", readSize: 4));

        Assert.Equal(StatesErrorNames.ItemReaderFailed, error.Error.Error);
        Assert.Equal(JsonItemsPointerReader.NotIterableCause, error.Error.Cause);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(4096)]
    public async Task Read_PointerAtAnObject_YieldsEachMemberAsAKeyValuePairInOrder(int readSize)
    {
        const string file = """{"servers":{"web":{"zeta":{"port":80,"tags":["a"]},"alpha":"x \"}\" y","n":null,"deep":[1,{"k":[2]}]}},"tail":{"q":1}}""";

        var items = await ReadAsync(file, "/servers/web", readSize);

        JsonAssert.Equal(
            """[{"Key":"zeta","Value":{"port":80,"tags":["a"]}},{"Key":"alpha","Value":"x \"}\" y"},{"Key":"n","Value":null},{"Key":"deep","Value":[1,{"k":[2]}]}]""",
            new JsonArray([.. items]));
    }

    [Fact]
    public async Task Read_PointerAtAnEmptyObject_NoItems()
    {
        Assert.Empty(await ReadAsync("""{"records":{}}""", "/records", readSize: 2));
    }

    [Fact]
    public async Task Read_TargetStartingPastTheLimit_Fails()
    {
        var file = $$"""{"pad":"{{new string(' ', 100)}}","items":[1]}""";

        var error = await Assert.ThrowsAsync<AslErrorException>(() => ReadAsync(file, "/items", readSize: 16, targetWithin: 64));

        Assert.Equal(StatesErrorNames.ItemReaderFailed, error.Error.Error);
        Assert.Contains("must start within the object's first 64 bytes", error.Error.Cause, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"items":[1,2""")]
    [InlineData("""{"items":[1,}""")]
    public async Task Read_MalformedOrTruncated_FailsNamingTheObject(string file)
    {
        var error = await Assert.ThrowsAsync<AslErrorException>(() => ReadAsync(file, "/items", readSize: 3));

        Assert.Equal(StatesErrorNames.ItemReaderFailed, error.Error.Error);
        Assert.Contains("data/file.json", error.Error.Cause, StringComparison.Ordinal);
    }

    private static async Task<List<JsonNode?>> ReadAsync(string file, string pointer, int readSize, long targetWithin = JsonItemsPointerReader.TargetWithin)
    {
        ImmutableArray<string> tokens = JsonPointer.TryParse(pointer) ?? throw new ArgumentException("not a pointer", nameof(pointer));
        using var stream = new TrickleStream(Encoding.UTF8.GetBytes(file), readSize);
        List<JsonNode?> items = [];
        await foreach (var item in JsonItemsPointerReader.ReadAsync(stream, tokens, "data/file.json", targetWithin, CancellationToken.None))
        {
            items.Add(item);
        }

        return items;
    }

    /// <summary>A stream that answers at most a few bytes per read, as a network stream may.</summary>
    private sealed class TrickleStream(byte[] data, int readSize) : MemoryStream(data)
    {
        public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(count, readSize));

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            base.ReadAsync(buffer[..Math.Min(buffer.Length, readSize)], cancellationToken);
    }
}
