using System.Text.Json.Nodes;
using AslOnDurable.Core.Errors;
using AslOnDurable.Core.Paths.Intrinsics;
using AslOnDurable.Core.Tests.Paths;
using AslOnDurable.Fuzzing;
using CsCheck;

namespace AslOnDurable.Core.Tests.Fuzzing;

/// <summary>
/// Property tests over intrinsic functions (issue 14): random calls with random arguments parse or are refused with a
/// reason, and evaluate or fail with <c>States.Runtime</c>; JSON and Base64 conversions round-trip.
/// </summary>
public sealed class IntrinsicFuzzTests
{
    private static readonly string[] Names =
    [
        "States.Format", "States.StringToJson", "States.JsonToString", "States.Array", "States.ArrayPartition", "States.ArrayContains",
        "States.ArrayRange", "States.ArrayGetItem", "States.ArrayLength", "States.ArrayUnique", "States.Base64Encode",
        "States.Base64Decode", "States.Hash", "States.JsonMerge", "States.MathRandom", "States.MathAdd", "States.StringSplit", "States.UUID",
    ];

    private static readonly Gen<string> Literal = Gen.Frequency(
        (3, (IGen<string>)JsonGen.Text.Select(s => "'" + s.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal)
            .Replace("{", "\\{", StringComparison.Ordinal).Replace("}", "\\}", StringComparison.Ordinal) + "'")),
        (3, JsonGen.Number.Select(d => d.ToString("R", System.Globalization.CultureInfo.InvariantCulture))),
        (1, Gen.OneOf("true", "false", "null", "'{}'", "'{} {}'", "'SHA-256'", "'MD5'", "'SHA-512'", "0", "-1", "1000000000", "2.5", "'[1,2]'", "'{\"a\":1}'", "'\\\\'")),
        (3, Gen.OneOf("$", "$.a", "$.items", "$.s", "$.n", "$.missing", "$$.Execution.Name", "$v", "$.items[0]", "$..n")));

    private static readonly Gen<string> Call = Build(3);

    private static readonly Gen<string> AnyCall = Gen.Frequency(
        (4, (IGen<string>)Call),
        (1, Gen.Select(Call, Gen.Int[1, 3].SelectMany(n => JsonGen.Edit.Array[n]), JsonGen.Mutate)));

    [Fact]
    public void Evaluate_RandomCall_ReturnsOrFailsWithStatesRuntime() =>
        Fuzz.Check(Gen.Select(AnyCall, JsonGen.Value), t =>
        {
            var (text, input) = t;
            if (!IntrinsicExpression.TryParse(text, out var call, out var error))
            {
                Assert.False(string.IsNullOrEmpty(error));
                return;
            }

            var environment = new FakeEvaluationEnvironment { ContextObject = new JsonObject { ["Execution"] = new JsonObject { ["Name"] = "e" } } }
                .WithVariable("v", input?.DeepClone());
            for (var i = 0; i < 10; i++)
            {
                environment.WithUuid(Guid.Empty).WithRandom(0.5);
            }

            try
            {
                var result = call.Evaluate(input, environment);
                _ = result?.ToJsonString();
            }
            catch (AslErrorException e)
            {
                Assert.Equal(StatesErrorNames.Runtime, e.Error.Error);
            }
        }, cases: 600, print: t => $"{t.Item1} over {t.Item2?.ToJsonString()}");

    [Fact]
    public void StringToJson_OfJsonToString_GivesTheValueBack() =>
        Fuzz.Check(JsonGen.IntegerValue, value =>
        {
            var input = new JsonObject { ["v"] = value?.DeepClone() };

            var back = IntrinsicExpression.Parse("States.StringToJson(States.JsonToString($.v))").Evaluate(input, new FakeEvaluationEnvironment());

            Assert.True(JsonNode.DeepEquals(value, back), $"{value?.ToJsonString()} came back as {back?.ToJsonString()}");
        }, cases: 300);

    [Fact]
    public void Base64Decode_OfBase64Encode_GivesTheTextBack() =>
        Fuzz.Check(JsonGen.Text, text =>
        {
            var input = new JsonObject { ["s"] = text };

            var back = IntrinsicExpression.Parse("States.Base64Decode(States.Base64Encode($.s))").Evaluate(input, new FakeEvaluationEnvironment());

            Assert.Equal(text, back!.GetValue<string>());
        }, cases: 300);

    private static Gen<string> Build(int depth)
    {
        var argument = depth == 0 ? Literal : Gen.Frequency((4, (IGen<string>)Literal), (1, Build(depth - 1)));
        return Gen.Select(Gen.OneOf(Names), argument.Array[0, 4], (name, args) => $"{name}({string.Join(", ", args)})");
    }
}
