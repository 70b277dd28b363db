using System.Text.Json;
using System.Text.Json.Nodes;
using AslOnDurable.Fuzzing;
using AslOnDurable.Jsonata.Conformance;
using CsCheck;

namespace AslOnDurable.Jsonata.Tests.Fuzzing;

/// <summary>Property tests of the JSON-lines protocol (issue 14): any line gets exactly one answer line and the server goes on.</summary>
public sealed class JsonLinesFuzzTests
{
    private static readonly JsonataEnvironment Bounded = new() { MaxSteps = 100_000, Random = () => 0.5 };

    /// <summary>A request line: well-formed with random parts, or any text.</summary>
    internal static readonly Gen<string> Line = Gen.Frequency(
        (4, (IGen<string>)Gen.Select(JsonGen.AnyValue, JsonataSourceGen.AnySource, JsonGen.AnyValue, JsonGen.Value, Gen.Int[0, 7], (id, expr, data, bindings, shape) => Request(id, expr, data, bindings, shape))),
        (2, JsonGen.AnyJsonText),
        (1, Gen.Select(JsonGen.Value, JsonataSourceGen.Expression, JsonGen.Value, Gen.Int[0, 7], Gen.Int[1, 4].SelectMany(n => JsonGen.Edit.Array[n]),
            (id, expr, data, shape, edits) => JsonGen.Mutate(Request(id, expr, data, null, shape), edits))));

    [Fact]
    public void Handle_AnyLine_AnswersOneJsonObjectLineWithAnId() =>
        Fuzz.Check(Line, line => AssertAnswer(new JsonLinesServer(Bounded).Handle(line)), cases: 500, print: l => l);

    [Fact]
    public void Run_AnyLines_OneAnswerPerNonBlankLineInOrder() =>
        Fuzz.Check(
            Line.Array[1, 6],
            lines =>
            {
                // Lines cannot hold a line break of their own: a generated one splits the request in two.
                var text = string.Join("\n", lines);
                var requests = text.Split('\n').Where(l => !string.IsNullOrWhiteSpace(l.TrimEnd('\r'))).ToList();
                using var input = new StringReader(text);
                using var output = new StringWriter();

                new JsonLinesServer(Bounded).Run(input, output);

                var answers = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
                Assert.Equal(CountReaderLines(text), answers.Length);
                Assert.True(answers.Length >= requests.Count - lines.Length, "lines lost");
                foreach (var answer in answers)
                {
                    AssertAnswer(answer.TrimEnd('\r'));
                }
            },
            cases: 150);

    private static int CountReaderLines(string text)
    {
        using var reader = new StringReader(text);
        var count = 0;
        while (reader.ReadLine() is { } line)
        {
            count += string.IsNullOrWhiteSpace(line) ? 0 : 1;
        }

        return count;
    }

    private static void AssertAnswer(string answer)
    {
        Assert.DoesNotContain('\n', answer);
        JsonObject reply;
        try
        {
            reply = JsonNode.Parse(answer)!.AsObject();
        }
        catch (JsonException e)
        {
            throw new InvalidOperationException("The answer is not JSON: " + answer, e);
        }

        Assert.True(reply.ContainsKey("id"), answer);
        var kinds = new[] { "result", "undefined", "error" }.Count(reply.ContainsKey);
        Assert.True(kinds == 1, answer);
        if (reply["error"] is { } error)
        {
            Assert.Equal(JsonValueKind.String, error["message"]?.GetValueKind());
        }
    }

    private static string Request(JsonNode? id, string expr, JsonNode? data, JsonNode? bindings, int shape)
    {
        var request = new JsonObject();
        if (shape != 1)
        {
            request["id"] = id;
        }

        if (shape != 2)
        {
            request["expr"] = shape == 3 ? JsonValue.Create(7) : expr;
        }

        if (shape != 4)
        {
            request["data"] = data;
        }

        request["bindings"] = shape == 5 ? JsonValue.Create("x") : bindings ?? new JsonObject { ["v"] = 1 };
        if (shape == 6)
        {
            request["timelimit"] = 50;
            request["depth"] = 20;
        }

        return request.ToJsonString();
    }
}
