using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Nodes;
using AslOnDurable.Core.Parsing;

namespace AslOnDurable.Core.Engine.Items;

/// <summary>
/// The ItemReader resources this engine serves and how their evaluated Parameters/Arguments and ReaderConfig become an
/// <see cref="ItemSource"/>.
/// </summary>
/// <remarks>
/// S3 forms, unchanged from AWS: <c>arn:aws:states:::s3:getObject</c> (<c>Bucket</c>, <c>Key</c>) and
/// <c>arn:aws:states:::s3:listObjectsV2</c> (<c>Bucket</c>, optional <c>Prefix</c>). Azure forms for definitions
/// written for Azure, same semantics in Blob Storage's words: <c>arn:azure:states:::blob:getBlob</c>
/// (<c>Container</c>, <c>Blob</c>) and <c>arn:azure:states:::blob:listBlobs</c> (<c>Container</c>, optional
/// <c>Prefix</c>); listed blobs carry S3's item fields so an item processor works with either form.
/// </remarks>
internal static class ItemReaderResources
{
    /// <summary>S3 GetObject: the items are the content of one object.</summary>
    public const string S3GetObject = "arn:aws:states:::s3:getObject";

    /// <summary>S3 ListObjectsV2: the items are the objects under a prefix.</summary>
    public const string S3ListObjectsV2 = "arn:aws:states:::s3:listObjectsV2";

    /// <summary>Blob Storage: the items are the content of one blob.</summary>
    public const string AzureGetBlob = "arn:azure:states:::blob:getBlob";

    /// <summary>Blob Storage: the items are the blobs under a prefix.</summary>
    public const string AzureListBlobs = "arn:azure:states:::blob:listBlobs";

    /// <summary>Resolves a reader; every problem is <c>States.ItemReaderFailed</c>.</summary>
    public static ItemSource Resolve(string resource, JsonNode? arguments, JsonObject? readerConfig, double? maxItems)
    {
        var (listing, azure) = resource switch
        {
            S3GetObject => (false, false),
            S3ListObjectsV2 => (true, false),
            AzureGetBlob => (false, true),
            AzureListBlobs => (true, true),
            _ => throw BlobItemReader.Failed(
                $"The ItemReader resource '{resource}' is not supported: use {S3GetObject}, {S3ListObjectsV2}, {AzureGetBlob} or {AzureListBlobs}."),
        };
        var field = azure ? "Arguments/Parameters" : "Parameters";
        if (arguments is not JsonObject args)
        {
            throw BlobItemReader.Failed($"The ItemReader's {field} must be an object naming the {(azure ? "Container" : "Bucket")}.");
        }

        var bucket = RequiredString(args, azure ? "Container" : "Bucket");
        if (maxItems is < 0 or > 100_000_000)
        {
            throw BlobItemReader.Failed($"ReaderConfig.MaxItems must be between 0 and 100000000 but was {maxItems}.");
        }

        long? limit = maxItems is > 0 ? (long)maxItems.Value : null;
        if (listing)
        {
            return new ItemSource { IsListing = true, Bucket = bucket, Prefix = OptionalString(args, "Prefix") ?? string.Empty, MaxItems = limit };
        }

        var key = RequiredString(args, azure ? "Blob" : "Key");
        var inputType = ConfigString(readerConfig, "InputType") ?? string.Empty;
        var location = ConfigString(readerConfig, "CSVHeaderLocation") ?? "FIRST_ROW";
        ImmutableArray<string> headers = [];
        if (inputType == "CSV")
        {
            headers = location switch
            {
                "FIRST_ROW" when readerConfig?["CSVHeaders"] is not null => throw BlobItemReader.Failed("ReaderConfig.CSVHeaders can only be given with CSVHeaderLocation GIVEN."),
                "FIRST_ROW" => [],
                "GIVEN" => Headers(readerConfig?["CSVHeaders"]),
                _ => throw BlobItemReader.Failed($"ReaderConfig.CSVHeaderLocation '{location}' is not valid: use FIRST_ROW or GIVEN."),
            };
        }

        var delimiter = ConfigString(readerConfig, "CSVDelimiter") switch
        {
            null or "COMMA" => ',',
            "PIPE" => '|',
            "SEMICOLON" => ';',
            "SPACE" => ' ',
            "TAB" => '\t',
            var other => throw BlobItemReader.Failed($"ReaderConfig.CSVDelimiter '{other}' is not valid: use COMMA, PIPE, SEMICOLON, SPACE or TAB."),
        };
        return new ItemSource
        {
            IsListing = false, Bucket = bucket, Key = key, InputType = inputType, CsvHeaders = headers, CsvDelimiter = delimiter, MaxItems = limit,
            ItemsPointer = ItemsPointer(readerConfig, inputType),
        };
    }

    /// <summary>ReaderConfig.ItemsPointer's tokens (a JSON file only); the validator reports the same problems at the definition.</summary>
    private static ImmutableArray<string> ItemsPointer(JsonObject? readerConfig, string inputType)
    {
        if (ConfigString(readerConfig, "ItemsPointer") is not { } pointer)
        {
            return [];
        }

        if (inputType != "JSON")
        {
            throw BlobItemReader.Failed("ReaderConfig.ItemsPointer is only valid with InputType JSON.");
        }

        return pointer.Length < MapConfigParser.MaxItemsPointerLength && JsonPointer.TryParse(pointer) is { } tokens
            ? tokens
            : throw BlobItemReader.Failed($"ReaderConfig.ItemsPointer '{pointer}' is not a JSON Pointer shorter than {MapConfigParser.MaxItemsPointerLength} characters.");
    }

    private static ImmutableArray<string> Headers(JsonNode? node)
    {
        if (node is not JsonArray array || array.Count == 0)
        {
            throw BlobItemReader.Failed("ReaderConfig.CSVHeaders must be a non-empty array of strings when CSVHeaderLocation is GIVEN.");
        }

        var headers = ImmutableArray.CreateBuilder<string>(array.Count);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in array)
        {
            if (item is not JsonValue value || value.GetValueKind() != JsonValueKind.String || value.GetValue<string>() is not { Length: > 0 } header)
            {
                throw BlobItemReader.Failed("ReaderConfig.CSVHeaders must hold only non-empty strings.");
            }

            if (!seen.Add(header))
            {
                throw BlobItemReader.Failed($"ReaderConfig.CSVHeaders names '{header}' twice.");
            }

            headers.Add(header);
        }

        return headers.MoveToImmutable();
    }

    private static string RequiredString(JsonObject args, string name) =>
        OptionalString(args, name) is { Length: > 0 } value ? value : throw BlobItemReader.Failed($"The ItemReader needs a non-empty string '{name}'.");

    private static string? OptionalString(JsonObject args, string name) => args[name] switch
    {
        null => null,
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        var other => throw BlobItemReader.Failed($"The ItemReader's '{name}' must be a string but was {other.ToJsonString()}."),
    };

    private static string? ConfigString(JsonObject? config, string name) => config is null ? null : config[name] switch
    {
        null => null,
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        var other => throw BlobItemReader.Failed($"ReaderConfig.{name} must be a string but was {other.ToJsonString()}."),
    };
}
