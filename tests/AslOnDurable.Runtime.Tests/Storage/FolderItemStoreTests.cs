using AslOnDurable.Core.Engine.Items;
using AslOnDurable.Runtime.Storage;

namespace AslOnDurable.Runtime.Tests.Storage;

/// <summary>The item store contract on a local folder (containers as sub-folders), plus its name checks.</summary>
public sealed class FolderItemStoreTests : ItemStoreContractTests, IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("asl-items-").FullName;

    /// <inheritdoc/>
    protected override IItemStore Store => new FolderItemStore(root);

    [Theory]
    [InlineData("c", "../escape.txt")]
    [InlineData("c", "a//b.txt")]
    [InlineData("..", "x.txt")]
    [InlineData("a/b", "x.txt")]
    public async Task WriteAsync_NameLeavingTheContainer_IsRefused(string container, string name)
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Store.WriteAsync(container, name, "x"u8.ToArray(), CancellationToken.None));
    }

    [Fact]
    public async Task WriteAsync_Blob_IsAFileUnderTheContainerFolder()
    {
        await Store.WriteAsync("data", "in/items.jsonl", "1\n"u8.ToArray(), CancellationToken.None);

        Assert.Equal("1\n", await File.ReadAllTextAsync(Path.Combine(root, "data", "in", "items.jsonl")));
    }

    public void Dispose() => Directory.Delete(root, recursive: true);
}
