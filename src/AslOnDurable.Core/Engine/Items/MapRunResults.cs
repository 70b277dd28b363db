using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using AslOnDurable.Core.Engine.Lifecycle;
using AslOnDurable.Core.Errors;
using AslOnDurable.Core.Json;
using AslOnDurable.Core.Paths;

namespace AslOnDurable.Core.Engine.Items;

/// <summary>
/// What a map run's child executions did, kept for its ResultWriter: each child's name, input, status, output or
/// error, and dates; written as AWS lays it out (<c>&lt;prefix&gt;/&lt;map run id&gt;/manifest.json</c> plus
/// <c>SUCCEEDED_0.json</c>, <c>FAILED_0.json</c>, <c>PENDING_0.json</c>) or returned inline for a ResultWriter with
/// only a WriterConfig.
/// </summary>
/// <remarks>
/// AWS's WriterConfig: <c>Transformation</c> NONE (each child's full description, the default when exporting),
/// COMPACT (the outputs only) or FLATTEN (the outputs, arrays spread into their elements); failed children keep their
/// full description whatever the transformation. <c>OutputType</c> JSON (one array per file) or JSONL (one line per entry).
/// </remarks>
internal sealed class MapRunResults(MapRunIdentity run, int count)
{
    /// <summary>Files hold JSON as AWS writes it: quotes inside strings as <c>\"</c>, not <c>\u0022</c>.</summary>
    internal static readonly JsonSerializerOptions FileJson = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly Child[] children = new Child[count];

    /// <summary>The statuses in the order of the manifest's ResultFiles.</summary>
    private static readonly string[] Statuses = ["FAILED", "PENDING", "SUCCEEDED"];

    /// <summary>Notes that child <paramref name="index"/> started.</summary>
    public void Started(int index, string name, JsonNode? input, DateTimeOffset at) =>
        Started(index, name, JavaJsonText.Compact(input), at);

    /// <summary>Notes that child <paramref name="index"/> started with an input whose compact text is <paramref name="inputText"/>.</summary>
    public void Started(int index, string name, string inputText, DateTimeOffset at) =>
        children[index] = new Child { Name = name, Input = inputText, Start = at };

    /// <summary>Notes how child <paramref name="index"/> ended.</summary>
    public void Finished(int index, string status, JsonNode? output, AslError? error, DateTimeOffset at)
    {
        var child = children[index];
        child.Status = status;
        child.Output = JavaJsonText.Compact(output);
        child.OutputNode = output;
        child.Error = error;
        child.Stop = at;
    }

    /// <summary>Counts the children per status (PENDING for those never started).</summary>
    public int Count(string status) => children.Count(c => (c?.Status ?? "PENDING") == status);

    /// <summary>The entries of the state's output for a ResultWriter without Resource (WriterConfig only).</summary>
    public JsonArray Inline(string transformation)
    {
        var result = new JsonArray();
        foreach (var status in new[] { "SUCCEEDED", "FAILED" })
        {
            for (var i = 0; i < children.Length; i++)
            {
                if (children[i] is { } child && child.Status == status)
                {
                    AddEntries(result, child, transformation);
                }
            }
        }

        return result;
    }

    /// <summary>Writes the result files and the manifest; returns the Map's output (<c>MapRunArn</c>, <c>ResultWriterDetails</c>).</summary>
    public async Task<JsonObject> WriteAsync(IItemStore store, string bucket, string prefix, string outputType, string transformation)
    {
        var folder = (prefix.Length == 0 ? string.Empty : prefix.TrimEnd('/') + "/") + run.Id + "/";
        var files = new JsonObject();
        foreach (var status in Statuses)
        {
            var entries = new JsonArray();
            for (var i = 0; i < children.Length; i++)
            {
                var child = children[i] ?? new Child { Name = string.Empty, Input = "null" };
                if ((child.Status ?? "PENDING") == status)
                {
                    AddEntries(entries, child, status == "SUCCEEDED" ? transformation : "NONE");
                }
            }

            var list = new JsonArray();
            if (entries.Count > 0)
            {
                var key = folder + status + "_0.json";
                var size = await store.WriteAsync(bucket, key, Serialize(entries, outputType), CancellationToken.None).ConfigureAwait(false);
                list.Add(new JsonObject { ["Key"] = key, ["Size"] = size });
            }

            files[status] = list;
        }

        var manifestKey = folder + "manifest.json";
        var manifest = new JsonObject { ["DestinationBucket"] = bucket, ["MapRunArn"] = run.Arn, ["ResultFiles"] = files };
        await store.WriteAsync(bucket, manifestKey, Encoding.UTF8.GetBytes(manifest.ToJsonString(FileJson)), CancellationToken.None).ConfigureAwait(false);
        return new JsonObject
        {
            ["MapRunArn"] = run.Arn,
            ["ResultWriterDetails"] = new JsonObject { ["Bucket"] = bucket, ["Key"] = manifestKey },
        };
    }

    /// <summary>The entries as a result file's UTF-8 bytes: one JSON array, or (JSONL) one entry per line.</summary>
    internal static byte[] Serialize(JsonArray entries, string outputType) =>
        outputType == "JSONL" ? JsonUtf8.Lines(entries, FileJson) : JsonUtf8.Bytes(entries, FileJson);

    private void AddEntries(JsonArray target, Child child, string transformation)
    {
        if (child.Status == "SUCCEEDED" && transformation is "COMPACT" or "FLATTEN")
        {
            AddOutput(target, child.OutputNode?.DeepClone(), transformation);
            return;
        }

        target.Add(Describe(child));
    }

    /// <summary>Adds a succeeded child's output as COMPACT (as is) or FLATTEN (an array's elements) says.</summary>
    internal static void AddOutput(JsonArray target, JsonNode? output, string transformation)
    {
        if (transformation == "FLATTEN" && output is JsonArray array)
        {
            foreach (var element in array.ToArray())
            {
                array.Remove(element);
                target.Add(element);
            }
        }
        else
        {
            target.Add(output);
        }
    }

    /// <summary>Every child's full description (Transformation NONE), in item order; PENDING for those never started.</summary>
    public JsonArray Entries()
    {
        var entries = new JsonArray();
        foreach (var child in children)
        {
            entries.Add(Describe(child ?? new Child { Name = string.Empty, Input = "null" }));
        }

        return entries;
    }

    private JsonObject Describe(Child child)
    {
        var entry = new JsonObject();
        if (child.Error is { } error)
        {
            entry["Cause"] = error.Cause ?? string.Empty;
            entry["Error"] = error.Error;
        }

        entry["ExecutionArn"] = run.ChildExecutionArn(child.Name);
        entry["Input"] = child.Input;
        entry["InputDetails"] = new JsonObject { ["Included"] = true };
        entry["Name"] = child.Name;
        if (child.Status == "SUCCEEDED")
        {
            entry["Output"] = child.Output;
            entry["OutputDetails"] = new JsonObject { ["Included"] = true };
        }

        entry["RedriveCount"] = 0;
        entry["RedriveStatus"] = child.Status == "SUCCEEDED" ? "NOT_REDRIVABLE" : "REDRIVABLE";
        if (child.Start is { } start)
        {
            entry["StartDate"] = Rfc3339.Format(start);
        }

        entry["StateMachineArn"] = run.ChildStateMachineArn;
        entry["Status"] = child.Status ?? "PENDING";
        if (child.Stop is { } stop)
        {
            entry["StopDate"] = Rfc3339.Format(stop);
        }

        return entry;
    }

    private sealed class Child
    {
        public required string Name { get; init; }

        public required string Input { get; init; }

        public DateTimeOffset? Start { get; init; }

        public string? Status { get; set; }

        public string? Output { get; set; }

        public JsonNode? OutputNode { get; set; }

        public AslError? Error { get; set; }

        public DateTimeOffset? Stop { get; set; }
    }
}
