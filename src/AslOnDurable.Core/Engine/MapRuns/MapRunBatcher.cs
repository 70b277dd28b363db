using System.Text.Json.Nodes;

namespace AslOnDurable.Core.Engine.MapRuns;

/// <summary>An evaluated ItemBatcher.</summary>
/// <param name="MaxItemsPerBatch">At most this many items per child (0: no item limit).</param>
/// <param name="MaxInputBytesPerBatch">At most this many bytes per child input (AWS caps it at 256 KiB).</param>
/// <param name="BatchInput">The evaluated BatchInput, or <see langword="null"/>.</param>
public sealed record MapRunBatcher(long MaxItemsPerBatch, long MaxInputBytesPerBatch, JsonNode? BatchInput);
