using System.Runtime.CompilerServices;
using System.Text;
using AslOnDurable.Core.Engine.Items;

namespace AslOnDurable.Testing;

/// <summary>
/// An item store held in a dictionary, for engine tests; ETags count writes. Thread-safe as every store must be: a durable
/// map run's chunk activities read and write it at the same time.
/// </summary>
public sealed class MemoryItemStore : IItemStore
{
    private readonly Lock gate = new();
    private readonly SortedDictionary<(string Container, string Name), (byte[] Content, DateTimeOffset Modified, int Version)> blobs = new();
    private int version;

    /// <summary>When the next blob is written.</summary>
    public DateTimeOffset Now { get; set; } = new(2024, 1, 2, 3, 4, 5, TimeSpan.Zero);

    /// <summary>Writes a text blob.</summary>
    public MemoryItemStore With(string container, string name, string text)
    {
        WriteAsync(container, name, Encoding.UTF8.GetBytes(text), CancellationToken.None).GetAwaiter().GetResult();
        return this;
    }

    /// <summary>The text of a blob, or <see langword="null"/>.</summary>
    public string? Text(string container, string name) =>
        TryGet(container, name, out var content) ? Encoding.UTF8.GetString(content) : null;

    /// <summary>Every blob name of a container.</summary>
    public IReadOnlyList<string> Names(string container)
    {
        lock (gate)
        {
            return [.. blobs.Keys.Where(k => k.Container == container).Select(k => k.Name)];
        }
    }

    /// <inheritdoc/>
    public Task<Stream?> OpenReadAsync(string container, string name, CancellationToken cancellationToken) =>
        Task.FromResult<Stream?>(TryGet(container, name, out var content) ? new MemoryStream(content, writable: false) : null);

    /// <inheritdoc/>
    public async IAsyncEnumerable<StoredBlob> ListAsync(string container, string prefix, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        KeyValuePair<(string Container, string Name), (byte[] Content, DateTimeOffset Modified, int Version)>[] snapshot;
        lock (gate)
        {
            snapshot = [.. blobs];
        }

        foreach (var ((c, name), blob) in snapshot)
        {
            if (c == container && name.StartsWith(prefix, StringComparison.Ordinal))
            {
                await Task.Yield();
                yield return new StoredBlob(name, blob.Content.Length, blob.Modified, $"\"v{blob.Version}\"");
            }
        }
    }

    /// <inheritdoc/>
    public Task DeleteAsync(string container, string name, CancellationToken cancellationToken)
    {
        blobs.Remove((container, name), out _);
        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    public Task<long> WriteAsync(string container, string name, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        var bytes = content.ToArray();
        lock (gate)
        {
            blobs[(container, name)] = (bytes, Now, ++version);
        }

        return Task.FromResult((long)bytes.Length);
    }

    private bool TryGet(string container, string name, out byte[] content)
    {
        lock (gate)
        {
            var found = blobs.TryGetValue((container, name), out var blob);
            content = blob.Content;
            return found;
        }
    }
}
