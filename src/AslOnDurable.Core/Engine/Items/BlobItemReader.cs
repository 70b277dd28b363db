using System.Globalization;
using System.IO.Compression;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using AslOnDurable.Core.Errors;

namespace AslOnDurable.Core.Engine.Items;

/// <summary>
/// Streams a distributed Map's items out of an <see cref="IItemStore"/>, the way AWS's ItemReader reads S3: a JSON
/// array, JSON Lines, CSV rows (objects of strings keyed by header), an S3 Inventory manifest's CSV files, or the
/// listing of the blobs under a prefix. Nothing here holds more than one item (plus a read buffer) at a time.
/// </summary>
/// <remarks>Every failure is <c>States.ItemReaderFailed</c> with a cause naming the blob and, where known, the line.</remarks>
internal static class BlobItemReader
{
    /// <summary>The storage class every listed blob reports (Blob Storage tiers have no S3 equivalent).</summary>
    public const string StorageClass = "STANDARD";

    /// <summary>Reads the items of <paramref name="source"/>, at most <see cref="ItemSource.MaxItems"/> of them.</summary>
    public static async IAsyncEnumerable<JsonNode?> ReadAsync(IItemStore store, ItemSource source, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var limit = source.MaxItems is > 0 ? source.MaxItems.Value : long.MaxValue;
        long count = 0;
        var items = source.IsListing ? ListAsync(store, source, cancellationToken) : ReadBlobAsync(store, source, cancellationToken);
        await foreach (var item in items.ConfigureAwait(false))
        {
            if (count++ >= limit)
            {
                yield break;
            }

            yield return item;
        }
    }

    /// <summary>A <c>States.ItemReaderFailed</c> error.</summary>
    public static AslErrorException Failed(string cause) => new(StatesErrorNames.ItemReaderFailed, cause);

    private static async IAsyncEnumerable<JsonNode?> ListAsync(IItemStore store, ItemSource source, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var blob in store.ListAsync(source.Bucket, source.Prefix, cancellationToken).ConfigureAwait(false))
        {
            yield return new JsonObject
            {
                ["Etag"] = blob.ETag,
                ["Key"] = blob.Key,
                ["LastModified"] = blob.LastModified.ToUnixTimeSeconds(),
                ["Size"] = blob.Size,
                ["StorageClass"] = StorageClass,
            };
        }
    }

    private static async IAsyncEnumerable<JsonNode?> ReadBlobAsync(IItemStore store, ItemSource source, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var items = source.InputType switch
        {
            "JSON" when source.ItemsPointer.Length > 0 => PointedArrayAsync(store, source, cancellationToken),
            "JSON" => JsonArrayAsync(store, source.Bucket, source.Key, cancellationToken),
            "JSONL" => JsonLinesAsync(store, source.Bucket, source.Key, cancellationToken),
            "CSV" => CsvAsync(store, source.Bucket, source.Key, source.CsvHeaders, source.CsvDelimiter, cancellationToken),
            "MANIFEST" => ManifestAsync(store, source, cancellationToken),
            "" => throw Failed($"ReaderConfig.InputType is required to read the object {source.Location}: one of JSON, JSONL, CSV, MANIFEST."),
            _ => throw Failed($"ReaderConfig.InputType '{source.InputType}' is not supported: use JSON, JSONL, CSV or MANIFEST."),
        };
        await foreach (var item in items.ConfigureAwait(false))
        {
            yield return item;
        }
    }

    private static async Task<Stream> OpenAsync(IItemStore store, string bucket, string key, CancellationToken cancellationToken)
    {
        Stream? stream;
        try
        {
            stream = await store.OpenReadAsync(bucket, key, cancellationToken).ConfigureAwait(false);
        }
        catch (ArgumentException e)
        {
            throw Failed($"Cannot read the object {bucket}/{key}: {e.Message}");
        }

        return stream ?? throw Failed($"The object {bucket}/{key} does not exist (no blob '{key}' in container '{bucket}').");
    }

    private static async IAsyncEnumerable<JsonNode?> JsonArrayAsync(IItemStore store, string bucket, string key, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var stream = await OpenAsync(store, bucket, key, cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            var items = JsonSerializer.DeserializeAsyncEnumerable<JsonNode>(stream, topLevelValues: false, cancellationToken: cancellationToken);
            await using var e = items.GetAsyncEnumerator(cancellationToken);
            var index = 0;
            while (true)
            {
                try
                {
                    if (!await e.MoveNextAsync().ConfigureAwait(false))
                    {
                        yield break;
                    }
                }
                catch (JsonException ex)
                {
                    throw Failed(index == 0 && ex.LineNumber == 0 && ex.BytePositionInLine <= 1
                        ? $"The object {bucket}/{key} must hold a JSON array: {ex.Message}"
                        : $"The object {bucket}/{key} is not a valid JSON array: malformed JSON at line {ex.LineNumber + 1}, byte {ex.BytePositionInLine + 1} (after item {index}).");
                }

                index++;
                yield return e.Current;
            }
        }
    }

    private static async IAsyncEnumerable<JsonNode?> PointedArrayAsync(IItemStore store, ItemSource source, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var stream = await OpenAsync(store, source.Bucket, source.Key, cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            await foreach (var item in JsonItemsPointerReader.ReadAsync(stream, source.ItemsPointer, source.Location, JsonItemsPointerReader.TargetWithin, cancellationToken).ConfigureAwait(false))
            {
                yield return item;
            }
        }
    }

    private static async IAsyncEnumerable<JsonNode?> JsonLinesAsync(IItemStore store, string bucket, string key, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var stream = await OpenAsync(store, bucket, key, cancellationToken).ConfigureAwait(false);
        using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        long line = 0;
        while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } text)
        {
            line++;
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            JsonNode? item;
            try
            {
                item = JsonNode.Parse(text);
            }
            catch (JsonException ex)
            {
                throw Failed($"The object {bucket}/{key} is not valid JSON Lines: line {line} is not a JSON value ({ex.Message}).");
            }

            yield return item;
        }
    }

    private static async IAsyncEnumerable<JsonNode?> CsvAsync(
        IItemStore store, string bucket, string key, IReadOnlyList<string> given, char delimiter, [EnumeratorCancellation] CancellationToken cancellationToken, bool gzip = false)
    {
        var stream = await OpenAsync(store, bucket, key, cancellationToken).ConfigureAwait(false);
        if (gzip)
        {
            stream = new GZipStream(stream, CompressionMode.Decompress);
        }

        using var text = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        var csv = new CsvRecordReader(text, delimiter);
        IReadOnlyList<string>? headers = given.Count > 0 ? given : null;
        while (true)
        {
            List<string>? record;
            try
            {
                record = await csv.ReadAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (FormatException ex)
            {
                throw Failed($"The object {bucket}/{key} is not valid CSV: {ex.Message}.");
            }

            if (record is null)
            {
                if (headers is null)
                {
                    throw Failed($"The CSV object {bucket}/{key} has no header row: it is empty (give ReaderConfig.CSVHeaders with CSVHeaderLocation GIVEN, or add a first row of headers).");
                }

                yield break;
            }

            if (headers is null)
            {
                headers = CheckedHeaders(record, $"{bucket}/{key}");
                continue;
            }

            if (record.Count != headers.Count)
            {
                throw Failed(string.Create(CultureInfo.InvariantCulture, $"The CSV object {bucket}/{key} has {record.Count} fields on line {csv.RecordLine} but {headers.Count} headers."));
            }

            var item = new JsonObject();
            for (var i = 0; i < headers.Count; i++)
            {
                item[headers[i]] = record[i];
            }

            yield return item;
        }
    }

    private static List<string> CheckedHeaders(List<string> headers, string location)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var header in headers)
        {
            if (header.Length == 0)
            {
                throw Failed($"The CSV object {location} has an empty header in its first row.");
            }

            if (!seen.Add(header))
            {
                throw Failed($"The CSV object {location} has the header '{header}' twice.");
            }
        }

        return headers;
    }

    /// <summary>
    /// An S3 Inventory manifest (<c>manifest.json</c>): <c>fileFormat</c> CSV, <c>fileSchema</c> naming the columns,
    /// <c>files[].key</c> naming gzipped CSV files (no header row) in <c>destinationBucket</c> (an S3 ARN or a name;
    /// the manifest's own container when absent). Each row becomes an object keyed by the schema's names.
    /// </summary>
    private static async IAsyncEnumerable<JsonNode?> ManifestAsync(IItemStore store, ItemSource source, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        JsonNode? manifest;
        var stream = await OpenAsync(store, source.Bucket, source.Key, cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            try
            {
                manifest = await JsonNode.ParseAsync(stream, cancellationToken: cancellationToken).ConfigureAwait(false);
            }
            catch (JsonException ex)
            {
                throw Failed($"The manifest {source.Location} is not valid JSON: {ex.Message}");
            }
        }

        if (manifest is not JsonObject root)
        {
            throw Failed($"The manifest {source.Location} must be a JSON object with fileFormat, fileSchema and files.");
        }

        var format = (root["fileFormat"] as JsonValue)?.TryGetValue<string>(out var f) == true ? f : null;
        if (!string.Equals(format, "CSV", StringComparison.OrdinalIgnoreCase))
        {
            throw Failed($"The manifest {source.Location} has fileFormat '{format ?? "(none)"}': only CSV inventory files can be read.");
        }

        var schema = (root["fileSchema"] as JsonValue)?.TryGetValue<string>(out var s) == true ? s : null;
        if (string.IsNullOrWhiteSpace(schema))
        {
            throw Failed($"The manifest {source.Location} has no fileSchema.");
        }

        var headers = schema.Split(',', StringSplitOptions.TrimEntries);
        if (root["files"] is not JsonArray files)
        {
            throw Failed($"The manifest {source.Location} has no files array.");
        }

        var bucket = (root["destinationBucket"] as JsonValue)?.TryGetValue<string>(out var d) == true ? d : source.Bucket;
        const string S3Arn = "arn:aws:s3:::";
        if (bucket.StartsWith(S3Arn, StringComparison.Ordinal))
        {
            bucket = bucket[S3Arn.Length..];
        }

        for (var i = 0; i < files.Count; i++)
        {
            var key = (files[i]?["key"] as JsonValue)?.TryGetValue<string>(out var k) == true ? k : null;
            if (string.IsNullOrEmpty(key))
            {
                throw Failed(string.Create(CultureInfo.InvariantCulture, $"The manifest {source.Location} has no key for files[{i}]."));
            }

            var gzip = key.EndsWith(".gz", StringComparison.OrdinalIgnoreCase);
            await foreach (var item in CsvAsync(store, bucket, key, headers, ',', cancellationToken, gzip).ConfigureAwait(false))
            {
                yield return item;
            }
        }
    }
}
