using System.Runtime.CompilerServices;
using System.Text;
using AslOnDurable.Core.Engine.Items;

namespace AslOnDurable.Runtime.Api.Testing;

/// <summary>
/// TestState's <c>stateConfiguration.mapItemReaderData</c> as the one blob of an item store: a Map state's ItemReader,
/// pointed at <see cref="Container"/>/<see cref="Name"/>, reads it as it reads the file in S3 or Blob Storage (InputType,
/// ItemsPointer, CSV headers, MaxItems). Nothing is listed or written.
/// </summary>
/// <param name="data">The data as found in its original source.</param>
internal sealed class MapItemReaderDataStore(string data) : IItemStore
{
    /// <summary>The container the data is in.</summary>
    public const string Container = "teststate";

    /// <summary>The blob name of the data.</summary>
    public const string Name = "mapItemReaderData";

    private readonly byte[] _content = Encoding.UTF8.GetBytes(data);

    /// <inheritdoc />
    public Task<Stream?> OpenReadAsync(string container, string name, CancellationToken cancellationToken) =>
        Task.FromResult<Stream?>(container == Container && name == Name ? new MemoryStream(_content, writable: false) : null);

    /// <inheritdoc />
    public async IAsyncEnumerable<StoredBlob> ListAsync(string container, string prefix, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.CompletedTask.ConfigureAwait(false);
        yield break;
    }

    /// <inheritdoc />
    public Task<long> WriteAsync(string container, string name, ReadOnlyMemory<byte> content, CancellationToken cancellationToken) =>
        throw new NotSupportedException("TestState writes no map run results.");

    /// <inheritdoc />
    public Task DeleteAsync(string container, string name, CancellationToken cancellationToken) => Task.CompletedTask;
}
