using System.Text.Json.Nodes;

namespace AslOnDurable.Core.Engine.Items;

/// <summary>
/// What a JSONPath Map state iterates (ItemsPath, the state input) and what ReaderConfig.ItemsPointer selects (JSONata
/// Maps take arrays only, as AWS answers):
/// an array's elements, or an object's members in document order, each passed as <c>{"Key": name, "Value": value}</c>.
/// </summary>
/// <remarks>
/// AWS's guide (ItemsPath): "If the input to the Map state is a JSON object, it runs an iteration for each key-value pair
/// in the object, passing the pair to the iteration as input". The guide does not show the pair's JSON shape; the
/// <c>{"Key", "Value"}</c> form is what a Distributed Map over a JSON object file was observed to pass on AWS (reported by
/// another emulator's contributors), and is used for every source alike. The Map's result stays an array of the
/// iterations' outputs.
/// </remarks>
internal static class IterableItems
{
    /// <summary>The items of <paramref name="value"/>: the array itself, the object's pairs (values copied), else <see langword="null"/>.</summary>
    public static JsonArray? From(JsonNode? value)
    {
        switch (value)
        {
            case JsonArray array:
                return array;
            case JsonObject members:
                var pairs = new JsonArray();
                foreach (var (key, member) in members)
                {
                    pairs.Add(Pair(key, member?.DeepClone()));
                }

                return pairs;
            default:
                return null;
        }
    }

    /// <summary>One member as an iteration's item.</summary>
    public static JsonObject Pair(string key, JsonNode? value) => new() { ["Key"] = key, ["Value"] = value };
}
