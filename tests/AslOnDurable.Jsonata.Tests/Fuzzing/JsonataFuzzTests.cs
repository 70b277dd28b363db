using System.Text.Json.Nodes;
using AslOnDurable.Fuzzing;
using CsCheck;

namespace AslOnDurable.Jsonata.Tests.Fuzzing;

/// <summary>
/// Property tests over random and mutated JSONata sources and inputs (issue 14): compiling and evaluating either
/// returns a value or raises <see cref="JsonataException"/> with a JSONata error code, within the step budget.
/// </summary>
public sealed class JsonataFuzzTests
{
    private static readonly JsonataEnvironment Bounded = new()
    {
        MaxSteps = 100_000,
        Clock = () => new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero),
        Random = () => 0.25,
    };

    private static readonly JsonataEnvironment BoundedStepFunctions = new()
    {
        StepFunctionsMode = true,
        MaxSteps = 100_000,
        Clock = () => new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero),
        Random = () => 0.25,
    };

    [Fact]
    public void Evaluate_RandomSourceAndInput_ReturnsOrRaisesACodedJsonataError() =>
        Fuzz.Check(
            Gen.Select(JsonataSourceGen.AnySource, JsonGen.AnyValue, Gen.Bool),
            t =>
            {
                var (source, input, stepFunctions) = t;
                try
                {
                    var value = JsonataExpression.Compile(source).Evaluate(input, null, stepFunctions ? BoundedStepFunctions : Bounded);
                    if (value.IsDefined && !value.IsFunction)
                    {
                        // Whatever a result holds, it can be written as JSON text and read back.
                        JsonNode.Parse(value.ToJsonString());
                    }
                }
                catch (JsonataException e)
                {
                    Assert.Matches("^[A-Z][0-9]{4}$", e.Code);
                    Assert.False(string.IsNullOrEmpty(e.Message));
                }
            },
            cases: 600,
            print: t => $"source {t.Item1} input {t.Item2?.ToJsonString()}");

    [Fact]
    public void Evaluate_JsonTextAsSource_RoundTripsTheValue() =>
        // JSON is JSONata: the text of any JSON value evaluates to that value.
        Fuzz.Check(
            JsonGen.IntegerValue,
            value =>
            {
                var text = value?.ToJsonString() ?? "null";

                var result = JsonataExpression.Compile(text).Evaluate((JsonNode?)null, null, Bounded);

                Assert.True(JsonNode.DeepEquals(value, JsonNode.Parse(result.ToJsonString())), $"{text} gave {result.ToJsonString()}");
            },
            cases: 300);

    [Fact]
    public void Evaluate_StringOfInput_ParsesBackToTheInput() =>
        // $string writes JSON that reads back as the same value.
        Fuzz.Check(
            JsonGen.IntegerValue,
            value =>
            {
                var result = JsonataExpression.Compile("$string($)").Evaluate(value, null, Bounded);
                if (value is null or JsonValue)
                {
                    return; // $string of a string is the string itself; of null, "null"
                }

                Assert.True(JsonNode.DeepEquals(value, JsonNode.Parse(result.Node!.GetValue<string>())));
            },
            cases: 200);
}
