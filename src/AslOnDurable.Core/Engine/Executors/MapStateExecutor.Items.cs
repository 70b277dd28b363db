using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using AslOnDurable.Core.Engine.Items;
using AslOnDurable.Core.Engine.Lifecycle;
using AslOnDurable.Core.Engine.MapRuns;
using AslOnDurable.Core.Engine.Plan;
using AslOnDurable.Core.Errors;

namespace AslOnDurable.Core.Engine.Executors;

/// <summary>The distributed Map's item storage: ItemReader in, ResultWriter out, through <see cref="IExecutionHost.ItemStore"/>.</summary>
internal static partial class MapStateExecutor
{
    /// <summary>S3 PutObject, the ResultWriter resource AWS documents.</summary>
    public const string S3PutObject = "arn:aws:states:::s3:putObject";

    /// <summary>The Azure form of the ResultWriter resource (<c>Container</c>, <c>Prefix</c>).</summary>
    public const string AzurePutBlob = "arn:azure:states:::blob:putBlob";

    private static IItemStore Store(ExecutionFrame frame, string field) =>
        frame.Run.Host.ItemStore ?? throw StateFailure.Runtime(
            $"The Map state's {field} needs a host with item storage; this host has none (durable hosts do not serve it yet: asl run --express reads and writes items in --items-folder).");

    private static async ValueTask<JsonArray> ReadItemsAsync(MapStatePlan state, ExecutionFrame frame, JsonNode? arguments, double? maxItems)
    {
        var store = Store(frame, "ItemReader");
        var source = ItemReaderResources.Resolve(state.ItemReader!.Resource, arguments, state.ItemReader.ReaderConfig, maxItems);
        var items = new JsonArray();
        var limit = frame.Run.Options.MaxInMemoryMapItems;
        try
        {
            await foreach (var item in BlobItemReader.ReadAsync(store, source, CancellationToken.None).ConfigureAwait(false))
            {
                if (items.Count >= limit)
                {
                    throw BlobItemReader.Failed(
                        $"{source.Location} holds more than {limit} items, the most this host reads for a map run it runs in memory: " +
                        "set ReaderConfig.MaxItems, or run the state machine on a durable host, which streams the items.");
                }

                items.Add(item);
            }
        }
        catch (Exception e) when (e is not AslErrorException and not OperationCanceledException)
        {
            throw BlobItemReader.Failed($"Reading {source.Location} failed: {e.Message}");
        }

        return items;
    }

    private static MapRunTracking? StartResults(MapStatePlan state, ExecutionFrame frame, int count)
    {
        if (state.ResultWriter is null)
        {
            return null;
        }

        var run = frame.Run;
        var marker = run.StateMachineId.LastIndexOf(":stateMachine:", StringComparison.Ordinal);
        var prefix = marker < 0 ? run.StateMachineId : run.StateMachineId[..marker];
        var identity = new MapRunIdentity(
            prefix,
            run.StateMachineName,
            state.Label ?? state.Name,
            run.Host.NewGuid().ToString("D", CultureInfo.InvariantCulture),
            Express: state.ExecutionType == "EXPRESS");
        return new MapRunTracking(identity, new MapRunResults(identity, count));
    }

    private static string ChildName(ExecutionFrame frame) =>
        frame.Run.Host.NewGuid().ToString("D", CultureInfo.InvariantCulture);

    internal static string ChildStatus(ExecutionStatus status) => status switch
    {
        ExecutionStatus.Succeeded => "SUCCEEDED",
        ExecutionStatus.TimedOut => "TIMED_OUT",
        ExecutionStatus.Aborted => "ABORTED",
        _ => "FAILED",
    };

    /// <summary>
    /// Runs the ResultWriter: with a Resource, writes the result files and returns <c>{"MapRunArn", "ResultWriterDetails"}</c>;
    /// with only a WriterConfig, returns the transformed results.
    /// </summary>
    private static async ValueTask<JsonNode> WriteResultsAsync(MapStatePlan state, ExecutionFrame frame, JsonNode? raw, JsonNode? effective, MapRunTracking tracking)
    {
        var writer = ResolveWriter(state, frame, raw, effective);
        if (!writer.Exports)
        {
            return tracking.Results.Inline(writer.Transformation);
        }

        var store = Store(frame, "ResultWriter");
        try
        {
            return await tracking.Results.WriteAsync(store, writer.Bucket, writer.Prefix, writer.OutputType, writer.Transformation).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not AslErrorException and not OperationCanceledException)
        {
            throw WriterFailed($"Writing the results to {writer.Bucket}/{writer.Prefix} failed: {e.Message}");
        }
    }

    /// <summary>Evaluates and checks the ResultWriter (WriterConfig, Resource, Bucket/Container and Prefix).</summary>
    private static MapRunWriter ResolveWriter(MapStatePlan state, ExecutionFrame frame, JsonNode? raw, JsonNode? effective)
    {
        var writer = state.ResultWriter!;
        var config = writer.WriterConfig;
        var outputType = WriterString(config, "OutputType") ?? "JSON";
        if (outputType is not ("JSON" or "JSONL"))
        {
            throw WriterFailed($"WriterConfig.OutputType '{outputType}' is not valid: use JSON or JSONL.");
        }

        var transformation = WriterString(config, "Transformation") ?? (writer.Resource is null ? "COMPACT" : "NONE");
        if (transformation is not ("NONE" or "COMPACT" or "FLATTEN"))
        {
            throw WriterFailed($"WriterConfig.Transformation '{transformation}' is not valid: use NONE, COMPACT or FLATTEN.");
        }

        if (writer.Resource is null)
        {
            return new MapRunWriter(false, string.Empty, string.Empty, outputType, transformation);
        }

        var azure = writer.Resource switch
        {
            S3PutObject => false,
            AzurePutBlob => true,
            _ => throw WriterFailed($"The ResultWriter resource '{writer.Resource}' is not supported: use {S3PutObject} or {AzurePutBlob}."),
        };
        JsonNode? arguments;
        if (state.IsJsonata)
        {
            var states = JsonataStates.Create(raw, null, null, frame.Environment);
            try
            {
                arguments = state.WriterArguments?.Evaluate(states, frame.Environment);
            }
            finally
            {
                JsonataStates.Release(states, frame.Environment);
            }
        }
        else
        {
            arguments = state.WriterParameters?.Evaluate(effective, frame.Environment);
        }

        var bucketField = azure ? "Container" : "Bucket";
        var bucket = arguments?[bucketField] is JsonValue b && b.GetValueKind() == JsonValueKind.String ? b.GetValue<string>() : null;
        if (string.IsNullOrEmpty(bucket))
        {
            throw WriterFailed($"The ResultWriter needs a non-empty string '{bucketField}'.");
        }

        var prefix = arguments?["Prefix"] switch
        {
            null => string.Empty,
            JsonValue p when p.GetValueKind() == JsonValueKind.String => p.GetValue<string>(),
            var other => throw WriterFailed($"The ResultWriter's 'Prefix' must be a string but was {other.ToJsonString()}."),
        };
        return new MapRunWriter(true, bucket, prefix, outputType, transformation);
    }

    private static string? WriterString(JsonObject? config, string name) => config?[name] switch
    {
        null => null,
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        var other => throw WriterFailed($"WriterConfig.{name} must be a string but was {other.ToJsonString()}."),
    };

    private static AslErrorException WriterFailed(string cause) => new(StatesErrorNames.ResultWriterFailed, cause);

    /// <summary>A map run's names and its children's records.</summary>
    private sealed record MapRunTracking(MapRunIdentity Identity, MapRunResults Results);
}
