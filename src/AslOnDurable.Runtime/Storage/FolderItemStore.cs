using System.Globalization;
using System.Runtime.CompilerServices;
using AslOnDurable.Core.Engine.Items;

namespace AslOnDurable.Runtime.Storage;

/// <summary>
/// A local folder standing in for a storage account: each container is a sub-folder and a blob name is a path
/// below it (<c>/</c> separates folders), so <c>Bucket</c> <c>data</c> and <c>Key</c> <c>in/items.jsonl</c> is the
/// file <c>&lt;root&gt;/data/in/items.jsonl</c>. Names that would leave the container are refused.
/// </summary>
/// <param name="root">The folder that holds the containers.</param>
public sealed class FolderItemStore(string root) : IItemStore
{
    private readonly string rootPath = Path.GetFullPath(root);

    /// <summary>The folder that holds the containers.</summary>
    public string Root => rootPath;

    /// <inheritdoc/>
    public Task<Stream?> OpenReadAsync(string container, string name, CancellationToken cancellationToken)
    {
        var path = BlobPath(container, name);
        Stream? stream = File.Exists(path)
            ? new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, FileOptions.Asynchronous | FileOptions.SequentialScan)
            : null;
        return Task.FromResult(stream);
    }

    /// <inheritdoc/>
    public async IAsyncEnumerable<StoredBlob> ListAsync(string container, string prefix, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var folder = ContainerPath(container);
        if (!Directory.Exists(folder))
        {
            yield break;
        }

        var names = new List<(string Key, FileInfo File)>();
        foreach (var file in new DirectoryInfo(folder).EnumerateFiles("*", SearchOption.AllDirectories))
        {
            var key = Path.GetRelativePath(folder, file.FullName).Replace(Path.DirectorySeparatorChar, '/');
            if (key.StartsWith(prefix, StringComparison.Ordinal))
            {
                names.Add((key, file));
            }
        }

        names.Sort(static (a, b) => string.CompareOrdinal(a.Key, b.Key));
        foreach (var (key, file) in names)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var modified = new DateTimeOffset(file.LastWriteTimeUtc, TimeSpan.Zero);
            var etag = string.Create(CultureInfo.InvariantCulture, $"\"{modified.UtcTicks:x}-{file.Length:x}\"");
            yield return new StoredBlob(key, file.Length, modified, etag);
            await Task.Yield();
        }
    }

    /// <inheritdoc/>
    public async Task<long> WriteAsync(string container, string name, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        var path = BlobPath(container, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllBytesAsync(path, content, cancellationToken).ConfigureAwait(false);
        return content.Length;
    }

    /// <inheritdoc />
    /// <remarks>Folders left empty inside the container are removed too.</remarks>
    public Task DeleteAsync(string container, string name, CancellationToken cancellationToken)
    {
        var path = BlobPath(container, name);
        if (File.Exists(path))
        {
            File.Delete(path);
            var root = ContainerPath(container);
            for (var folder = Path.GetDirectoryName(path); folder is not null && folder.Length > root.Length
                && Directory.Exists(folder) && !Directory.EnumerateFileSystemEntries(folder).Any(); folder = Path.GetDirectoryName(folder))
            {
                Directory.Delete(folder);
            }
        }

        return Task.CompletedTask;
    }

    private string ContainerPath(string container)
    {
        if (container.Length == 0 || container is "." or ".." || container.IndexOfAny(['/', '\\']) >= 0)
        {
            throw new ArgumentException($"'{container}' is not a valid container name.", nameof(container));
        }

        return Path.Combine(rootPath, container);
    }

    private string BlobPath(string container, string name)
    {
        var folder = ContainerPath(container);
        var segments = name.Split('/');
        if (name.Length == 0 || Array.Exists(segments, static s => s is "" or "." or ".." || s.Contains('\\', StringComparison.Ordinal)))
        {
            throw new ArgumentException($"'{name}' is not a blob name this folder store can hold (empty, '.' or '..' segments).", nameof(name));
        }

        return Path.Combine([folder, .. segments]);
    }
}
