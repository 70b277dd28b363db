using System.Text.Json.Nodes;
using AslOnDurable.Core.Parsing;

namespace AslOnDurable.Core.Tests.Parsing;

public class DefinitionParserRobustnessTests
{
    private static readonly string[] Replacements = ["null", "-1", "1e400", "\"x\"", "\"{% %}\"", "[]", "{\"a\":1}", "true"];

    public static TheoryData<string> Fixtures() => [.. DefinitionFixtures.List("parsing").Select(f => "parsing/" + f)];

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Parse_EveryFieldReplacedByEveryJsonType_NeverThrows(string fixture)
    {
        // Arrange
        var original = JsonNode.Parse(DefinitionFixtures.Read(fixture))!;
        var paths = new List<List<object>>();
        Collect(original, [], paths);

        foreach (var path in paths)
        {
            foreach (var replacement in Replacements)
            {
                var copy = original.DeepClone();
                Replace(copy, path, JsonNode.Parse(replacement));

                // Act
                var exception = Record.Exception(() => DefinitionParser.Parse(copy.ToJsonString()));

                // Assert
                Assert.True(exception is null, $"{string.Join("/", path)} = {replacement}: {exception}");
            }
        }
    }

    private static void Collect(JsonNode? node, List<object> path, List<List<object>> paths)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, child) in obj)
                {
                    var childPath = new List<object>(path) { key };
                    paths.Add(childPath);
                    Collect(child, childPath, paths);
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    var childPath = new List<object>(path) { i };
                    paths.Add(childPath);
                    Collect(array[i], childPath, paths);
                }

                break;
        }
    }

    private static void Replace(JsonNode root, List<object> path, JsonNode? value)
    {
        var parent = root;
        foreach (var step in path.Take(path.Count - 1))
        {
            parent = step is string key ? parent[key]! : parent[(int)step]!;
        }

        if (path[^1] is string last)
        {
            parent[last] = value;
        }
        else
        {
            parent[(int)path[^1]] = value;
        }
    }
}
