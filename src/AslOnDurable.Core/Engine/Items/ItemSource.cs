using System.Collections.Immutable;

namespace AslOnDurable.Core.Engine.Items;

/// <summary>
/// A resolved ItemReader: where the items are and how to read them, after Parameters/Arguments and ReaderConfig were
/// evaluated against the state's input.
/// </summary>
internal sealed record ItemSource
{
    /// <summary>Whether the items are the blobs under <see cref="Prefix"/> (listObjectsV2) rather than the content of one blob.</summary>
    public required bool IsListing { get; init; }

    /// <summary>The container (S3 bucket).</summary>
    public required string Bucket { get; init; }

    /// <summary>The blob name (S3 key) of a getObject reader.</summary>
    public string Key { get; init; } = string.Empty;

    /// <summary>The name prefix of a listing.</summary>
    public string Prefix { get; init; } = string.Empty;

    /// <summary>ReaderConfig.InputType: JSON, JSONL, CSV or MANIFEST.</summary>
    public string InputType { get; init; } = string.Empty;

    /// <summary>CSV headers given in ReaderConfig.CSVHeaders (CSVHeaderLocation GIVEN), else empty: the first row.</summary>
    public ImmutableArray<string> CsvHeaders { get; init; } = [];

    /// <summary>
    /// ReaderConfig.ItemsPointer's reference tokens: where the items array is inside a JSON file (empty: the whole file).
    /// </summary>
    public ImmutableArray<string> ItemsPointer { get; init; } = [];

    /// <summary>The CSV field delimiter.</summary>
    public char CsvDelimiter { get; init; } = ',';

    /// <summary>At most this many items are read (ReaderConfig.MaxItems); <see langword="null"/> reads all.</summary>
    public long? MaxItems { get; init; }

    /// <summary>Where the items are, for causes: <c>bucket/key</c> or <c>bucket/prefix*</c>.</summary>
    public string Location => IsListing ? $"{Bucket}/{Prefix}*" : $"{Bucket}/{Key}";
}
