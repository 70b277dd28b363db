using System.Text.Json.Nodes;

namespace AslOnDurable.Core.Tests.Engine.History;

/// <summary>Random JSON values for history text tests: strings the writer escapes (quotes, HTML, non-ASCII, emoji, U+2028, control characters), numbers, nesting.</summary>
internal static class RandomJson
{
    public static JsonNode? Value(Random random, int depth = 0)
    {
        string[] strings = ["plain", "quote \" and \\ backslash", "<html>&'+`", "é ü 日本", "emoji 😀", "line\nbreak\ttab\u0001", "\u2028", ""];
        switch (random.Next(depth > 2 ? 4 : 6))
        {
            case 0: return null;
            case 1: return random.Next(2) == 0 ? random.Next(-1000, 1000) : random.NextDouble() * 1e6;
            case 2: return strings[random.Next(strings.Length)];
            case 3: return random.Next(2) == 0;
            case 4:
                JsonArray array = [];
                for (var i = random.Next(4); i > 0; i--)
                {
                    array.Add(Value(random, depth + 1));
                }

                return array;
            default:
                JsonObject obj = [];
                for (var i = random.Next(4); i > 0; i--)
                {
                    obj[strings[random.Next(strings.Length)] + i] = Value(random, depth + 1);
                }

                return obj;
        }
    }
}
