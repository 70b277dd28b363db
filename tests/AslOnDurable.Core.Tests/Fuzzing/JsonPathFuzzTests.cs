using System.Text;
using System.Text.Json.Nodes;
using AslOnDurable.Core.Errors;
using AslOnDurable.Core.Paths.JsonPath;
using AslOnDurable.Core.Tests.Paths;
using AslOnDurable.Fuzzing;
using CsCheck;

namespace AslOnDurable.Core.Tests.Fuzzing;

/// <summary>
/// Property tests over JSONPath (issue 14): any text parses or is refused with a reason; a parsed path evaluates
/// over any data or fails with a <c>States.*</c> error; a path built to a node selects exactly that node.
/// </summary>
public sealed class JsonPathFuzzTests
{
    private static readonly Gen<string> Segment = Gen.Frequency(
        (4, (IGen<string>)JsonGen.Key.Select(k => "." + k)),
        (2, JsonGen.Key.Select(k => "['" + k.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal) + "']")),
        (2, Gen.Int[-3, 5].Select(i => $"[{i}]")),
        (1, Gen.OneOf(".*", "[*]", "..a", "..*", "[0:2]", "[-1:]", "[::2]", "[0,1]", "['a','b']", "[?(@.n > 1)]", "[?(@.s == 'x' && @.n)]", "[?(@.a)]",
            ".length()", ".min()", ".max()", ".avg()", ".sum()", ".stddev()", ".keys()", ".first()", ".last()", "[?(@.n =~ /a.*/)]")));

    private static readonly Gen<string> PathText = Gen.Frequency(
        (4, (IGen<string>)Gen.Select(Gen.OneOf("$", "$$", "$v", "$."), Segment.Array[0, 5], (root, segments) => root + string.Concat(segments))),
        (2, Gen.Select(Gen.Select(Gen.OneOf("$", "$$"), Segment.Array[0, 5], (root, segments) => root + string.Concat(segments)),
            Gen.Int[1, 3].SelectMany(n => JsonGen.Edit.Array[n]), JsonGen.Mutate)),
        (1, JsonGen.AnyText));

    [Fact]
    public void TryParse_AnyText_ParsesOrGivesAReasonAndEvaluatesOrFailsWithStatesError() =>
        Fuzz.Check(Gen.Select(PathText, JsonGen.Value), t =>
        {
            var (text, input) = t;
            if (!JsonPathExpression.TryParse(text, out var path, out var error))
            {
                Assert.False(string.IsNullOrEmpty(error));
                return;
            }

            var environment = new FakeEvaluationEnvironment { ContextObject = new JsonObject { ["Execution"] = new JsonObject { ["Name"] = "e" } } }
                .WithVariable("v", input?.DeepClone());
            try
            {
                path.TryEvaluate(input, environment, out var result);
                _ = result?.ToJsonString();
                _ = path.Select(input, environment);
            }
            catch (AslErrorException e)
            {
                Assert.StartsWith("States.", e.Error.Error, StringComparison.Ordinal);
            }
        }, cases: 600, print: t => $"{t.Item1} over {t.Item2?.ToJsonString()}");

    [Fact]
    public void TryEvaluate_PathBuiltToANode_SelectsThatNode() =>
        Fuzz.Check(Gen.Select(JsonGen.Value, Gen.Int[0, 1_000_000].Array[0, 6], Gen.Bool), t =>
        {
            var (document, walk, brackets) = t;
            var (path, expected) = Walk(document, walk, brackets);

            Assert.True(JsonPathExpression.TryParse(path, out var expression, out var error), error);
            Assert.True(expression.IsDefinite, path);
            Assert.True(expression.TryEvaluate(document, new FakeEvaluationEnvironment(), out var actual), path);
            Assert.True(JsonNode.DeepEquals(expected, actual), $"{path}: {actual?.ToJsonString()}");
        }, cases: 400, print: t => $"{t.Item1?.ToJsonString()} walk {string.Join(",", t.Item2)}");

    /// <summary>Follows random choices down a document, writing the path in bracket (or, for plain names, dot) notation.</summary>
    private static (string Path, JsonNode? Node) Walk(JsonNode? node, int[] choices, bool brackets)
    {
        var path = new StringBuilder("$");
        foreach (var choice in choices)
        {
            switch (node)
            {
                case JsonObject obj when obj.Count > 0:
                    var (key, child) = obj.ElementAt(choice % obj.Count);
                    if (key.Contains('\\', StringComparison.Ordinal))
                    {
                        // How Jayway unescapes a backslash inside ['...'] is not settled here: stop the walk.
                        return (path.ToString(), node);
                    }

                    if (!brackets && IsPlainName(key))
                    {
                        path.Append('.').Append(key);
                    }
                    else
                    {
                        path.Append("['").Append(key.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal)).Append("']");
                    }

                    node = child;
                    break;
                case JsonArray array when array.Count > 0:
                    path.Append('[').Append(choice % array.Count).Append(']');
                    node = array[choice % array.Count];
                    break;
                default:
                    return (path.ToString(), node);
            }
        }

        return (path.ToString(), node);
    }

    private static bool IsPlainName(string key) =>
        key.Length > 0 && (char.IsAsciiLetter(key[0]) || key[0] == '_') && key.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');
}
