using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using AslOnDurable.Core.Engine;
using AslOnDurable.Core.Engine.Tasks;
using AslOnDurable.Runtime.Integrations.AzureStorage;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace AslOnDurable.Runtime.Integrations.S3;

/// <summary>
/// S3 through the AWS SDK integration (<c>arn:aws:states:::aws-sdk:s3:getObject</c>, <c>putObject</c>,
/// <c>listObjectsV2</c>, <c>deleteObject</c>, <c>copyObject</c>) on Azure Blob Storage: <c>Bucket</c> is a container
/// (mapped by <c>storage.buckets</c>, else the same name), <c>Key</c> a blob name.
/// </summary>
/// <remarks>
/// Results have the AWS SDK v2 field names in Step Functions' order. <c>ETag</c> is the blob's MD5 in quotes (S3's ETag
/// of a single-part object) when Blob Storage keeps one, else the blob's own ETag. <c>putObject</c> stores the JSON text
/// of <c>Body</c>, as Step Functions does (a string keeps its quotes); <c>getObject</c> returns the content as a string.
/// Errors: <c>S3.NoSuchBucketException</c>, <c>S3.NoSuchKeyException</c>, <c>S3.S3Exception</c>,
/// <c>S3.SdkClientException</c> (no storage configured, account unreachable). S3 has no optimized integration.
/// </remarks>
/// <param name="service">The account's blob service, or <see langword="null"/> when no storage is configured.</param>
/// <param name="settings">The bucket mapping.</param>
public sealed class S3TaskHandler(BlobServiceClient? service, AzureStorageIntegration? settings) : ITaskHandler
{
    /// <summary>The resource prefix of S3 actions (registry key with <c>*</c>).</summary>
    public const string ResourcePrefix = "arn:aws:states:::aws-sdk:s3:";

    /// <summary>The actions served.</summary>
    public static readonly IReadOnlyList<string> Actions = ["getObject", "putObject", "listObjectsV2", "deleteObject", "copyObject"];

    private const string ServerSideEncryption = "AES256";

    /// <summary>Why a resource cannot run here (for <c>asl validate</c>), or <see langword="null"/> when it can.</summary>
    /// <param name="configuration">The integrations configuration.</param>
    /// <param name="resource">The Task's resource.</param>
    /// <returns>The problem, or <see langword="null"/>.</returns>
    public static string? Problem(IntegrationsConfiguration configuration, string resource)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(resource);
        string action = resource[ResourcePrefix.Length..];
        return !Actions.Contains(action) ? $"the S3 action '{action}' is not supported on Blob Storage (supported: {string.Join(", ", Actions)})"
            : configuration.Storage is null ? "no storage account is configured: add 'storage' to the integrations configuration"
            : null;
    }

    /// <inheritdoc/>
    public async ValueTask<TaskOutcome> InvokeAsync(TaskInvocation invocation)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        string action = invocation.Resource.StartsWith(ResourcePrefix, StringComparison.Ordinal) ? invocation.Resource[ResourcePrefix.Length..] : invocation.Resource;
        if (!Actions.Contains(action))
        {
            return S3Errors.Runtime($"The resource '{invocation.Resource}' is not supported: S3 on Blob Storage serves {string.Join(", ", Actions.Select(a => ResourcePrefix + a))}.");
        }

        if (invocation.Input is not JsonObject fields)
        {
            return S3Errors.Runtime($"The parameters of s3:{action} must be an object with 'Bucket'.");
        }

        if (service is null)
        {
            return S3Errors.Client("no storage account is configured for S3 (add 'storage' to the integrations configuration).");
        }

        S3Parameters parameters = new(action, fields);
        CancellationToken cancellationToken = invocation.Clock?.Abandoned ?? CancellationToken.None;
        try
        {
            return action switch
            {
                "getObject" => await GetObjectAsync(parameters, cancellationToken).ConfigureAwait(false),
                "putObject" => await PutObjectAsync(parameters, cancellationToken).ConfigureAwait(false),
                "deleteObject" => await DeleteObjectAsync(parameters, cancellationToken).ConfigureAwait(false),
                "copyObject" => await CopyObjectAsync(parameters, cancellationToken).ConfigureAwait(false),
                _ => await ListObjectsV2Async(parameters, cancellationToken).ConfigureAwait(false),
            };
        }
        catch (RequestFailedException e)
        {
            return S3Errors.From(e);
        }
        catch (HttpRequestException e)
        {
            return S3Errors.Client(e.InnerException?.Message ?? e.Message);
        }
    }

    private async Task<TaskOutcome> GetObjectAsync(S3Parameters parameters, CancellationToken cancellationToken)
    {
        if (parameters.Unknown("Bucket", "Key", "VersionId") is { } unknown)
        {
            return S3Errors.Runtime(unknown);
        }

        if (!TryBlob(parameters, out BlobClient? blob, out TaskOutcome? invalid))
        {
            return invalid;
        }

        if (parameters.Optional("VersionId") is { } version)
        {
            blob = blob.WithVersion(version);
        }

        BlobDownloadResult download = (await blob.DownloadContentAsync(cancellationToken).ConfigureAwait(false)).Value;
        BlobDownloadDetails details = download.Details;
        JsonObject metadata = [];
        foreach (var (key, value) in details.Metadata ?? new Dictionary<string, string>())
        {
            metadata[key.ToLowerInvariant()] = value;
        }

        JsonObject result = new()
        {
            ["AcceptRanges"] = "bytes",
            ["ContentLength"] = download.Content.ToMemory().Length,
            ["ContentType"] = details.ContentType ?? "binary/octet-stream",
        };
        AddIfPresent(result, "CacheControl", details.CacheControl);
        AddIfPresent(result, "ContentDisposition", details.ContentDisposition);
        AddIfPresent(result, "ContentEncoding", details.ContentEncoding);
        AddIfPresent(result, "ContentLanguage", details.ContentLanguage);
        result["ETag"] = ETag(details.ContentHash, details.ETag);
        result["LastModified"] = Timestamp(details.LastModified);
        result["Metadata"] = metadata;
        result["ServerSideEncryption"] = ServerSideEncryption;
        AddIfPresent(result, "VersionId", details.VersionId);
        result["Body"] = Encoding.UTF8.GetString(download.Content.ToMemory().Span);
        return TaskOutcome.Success(result);
    }

    private async Task<TaskOutcome> PutObjectAsync(S3Parameters parameters, CancellationToken cancellationToken)
    {
        if (parameters.Unknown("Bucket", "Key", "Body", "ContentType", "CacheControl", "ContentDisposition", "ContentEncoding", "ContentLanguage", "Metadata") is { } unknown)
        {
            return S3Errors.Runtime(unknown);
        }

        if (!TryBlob(parameters, out BlobClient? blob, out TaskOutcome? invalid))
        {
            return invalid;
        }

        Dictionary<string, string>? metadata = parameters.Metadata(out string? problem);
        if (problem is not null)
        {
            return S3Errors.Runtime(problem);
        }

        byte[] body = parameters.Body();
        BlobUploadOptions options = new()
        {
            HttpHeaders = Headers(parameters),
            Metadata = metadata,
        };
        BlobContentInfo info = (await blob.UploadAsync(BinaryData.FromBytes(body), options, cancellationToken).ConfigureAwait(false)).Value;
        JsonObject result = new()
        {
            ["ChecksumCRC32"] = Crc32.ComputeBase64(body),
            ["ChecksumType"] = "FULL_OBJECT",
            ["ETag"] = ETag(info.ContentHash, info.ETag),
            ["ServerSideEncryption"] = ServerSideEncryption,
        };
        AddIfPresent(result, "VersionId", info.VersionId);
        return TaskOutcome.Success(result);
    }

    private async Task<TaskOutcome> DeleteObjectAsync(S3Parameters parameters, CancellationToken cancellationToken)
    {
        if (parameters.Unknown("Bucket", "Key", "VersionId") is { } unknown)
        {
            return S3Errors.Runtime(unknown);
        }

        if (!TryBlob(parameters, out BlobClient? blob, out TaskOutcome? invalid))
        {
            return invalid;
        }

        if (parameters.Optional("VersionId") is { } version)
        {
            blob = blob.WithVersion(version);
        }

        // S3 answers 204 whether or not the key existed; a missing bucket is still NoSuchBucket.
        try
        {
            await blob.DeleteAsync(DeleteSnapshotsOption.IncludeSnapshots, conditions: null, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException e) when (e.ErrorCode == "BlobNotFound")
        {
        }

        return TaskOutcome.Success(new JsonObject());
    }

    private async Task<TaskOutcome> CopyObjectAsync(S3Parameters parameters, CancellationToken cancellationToken)
    {
        if (parameters.Unknown("Bucket", "Key", "CopySource", "MetadataDirective", "Metadata", "ContentType", "CacheControl", "ContentDisposition", "ContentEncoding", "ContentLanguage") is { } unknown)
        {
            return S3Errors.Runtime(unknown);
        }

        if (!TryBlob(parameters, out BlobClient? target, out TaskOutcome? invalid))
        {
            return invalid;
        }

        if (parameters.Required("CopySource", out string? required) is not { } copySource)
        {
            return S3Errors.Runtime(required!);
        }

        if (S3CopySource.Parse(copySource) is not { } source)
        {
            return S3Errors.Runtime($"s3:copyObject: 'CopySource' must be '<bucket>/<key>' (URL-encoded, optionally with '?versionId=…'), not '{copySource}'.");
        }

        if (Container(source.Bucket) is not { } sourceContainer)
        {
            return InvalidBucket(source.Bucket);
        }

        string directive = parameters.Optional("MetadataDirective") ?? "COPY";
        if (directive is not ("COPY" or "REPLACE"))
        {
            return S3Errors.Runtime($"s3:copyObject: 'MetadataDirective' must be COPY or REPLACE, not '{directive}'.");
        }

        Dictionary<string, string>? metadata = parameters.Metadata(out string? problem);
        if (problem is not null)
        {
            return S3Errors.Runtime(problem);
        }

        BlobClient sourceBlob = service!.GetBlobContainerClient(sourceContainer).GetBlobClient(source.Key);
        if (source.VersionId is { } version)
        {
            sourceBlob = sourceBlob.WithVersion(version);
        }

        BlobCopyFromUriOptions options = new() { Metadata = directive == "REPLACE" ? metadata ?? [] : null };
        CopyFromUriOperation copy = await target.StartCopyFromUriAsync(sourceBlob.Uri, options, cancellationToken).ConfigureAwait(false);
        await copy.WaitForCompletionAsync(cancellationToken).ConfigureAwait(false);
        if (directive == "REPLACE")
        {
            await target.SetHttpHeadersAsync(Headers(parameters), cancellationToken: cancellationToken).ConfigureAwait(false);
        }

        BlobProperties properties = (await target.GetPropertiesAsync(cancellationToken: cancellationToken).ConfigureAwait(false)).Value;
        JsonObject result = new()
        {
            ["CopyObjectResult"] = new JsonObject { ["ETag"] = ETag(properties.ContentHash, properties.ETag), ["LastModified"] = Timestamp(properties.LastModified) },
            ["ServerSideEncryption"] = ServerSideEncryption,
        };
        AddIfPresent(result, "CopySourceVersionId", source.VersionId);
        AddIfPresent(result, "VersionId", properties.VersionId);
        return TaskOutcome.Success(result);
    }

    private async Task<TaskOutcome> ListObjectsV2Async(S3Parameters parameters, CancellationToken cancellationToken)
    {
        if (parameters.Unknown("Bucket", "Prefix", "Delimiter", "MaxKeys", "ContinuationToken") is { } unknown)
        {
            return S3Errors.Runtime(unknown);
        }

        if (parameters.Required("Bucket", out string? required) is not { } bucket)
        {
            return S3Errors.Runtime(required!);
        }

        if (Container(bucket) is not { } containerName)
        {
            return InvalidBucket(bucket);
        }

        if (!parameters.TryInt("MaxKeys", out int? maxKeysValue) || maxKeysValue is < 0)
        {
            return S3Errors.Runtime("s3:listObjectsV2: 'MaxKeys' must be a whole number from 0.");
        }

        int maxKeys = Math.Min(maxKeysValue ?? 1000, 1000);
        string prefix = parameters.Optional("Prefix") ?? string.Empty;
        string? delimiter = parameters.Optional("Delimiter") is { Length: > 0 } d ? d : null;
        string? continuation = parameters.Optional("ContinuationToken");
        BlobContainerClient container = service!.GetBlobContainerClient(containerName);
        JsonArray contents = [];
        JsonArray commonPrefixes = [];
        string? next = null;
        if (maxKeys > 0)
        {
            IAsyncEnumerable<Page<BlobHierarchyItem>> pages = container
                .GetBlobsByHierarchyAsync(BlobTraits.None, BlobStates.None, delimiter, prefix.Length == 0 ? null : prefix, cancellationToken)
                .AsPages(continuation, maxKeys);
            await foreach (Page<BlobHierarchyItem> page in pages.ConfigureAwait(false))
            {
                foreach (BlobHierarchyItem item in page.Values)
                {
                    if (item.IsPrefix)
                    {
                        commonPrefixes.Add(new JsonObject { ["Prefix"] = item.Prefix });
                    }
                    else
                    {
                        BlobItemProperties properties = item.Blob.Properties;
                        contents.Add(new JsonObject
                        {
                            ["ETag"] = ETag(properties.ContentHash, properties.ETag ?? default),
                            ["Key"] = item.Blob.Name,
                            ["LastModified"] = Timestamp(properties.LastModified ?? DateTimeOffset.UnixEpoch),
                            ["Size"] = properties.ContentLength ?? 0,
                            ["StorageClass"] = "STANDARD",
                        });
                    }
                }

                next = string.IsNullOrEmpty(page.ContinuationToken) ? null : page.ContinuationToken;
                break;
            }
        }
        else if (!await container.ExistsAsync(cancellationToken).ConfigureAwait(false))
        {
            return S3Errors.NoSuchBucket();
        }

        JsonObject result = [];
        if (commonPrefixes.Count > 0)
        {
            result["CommonPrefixes"] = commonPrefixes;
        }

        if (contents.Count > 0)
        {
            result["Contents"] = contents;
        }

        AddIfPresent(result, "ContinuationToken", continuation);
        AddIfPresent(result, "Delimiter", delimiter);
        result["IsTruncated"] = next is not null;
        result["KeyCount"] = contents.Count + commonPrefixes.Count;
        result["MaxKeys"] = maxKeys;
        result["Name"] = bucket;
        AddIfPresent(result, "NextContinuationToken", next);
        result["Prefix"] = prefix;
        return TaskOutcome.Success(result);
    }

    private bool TryBlob(S3Parameters parameters, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out BlobClient? blob, [System.Diagnostics.CodeAnalysis.NotNullWhen(false)] out TaskOutcome? invalid)
    {
        blob = null;
        if (parameters.Required("Bucket", out string? problem) is not { } bucket || parameters.Required("Key", out problem) is not { } key)
        {
            invalid = S3Errors.Runtime(problem!);
            return false;
        }

        if (Container(bucket) is not { } container)
        {
            invalid = InvalidBucket(bucket);
            return false;
        }

        invalid = null;
        blob = service!.GetBlobContainerClient(container).GetBlobClient(key);
        return true;
    }

    private string? Container(string bucket)
    {
        string name = settings?.Buckets.TryGetValue(bucket, out string? mapped) == true ? mapped : bucket;
        return AzureNames.IsContainerOrQueueName(name) ? name : null;
    }

    private static TaskOutcome InvalidBucket(string bucket) =>
        S3Errors.S3Exception($"The specified bucket is not valid: '{bucket}' is not an Azure container name (3-63 lower-case letters, digits and single hyphens); map it under storage.buckets.", 400);

    private static BlobHttpHeaders Headers(S3Parameters parameters) => new()
    {
        ContentType = parameters.Optional("ContentType") ?? "binary/octet-stream",
        CacheControl = parameters.Optional("CacheControl"),
        ContentDisposition = parameters.Optional("ContentDisposition"),
        ContentEncoding = parameters.Optional("ContentEncoding"),
        ContentLanguage = parameters.Optional("ContentLanguage"),
    };

    private static string ETag(byte[]? md5, ETag etag)
    {
        if (md5 is { Length: 16 })
        {
            return "\"" + Convert.ToHexStringLower(md5) + "\"";
        }

        string text = etag.ToString();
        return text.StartsWith('"') ? text : "\"" + text + "\"";
    }

    private static string Timestamp(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static void AddIfPresent(JsonObject result, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            result[name] = value;
        }
    }
}
