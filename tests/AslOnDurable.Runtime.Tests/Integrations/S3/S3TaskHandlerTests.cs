using System.Text;
using System.Text.Json.Nodes;
using System.Collections.Frozen;
using AslOnDurable.Core.Engine;
using AslOnDurable.Runtime.Integrations;
using AslOnDurable.Runtime.Integrations.AzureStorage;
using AslOnDurable.Runtime.Integrations.Connections;
using AslOnDurable.Runtime.Integrations.S3;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Moq;

namespace AslOnDurable.Runtime.Tests.Integrations.S3;

/// <summary>S3 actions over a mocked Blob Storage client: AWS's result shapes and errors.</summary>
public sealed class S3TaskHandlerTests
{
    private static readonly AzureStorageIntegration Settings = new()
    {
        ConnectionString = new Secret("UseDevelopmentStorage=true"),
        Buckets = new Dictionary<string, string> { ["my.bucket"] = "my-bucket" }.ToFrozenDictionary(StringComparer.Ordinal),
    };

    private readonly Mock<BlobServiceClient> service = new();
    private readonly Mock<BlobContainerClient> container = new();
    private readonly Mock<BlobClient> blob = new();

    public S3TaskHandlerTests()
    {
        service.Setup(s => s.GetBlobContainerClient(It.IsAny<string>())).Returns(container.Object);
        container.Setup(c => c.GetBlobClient(It.IsAny<string>())).Returns(blob.Object);
    }

    private static ValueTask<TaskOutcome> Invoke(S3TaskHandler handler, string action, string parameters) =>
        handler.InvokeAsync(new TaskInvocation { StateName = "S", Resource = S3TaskHandler.ResourcePrefix + action, Input = JsonNode.Parse(parameters), ExecutionId = "e" });

    [Theory]
    [InlineData("\"text data\"", "\"text data\"", "KUmHvQ==")]
    [InlineData("{\"Dict\": \"Value\"}", "{\"Dict\":\"Value\"}", "hnEfWw==")]
    [InlineData("false", "false", "K81oMA==")]
    public async Task PutObject_Body_StoresItsJsonTextAsStepFunctionsDoes(string body, string stored, string crc)
    {
        BinaryData? uploaded = null;
        BlobUploadOptions? options = null;
        byte[] md5 = Convert.FromHexString("2b5df3712557f503a9977a8ea893b2c9");
        blob.Setup(b => b.UploadAsync(It.IsAny<BinaryData>(), It.IsAny<BlobUploadOptions>(), It.IsAny<CancellationToken>()))
            .Callback((BinaryData data, BlobUploadOptions o, CancellationToken _) => (uploaded, options) = (data, o))
            .ReturnsAsync(Response.FromValue(BlobsModelFactory.BlobContentInfo(new ETag("\"0x8D1\""), DateTimeOffset.UnixEpoch, md5, null, 0L), Mock.Of<Response>()));

        TaskOutcome outcome = await Invoke(new S3TaskHandler(service.Object, Settings), "putObject", $$"""{"Bucket":"my.bucket","Key":"k","Body":{{body}}}""");

        Assert.Equal(stored, Encoding.UTF8.GetString(uploaded!.ToArray()));
        Assert.Equal("binary/octet-stream", options!.HttpHeaders.ContentType);
        Assert.Equal(["ChecksumCRC32", "ChecksumType", "ETag", "ServerSideEncryption"], outcome.Result!.AsObject().Select(p => p.Key));
        Assert.Equal(crc, outcome.Result["ChecksumCRC32"]!.GetValue<string>());
        Assert.Equal("FULL_OBJECT", outcome.Result["ChecksumType"]!.GetValue<string>());
        Assert.Equal("\"2b5df3712557f503a9977a8ea893b2c9\"", outcome.Result["ETag"]!.GetValue<string>());
        Assert.Equal("AES256", outcome.Result["ServerSideEncryption"]!.GetValue<string>());
        service.Verify(s => s.GetBlobContainerClient("my-bucket"));
    }

    [Theory]
    [InlineData("BlobNotFound", 404, "S3.NoSuchKeyException", "The specified key does not exist. (Service: S3, Status Code: 404, Request ID: ")]
    [InlineData("ContainerNotFound", 404, "S3.NoSuchBucketException", "The specified bucket does not exist (Service: S3, Status Code: 404, Request ID: ")]
    [InlineData("AuthorizationFailure", 403, "S3.S3Exception", "denied (Service: S3, Status Code: 403, Request ID: ")]
    [InlineData(null, 0, "S3.SdkClientException", "Unable to execute HTTP request: denied")]
    public async Task GetObject_StorageFails_ErrorAsAwsSdkIntegration(string? code, int status, string error, string causeStart)
    {
        blob.Setup(b => b.DownloadContentAsync(It.IsAny<CancellationToken>())).ThrowsAsync(new RequestFailedException(status, "denied", code, null));

        TaskOutcome outcome = await Invoke(new S3TaskHandler(service.Object, Settings), "getObject", """{"Bucket":"b-1","Key":"k"}""");

        Assert.Equal(error, outcome.Error!.Error);
        Assert.StartsWith(causeStart, outcome.Error.Cause, StringComparison.Ordinal);
        if (status == 404)
        {
            Assert.Contains(", Extended Request ID: ", outcome.Error.Cause, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task DeleteObject_KeyMissing_SucceedsWithEmptyResultAsS3()
    {
        blob.Setup(b => b.DeleteAsync(DeleteSnapshotsOption.IncludeSnapshots, null, It.IsAny<CancellationToken>()))
            .ThrowsAsync(new RequestFailedException(404, "gone", "BlobNotFound", null));

        TaskOutcome outcome = await Invoke(new S3TaskHandler(service.Object, Settings), "deleteObject", """{"Bucket":"b-1","Key":"k"}""");

        Assert.Equal("{}", outcome.Result!.ToJsonString());
    }

    [Fact]
    public async Task Invoke_NoStorageConfigured_SdkClientException()
    {
        TaskOutcome outcome = await Invoke(new S3TaskHandler(null, null), "getObject", """{"Bucket":"b-1","Key":"k"}""");

        Assert.Equal("S3.SdkClientException", outcome.Error!.Error);
        Assert.Contains("add 'storage'", outcome.Error.Cause, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("getObject", """{"Bucket":"b-1","Key":"k","Range":"bytes=0-1"}""", "States.Runtime", "'Range'")]
    [InlineData("getObject", """{"Bucket":"b-1"}""", "States.Runtime", "requires 'Key'")]
    [InlineData("getObject", """{"Bucket":"Not_Valid","Key":"k"}""", "S3.S3Exception", "storage.buckets")]
    [InlineData("listObjects", """{"Bucket":"b-1"}""", "States.Runtime", "listObjectsV2")]
    [InlineData("putObject", """{"Bucket":"b-1","Key":"k","Metadata":{"bad-name":"x"}}""", "States.Runtime", "bad-name")]
    [InlineData("copyObject", """{"Bucket":"b-1","Key":"k","CopySource":"nokey"}""", "States.Runtime", "CopySource")]
    public async Task Invoke_BadParameters_ClearErrorAndNoStorageCall(string action, string parameters, string error, string causePart)
    {
        TaskOutcome outcome = await Invoke(new S3TaskHandler(service.Object, Settings), action, parameters);

        Assert.Equal(error, outcome.Error!.Error);
        Assert.Contains(causePart, outcome.Error.Cause, StringComparison.Ordinal);
        blob.VerifyNoOtherCalls();
    }

    [Theory]
    [InlineData("src/a%20b.json", "src", "a b.json", null)]
    [InlineData("/src/dir/k?versionId=v1", "src", "dir/k", "v1")]
    public void CopySource_Parse_BucketKeyAndVersion(string text, string bucket, string key, string? version)
    {
        Assert.Equal(new S3CopySource(bucket, key, version), S3CopySource.Parse(text));
    }

    [Theory]
    [InlineData("arn:aws:states:::aws-sdk:s3:getObject", true, null)]
    [InlineData("arn:aws:states:::aws-sdk:s3:getObject", false, "no storage account")]
    [InlineData("arn:aws:states:::aws-sdk:s3:headObject", true, "not supported")]
    public void Problem_ForValidate_NamesWhatIsMissing(string resource, bool configured, string? expected)
    {
        IntegrationsConfiguration configuration = configured ? new IntegrationsConfiguration { Storage = Settings } : IntegrationsConfiguration.Empty;

        string? problem = S3TaskHandler.Problem(configuration, resource);

        if (expected is null)
        {
            Assert.Null(problem);
        }
        else
        {
            Assert.Contains(expected, problem, StringComparison.Ordinal);
        }
    }
}
