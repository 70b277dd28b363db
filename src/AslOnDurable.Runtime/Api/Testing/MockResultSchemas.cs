using System.Text.Json.Nodes;
using AslOnDurable.Core.Json;
using AslOnDurable.Runtime.Api.Contracts;
using AslOnDurable.Runtime.Api.Protocol;
using S = AslOnDurable.Runtime.Api.Testing.MockResultShape;

namespace AslOnDurable.Runtime.Api.Testing;

/// <summary>
/// <c>mock.fieldValidationMode</c>: a mocked Task result checked against the response shape of the API the integration
/// calls, as AWS documents it (STRICT, the default: required fields present and every present field of its type;
/// PRESENT: present fields only; NONE: nothing). Fields the API does not have pass. Shapes are kept here for the
/// integrations this host runs (Lambda Invoke, Step Functions StartExecution, SQS SendMessage, SNS Publish,
/// EventBridge PutEvents, DynamoDB item actions optimized and through the SDK, S3 object actions through the SDK),
/// from the services' API models; an explicit STRICT or PRESENT on another service integration is refused with a
/// ValidationException that says so (the default checks what it can and lets the rest pass).
/// </summary>
internal static class MockResultSchemas
{
    private const string ServicePrefix = "arn:aws:states:::";

    private static readonly Dictionary<string, S> Shapes = Build();

    /// <summary>Checks a Task's mocked result as the request's mode asks.</summary>
    /// <param name="probe">The tested state.</param>
    /// <param name="mock">The mock (its result already parsed as JSON).</param>
    /// <exception cref="ApiException">ValidationException: the result does not fit, or the mode cannot be honoured.</exception>
    public static void Check(StateProbe probe, TestStateMock mock)
    {
        string mode = RequestFields.Enum(mock.FieldValidationMode, "mock.fieldValidationMode", "STRICT", "STRICT", "PRESENT", "NONE");
        if (mode == "NONE" || mock.Result is null || probe.Type != "Task" || !probe.Resource.StartsWith(ServicePrefix, StringComparison.Ordinal)
            || probe.Resource.StartsWith(StateProbe.MockResource, StringComparison.Ordinal))
        {
            return;
        }

        if (!Shapes.TryGetValue(probe.Resource[ServicePrefix.Length..], out S? shape))
        {
            if (mock.FieldValidationMode is null)
            {
                return;
            }

            throw new ApiException(
                ApiErrorTypes.ValidationException,
                $"Mock result schema validation error: no API model of '{probe.Resource}' here to check the result {mode}; use fieldValidationMode NONE");
        }

        shape.Check(JsonNode.Parse(mock.Result, documentOptions: JsonLimits.DocumentOptions), strict: mode == "STRICT");
    }

    private static Dictionary<string, S> Build()
    {
        S capacity = S.Structure(new() { ["ReadCapacityUnits"] = S.Number, ["WriteCapacityUnits"] = S.Number, ["CapacityUnits"] = S.Number });
        S consumed = S.Structure(new()
        {
            ["TableName"] = S.String, ["CapacityUnits"] = S.Number, ["ReadCapacityUnits"] = S.Number, ["WriteCapacityUnits"] = S.Number,
            ["Table"] = capacity, ["LocalSecondaryIndexes"] = S.Map(capacity), ["GlobalSecondaryIndexes"] = S.Map(capacity),
        });
        Dictionary<string, S> attributeMembers = new()
        {
            ["S"] = S.String, ["N"] = S.String, ["B"] = S.String, ["SS"] = S.List(S.String), ["NS"] = S.List(S.String),
            ["BS"] = S.List(S.String), ["NULL"] = S.Boolean, ["BOOL"] = S.Boolean,
        };
        S attribute = S.Structure(attributeMembers);
        attributeMembers["M"] = S.Map(attribute);
        attributeMembers["L"] = S.List(attribute);
        S item = S.Map(attribute);
        S metrics = S.Structure(new() { ["ItemCollectionKey"] = item, ["SizeEstimateRangeGB"] = S.List(S.Number) });
        S getItem = S.Structure(new() { ["Item"] = item, ["ConsumedCapacity"] = consumed });
        S writeItem = S.Structure(new() { ["Attributes"] = item, ["ConsumedCapacity"] = consumed, ["ItemCollectionMetrics"] = metrics });
        S query = S.Structure(new()
        {
            ["Items"] = S.List(item), ["Count"] = S.Number, ["ScannedCount"] = S.Number, ["LastEvaluatedKey"] = item, ["ConsumedCapacity"] = consumed,
        });

        S storageClass = S.Enum(
            "STANDARD", "REDUCED_REDUNDANCY", "STANDARD_IA", "ONEZONE_IA", "INTELLIGENT_TIERING", "GLACIER", "DEEP_ARCHIVE", "OUTPOSTS",
            "GLACIER_IR", "SNOW", "EXPRESS_ONEZONE", "FSX_OPENZFS");
        S s3Object = S.Structure(new()
        {
            ["Key"] = S.String, ["LastModified"] = S.String, ["ETag"] = S.String, ["Size"] = S.Number, ["StorageClass"] = storageClass,
            ["ChecksumAlgorithm"] = S.List(S.String),
        });

        return new(StringComparer.Ordinal)
        {
            ["lambda:invoke"] = S.Structure(new()
            {
                ["StatusCode"] = S.Number, ["FunctionError"] = S.String, ["LogResult"] = S.String, ["ExecutedVersion"] = S.String, ["Payload"] = S.Any,
            }),
            ["states:startExecution"] = S.Structure(new() { ["ExecutionArn"] = S.String, ["StartDate"] = S.String }, "ExecutionArn", "StartDate"),
            ["sqs:sendMessage"] = S.Structure(new()
            {
                ["MD5OfMessageBody"] = S.String, ["MD5OfMessageAttributes"] = S.String, ["MD5OfMessageSystemAttributes"] = S.String,
                ["MessageId"] = S.String, ["SequenceNumber"] = S.String,
            }),
            ["sns:publish"] = S.Structure(new() { ["MessageId"] = S.String, ["SequenceNumber"] = S.String }),
            ["events:putEvents"] = S.Structure(new()
            {
                ["FailedEntryCount"] = S.Number,
                ["Entries"] = S.List(S.Structure(new() { ["EventId"] = S.String, ["ErrorCode"] = S.String, ["ErrorMessage"] = S.String })),
            }),
            ["dynamodb:getItem"] = getItem,
            ["dynamodb:putItem"] = writeItem,
            ["dynamodb:updateItem"] = writeItem,
            ["dynamodb:deleteItem"] = writeItem,
            ["aws-sdk:dynamodb:getItem"] = getItem,
            ["aws-sdk:dynamodb:putItem"] = writeItem,
            ["aws-sdk:dynamodb:updateItem"] = writeItem,
            ["aws-sdk:dynamodb:deleteItem"] = writeItem,
            ["aws-sdk:dynamodb:query"] = query,
            ["aws-sdk:s3:getObject"] = S.Structure(new()
            {
                ["Body"] = S.Any, ["ContentLength"] = S.Number, ["ContentType"] = S.String, ["ETag"] = S.String, ["LastModified"] = S.String,
                ["VersionId"] = S.String, ["StorageClass"] = storageClass, ["Metadata"] = S.Map(S.String),
            }),
            ["aws-sdk:s3:putObject"] = S.Structure(new() { ["ETag"] = S.String, ["VersionId"] = S.String, ["Size"] = S.Number }),
            ["aws-sdk:s3:deleteObject"] = S.Structure(new() { ["DeleteMarker"] = S.Boolean, ["VersionId"] = S.String }),
            ["aws-sdk:s3:copyObject"] = S.Structure(new()
            {
                ["CopyObjectResult"] = S.Structure(new() { ["ETag"] = S.String, ["LastModified"] = S.String }), ["VersionId"] = S.String,
            }),
            ["aws-sdk:s3:listObjectsV2"] = S.Structure(new()
            {
                ["IsTruncated"] = S.Boolean, ["Contents"] = S.List(s3Object), ["Name"] = S.String, ["Prefix"] = S.String, ["Delimiter"] = S.String,
                ["MaxKeys"] = S.Number, ["KeyCount"] = S.Number, ["ContinuationToken"] = S.String, ["NextContinuationToken"] = S.String,
                ["StartAfter"] = S.String, ["CommonPrefixes"] = S.List(S.Structure(new() { ["Prefix"] = S.String })),
            }),
        };
    }
}
