using System.Text.Json;
using AslOnDurable.Core.Engine;
using AslOnDurable.Core.Engine.Lifecycle;
using AslOnDurable.Core.Json;
using AslOnDurable.Core.Parsing;
using AslOnDurable.Fuzzing;
using AslOnDurable.Testing;
using CsCheck;

namespace AslOnDurable.Core.Tests.Fuzzing;

/// <summary>
/// Property tests over execution inputs (issue 14): any text is refused by the strict reader or runs, in both query
/// languages, to SUCCEEDED or a <c>States.*</c> failure: never an exception, never output that cannot be written.
/// </summary>
public sealed class ExecutionInputFuzzTests
{
    private static readonly string[] Definitions =
    [
        // JSONPath: paths, filters, functions, intrinsics and choice rules over whatever the input holds.
        """
        {"StartAt":"P","States":{
          "P":{"Type":"Pass","Parameters":{"a.$":"$.a","all.$":"$..a","items.$":"$.items[*]","big.$":"$.items[?(@.n > 1)]",
            "len.$":"$.items.length()","f.$":"States.Format('{} {}', $.s, $.n)","j.$":"States.JsonToString($)",
            "h.$":"States.Hash(States.JsonToString($), 'SHA-256')","b.$":"States.Base64Encode(States.JsonToString($))",
            "back.$":"States.StringToJson(States.JsonToString($))","ctx.$":"$$.Execution.Input"},"ResultPath":"$.p","Next":"C"},
          "C":{"Type":"Choice","Choices":[
            {"Variable":"$.a","IsNumeric":true,"Next":"N"},
            {"And":[{"Variable":"$.s","IsString":true},{"Variable":"$.s","StringMatches":"*x*"}],"Next":"S"},
            {"Variable":"$.n","NumericGreaterThanPath":"$.b","Next":"N"}],"Default":"M"},
          "N":{"Type":"Pass","Parameters":{"sum.$":"States.MathAdd($.a, 1)"},"Next":"M"},
          "S":{"Type":"Pass","Parameters":{"parts.$":"States.StringSplit($.s, 'x')","u.$":"States.ArrayUnique(States.StringSplit($.s, 'x'))"},"Next":"M"},
          "M":{"Type":"Map","ItemsPath":"$.items","MaxConcurrency":2,"ItemProcessor":{"StartAt":"I","States":{"I":{"Type":"Pass","End":true}}},
            "ResultPath":"$.m","Catch":[{"ErrorEquals":["States.ALL"],"ResultPath":"$.err","Next":"W"}],"Next":"W"},
          "W":{"Type":"Wait","SecondsPath":"$.n","End":true}}}
        """,
        // JSONPath: the input as a whole, through InputPath/ResultSelector/OutputPath and a Parallel.
        """
        {"StartAt":"Par","States":{"Par":{"Type":"Parallel","InputPath":"$","Branches":[
            {"StartAt":"A","States":{"A":{"Type":"Pass","End":true}}},
            {"StartAt":"B","States":{"B":{"Type":"Pass","Parameters":{"merged.$":"States.JsonMerge($, $, false)"},"End":true}}}],
          "ResultSelector":{"first.$":"$[0]","n.$":"States.ArrayLength($)"},"OutputPath":"$.first","End":true}}}
        """,
        // JSONata: expressions over $states.input, variables, conditions and items.
        """
        {"QueryLanguage":"JSONata","StartAt":"P","States":{
          "P":{"Type":"Pass","Assign":{"v":"{% $states.input %}","k":"{% $keys($states.input) %}"}, "Output":"{% {'in': $states.input, 's': $string($states.input), 'n': $count($states.input.items), 'p': $parse($string($states.input)), 'h': $hash($string($states.input), 'SHA-256'), 'a': $states.input.a, 'sum': $sum($states.input.items[$type($) = 'number'])} %}","Next":"C"},
          "C":{"Type":"Choice","Choices":[{"Condition":"{% $states.input.a > 1 %}","Next":"M"}],"Default":"M"},
          "M":{"Type":"Map","Items":"{% $type($v.items) = 'array' ? $v.items : [$v] %}","ItemProcessor":{"StartAt":"I","States":{"I":{"Type":"Pass","Output":"{% $states.input %}","End":true}}},
            "Catch":[{"ErrorEquals":["States.ALL"],"Next":"W"}],"Next":"W"},
          "W":{"Type":"Wait","Seconds":"{% $type($v.n) = 'number' and $v.n >= 0 and $v.n < 100 ? $round($v.n) : 1 %}","Output":"{% $v %}","End":true}}}
        """,
    ];

    private static readonly ExecutionPlan[] Plans = [.. Definitions.Select(Compile)];

    private static ExecutionPlan Compile(string definition)
    {
        var parsed = DefinitionParser.Parse(definition);
        return parsed.Definition is { } valid
            ? ExecutionPlan.Compile(valid, new JsonataLibraryEvaluator())
            : throw new InvalidOperationException(string.Join("; ", parsed.Diagnostics));
    }

    [Fact]
    public void Run_AnyInputText_RefusedOrEndsWithStatesStatus() =>
        Fuzz.Check(Gen.Select(JsonGen.AnyJsonText, Gen.Int[0, Plans.Length - 1]), t =>
        {
            var (text, plan) = t;
            System.Text.Json.Nodes.JsonNode? input;
            try
            {
                input = StrictJson.Parse(text);
            }
            catch (JsonException)
            {
                return; // refused with a message, as `asl run` and StartExecution do
            }

            _ = PayloadSizeGuard.Size(input);
            var result = new Interpreter(Plans[plan])
                .RunAsync(new ExecutionRequest { Input = input }, new FakeExecutionHost(), new ExecutionOptions { MaxStateTransitions = 1000 })
                .AsTask().GetAwaiter().GetResult();

            ExecutionAssert.Ended(result, statesErrorsOnly: true);
        }, cases: 500, print: t => $"plan {t.Item2} input {t.Item1}");
}
