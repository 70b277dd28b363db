using System.Text.Json;
using System.Text.Json.Nodes;
using AslOnDurable.Core.Engine;
using AslOnDurable.Core.Engine.Lifecycle;
using AslOnDurable.Core.Errors;
using AslOnDurable.Core.Json;
using AslOnDurable.Core.Parsing;
using AslOnDurable.Core.Validation;
using AslOnDurable.Fuzzing;
using AslOnDurable.Testing;
using CsCheck;

namespace AslOnDurable.Core.Tests.Fuzzing;

/// <summary>
/// Property tests over definitions (issue 14): random and mutated ASL through the parser and validator never throw
/// (every problem is a diagnostic), a definition they accept always compiles and runs to an end, and reformatting
/// the text changes no diagnostic.
/// </summary>
public sealed class DefinitionFuzzTests
{
    private static readonly IReadOnlyList<string> Fixtures = DefinitionFiles.All();

    private static readonly Gen<string> FixtureText = Gen.Int[0, Fixtures.Count - 1].Select(i =>
    {
        var name = Fixtures[i];
        return DefinitionFiles.Read(name[..name.IndexOf('/', StringComparison.Ordinal)], name[(name.IndexOf('/', StringComparison.Ordinal) + 1)..]);
    });

    /// <summary>A fixture's text with a few character edits (mostly invalid JSON or invalid ASL).</summary>
    private static readonly Gen<string> MutatedText = Gen.Select(FixtureText, Gen.Int[1, 3].SelectMany(n => JsonGen.Edit.Array[n]), JsonGen.Mutate);

    /// <summary>A fixture with one field (anywhere in it) replaced by a random value.</summary>
    private static readonly Gen<string> FieldReplaced = Gen.Select(FixtureText, Gen.Int[0, 10_000], JsonGen.AnyValue, (text, pick, value) =>
    {
        if (!IsJson(text))
        {
            return text; // the fixtures of invalid JSON (or with repeated names) stay as they are
        }

        var root = JsonNode.Parse(text)!;
        var fields = new List<(JsonNode Parent, object Key)>();
        Collect(root, fields);
        if (fields.Count > 0)
        {
            var (parent, key) = fields[pick % fields.Count];
            if (parent is JsonObject obj)
            {
                obj[(string)key] = value;
            }
            else
            {
                parent.AsArray()[(int)key] = value;
            }
        }

        return root.ToJsonString();
    });

    private static readonly Gen<string> AnyDefinition = Gen.Frequency(
        (2, (IGen<string>)MutatedText),
        (2, FieldReplaced),
        (2, StateMachineGen.Machine.Select(m => m.ToJsonString())),
        (1, JsonGen.AnyJsonText));

    [Fact]
    public void Parse_AnyDefinitionText_ReportsDiagnosticsAndNeverThrows() =>
        Fuzz.Check(AnyDefinition, text =>
        {
            var parsed = DefinitionParser.Parse(text);

            AssertConsistent(parsed);
            if (parsed.Definition is not null)
            {
                // What the validator accepts compiles: no FormatException surfaces at run time.
                ExecutionPlan.Compile(parsed.Definition, new JsonataLibraryEvaluator());
            }
        }, cases: 500, print: t => t);

    [Fact]
    public void Parse_ReformattedText_SameDiagnostics() =>
        // parse -> serialize -> parse: indentation, spacing and escapes in the text change nothing.
        Fuzz.Check(Gen.Frequency((1, (IGen<string>)FieldReplaced), (1, StateMachineGen.Machine.Select(m => m.ToJsonString()))), text =>
        {
            if (!IsJson(text))
            {
                return; // the fixtures of invalid JSON have no other form
            }

            var compact = DefinitionParser.Parse(text);
            var indented = DefinitionParser.Parse(JsonNode.Parse(text)!.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));

            Assert.Equal(Describe(compact), Describe(indented));
            Assert.Equal(compact.IsValid, indented.IsValid);
        }, cases: 300, print: t => t);

    [Fact]
    public void Run_GeneratedStateMachine_EndsWithAStatusAndWritableOutput() =>
        Fuzz.Check(Gen.Select(StateMachineGen.Machine, JsonGen.Value, Gen.Int[0, 3]), t =>
        {
            var (machine, input, failures) = t;
            var parsed = DefinitionParser.Parse(machine.ToJsonString());
            AssertConsistent(parsed);
            if (parsed.Definition is null)
            {
                return;
            }

            var host = new FakeExecutionHost();
            var calls = 0;
            host.Tasks = invocation => ++calls <= failures ? TaskOutcome.Failure(new AslError("Task.Boom", "generated")) : TaskOutcome.Success(invocation.Input);
            var plan = ExecutionPlan.Compile(parsed.Definition, new JsonataLibraryEvaluator());

            var result = new Interpreter(plan)
                .RunAsync(new ExecutionRequest { Input = input }, host, new ExecutionOptions { MaxStateTransitions = 100 })
                .AsTask().GetAwaiter().GetResult();

            ExecutionAssert.Ended(result);
        }, cases: 250, print: t => $"{t.Item1.ToJsonString()} input {t.Item2?.ToJsonString()}");

    internal static void AssertConsistent(ParseResult parsed)
    {
        Assert.Equal(parsed.Definition is null, parsed.Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error));
        foreach (var diagnostic in parsed.Diagnostics)
        {
            Assert.False(string.IsNullOrEmpty(diagnostic.Code));
            Assert.False(string.IsNullOrEmpty(diagnostic.Message));
            Assert.True(diagnostic.Location.Length == 0 || diagnostic.Location[0] == '/', diagnostic.Location);
        }
    }

    private static bool IsJson(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text, new JsonDocumentOptions { AllowDuplicateProperties = false });
            return true;
        }
        catch (Exception e) when (e is JsonException or ArgumentException)
        {
            return false;
        }
    }

    private static string[] Describe(ParseResult parsed) =>
        [.. parsed.Diagnostics.Select(d => $"{d.Severity} {d.Code} {d.Location}: {d.Message}")];

    private static void Collect(JsonNode? node, List<(JsonNode Parent, object Key)> fields)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, child) in obj)
                {
                    fields.Add((obj, key));
                    Collect(child, fields);
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    fields.Add((array, i));
                    Collect(array[i], fields);
                }

                break;
        }
    }
}
