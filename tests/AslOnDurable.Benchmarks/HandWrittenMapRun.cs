using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using AslOnDurable.Core.Engine.Items;
using Microsoft.DurableTask;

namespace AslOnDurable.Benchmarks;

/// <summary>
/// The baseline of <c>--map-run</c>: the same fan-out written by hand with Durable Task. An activity streams the JSON
/// Lines blob into chunk blobs of 100 items, one activity per chunk (all at once: at most 1,000 batches of 100) runs the
/// three steps on its batch and writes its result file, and an activity writes the manifest.
/// </summary>
internal sealed class HandWrittenMapRun : TaskOrchestrator<string, string>
{
    public const string Name = "HandMapRun";
    public const string Stage = "HandMapRunStage";
    public const string Chunk = "HandMapRunChunk";
    public const string Finish = "HandMapRunFinish";
    public const int ChunkSize = 100;

    public override async Task<string> RunAsync(TaskOrchestrationContext context, string input)
    {
        var run = JsonNode.Parse(input)!;
        var chunks = int.Parse(await context.CallActivityAsync<string>(Stage, input), CultureInfo.InvariantCulture);
        var calls = new List<Task<string>>(chunks);
        for (var i = 0; i < chunks; i++)
        {
            calls.Add(context.CallActivityAsync<string>(Chunk, new JsonObject { ["run"] = run["run"]!.DeepClone(), ["chunk"] = i }.ToJsonString()));
        }

        var items = (await Task.WhenAll(calls)).Sum(c => long.Parse(c, CultureInfo.InvariantCulture));
        await context.CallActivityAsync<string>(Finish, input);
        return items.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>Streams the items into chunk blobs; returns the chunk count.</summary>
    internal sealed class StageActivity(IItemStore store) : TaskActivity<string, string>
    {
        public override async Task<string> RunAsync(TaskActivityContext context, string input)
        {
            var run = JsonNode.Parse(input)!;
            var id = run["run"]!.GetValue<string>();
            await using var stream = (await store.OpenReadAsync("data", run["key"]!.GetValue<string>(), CancellationToken.None))!;
            using var reader = new StreamReader(stream);
            var chunk = new JsonArray();
            var count = 0;
            while (await reader.ReadLineAsync() is { } line)
            {
                if (line.Length == 0)
                {
                    continue;
                }

                chunk.Add(JsonNode.Parse(line));
                if (chunk.Count == ChunkSize)
                {
                    await WriteAsync(store, "asl-hand", $"{id}/items/{count++}.json", chunk);
                    chunk = [];
                }
            }

            if (chunk.Count > 0)
            {
                await WriteAsync(store, "asl-hand", $"{id}/items/{count++}.json", chunk);
            }

            return count.ToString(CultureInfo.InvariantCulture);
        }
    }

    /// <summary>Runs one chunk's batch through the three steps and writes its result file; returns its item count.</summary>
    internal sealed class ChunkActivity(IItemStore store) : TaskActivity<string, string>
    {
        public override async Task<string> RunAsync(TaskActivityContext context, string input)
        {
            var request = JsonNode.Parse(input)!;
            var id = request["run"]!.GetValue<string>();
            var chunk = request["chunk"]!.GetValue<int>();
            await using var stream = (await store.OpenReadAsync("asl-hand", $"{id}/items/{chunk}.json", CancellationToken.None))!;
            var items = (JsonArray)(await JsonNode.ParseAsync(stream))!;
            var batch = new JsonObject { ["Items"] = items };
            var one = batch;
            var two = new JsonObject { ["input"] = one.DeepClone() };
            var three = two["input"]!.DeepClone();
            var entry = new JsonObject { ["Input"] = batch.ToJsonString(), ["Output"] = three.ToJsonString(), ["Status"] = "SUCCEEDED" };
            await WriteAsync(store, "results", $"hand/{id}/SUCCEEDED_{chunk}.json", new JsonArray(entry));
            return items.Count.ToString(CultureInfo.InvariantCulture);
        }
    }

    /// <summary>Lists the result files and writes the manifest.</summary>
    internal sealed class FinishActivity(IItemStore store) : TaskActivity<string, string>
    {
        public override async Task<string> RunAsync(TaskActivityContext context, string input)
        {
            var id = JsonNode.Parse(input)!["run"]!.GetValue<string>();
            var files = new JsonArray();
            await foreach (var blob in store.ListAsync("results", $"hand/{id}/", CancellationToken.None))
            {
                files.Add(new JsonObject { ["Key"] = blob.Key, ["Size"] = blob.Size });
            }

            await WriteAsync(store, "results", $"hand/{id}/manifest.json", new JsonObject { ["ResultFiles"] = new JsonObject { ["SUCCEEDED"] = files } });
            return files.Count.ToString(CultureInfo.InvariantCulture);
        }
    }

    private static Task<long> WriteAsync(IItemStore store, string container, string name, JsonNode node) =>
        store.WriteAsync(container, name, Encoding.UTF8.GetBytes(node.ToJsonString()), CancellationToken.None);
}
