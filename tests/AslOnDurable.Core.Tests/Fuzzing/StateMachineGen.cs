using System.Text.Json.Nodes;
using AslOnDurable.Fuzzing;
using CsCheck;

namespace AslOnDurable.Core.Tests.Fuzzing;

/// <summary>
/// Generates state machines from valid and invalid pieces, in both query languages: every state type, paths,
/// intrinsics, JSONata fields, Retry/Catch, Parallel branches and inline Maps, transitions anywhere (loops included).
/// </summary>
internal static class StateMachineGen
{
    private static readonly string[] Paths = ["$", "$.a", "$.items", "$.items[0]", "$..a", "$.items[*].n", "$.missing", "$.a.b.c", "$$.Execution.Input", "$['a']", "$.items[?(@.n > 1)]", "$.items.length()", "$.", "a", "$[", ""];

    private static readonly string[] Intrinsics =
    [
        "States.Format('{} and {}', $.a, $.s)", "States.JsonToString($)", "States.StringToJson($.s)", "States.Array($.a, 1, 'x')",
        "States.ArrayLength($.items)", "States.ArrayGetItem($.items, 0)", "States.ArrayRange(1, 9, 2)", "States.ArrayPartition($.items, 2)",
        "States.ArrayContains($.items, $.a)", "States.ArrayUnique($.items)", "States.Base64Encode($.s)", "States.Base64Decode($.s)",
        "States.Hash($.s, 'SHA-256')", "States.JsonMerge($, $.a, false)", "States.MathAdd($.n, 1)", "States.MathRandom(1, 9)",
        "States.StringSplit($.s, ',')", "States.UUID()", "States.Format('{}')", "States.Nope($)",
    ];

    private static readonly string[] JsonataExpressions =
    [
        "$states.input", "$states.input.a", "$states.input.items[0]", "$count($states.input.items)", "$string($states.input)",
        "$states.input.a + 1", "$states.input.s & 'x'", "$keys($states.input)", "$v", "{'k': $states.input.a, 'v': $v}",
        "$states.context.Execution.Name", "$states.input.items.n", "$sum($states.input.items)", "$split($states.input.s, ',')",
        "$partition([1,2,3], 2)", "$parse($string($states.input))", "$hash($string($states.input), 'SHA-256')", "$uuid()", "$random()",
        "$states.input.a > 1", "$exists($states.input.a)", "$error('boom')", "(", "$nope()",
    ];

    private static readonly Gen<string> PathGen = Gen.OneOf(Paths);

    private static readonly Gen<JsonNode?> TemplateValue = Gen.Frequency(
        (2, (IGen<JsonNode?>)PathGen.Select(p => (JsonNode?)p)),
        (2, Gen.OneOf(Intrinsics).Select(i => (JsonNode?)i)),
        (1, JsonGen.Value));

    private static readonly Gen<JsonNode?> JsonataField = Gen.Frequency(
        (4, (IGen<JsonNode?>)Gen.OneOf(JsonataExpressions).Select(e => (JsonNode?)("{% " + e + " %}"))),
        (1, JsonGen.Value),
        (1, Gen.OneOf(JsonataExpressions).Select(e => (JsonNode?)new JsonObject { ["k"] = "{% " + e + " %}", ["lit"] = 1 })));

    /// <summary>A state machine definition as JSON.</summary>
    public static readonly Gen<JsonObject> Machine = Gen.Int[1, 5].SelectMany(count =>
        Gen.Select(Gen.Bool, State(count, depth: 1).Array[count], Gen.Int[0, count - 1], (jsonata, states, start) =>
        {
            var machine = new JsonObject { ["StartAt"] = "S" + start, ["States"] = new JsonObject() };
            if (jsonata)
            {
                machine["QueryLanguage"] = "JSONata";
            }

            for (var i = 0; i < states.Length; i++)
            {
                machine["States"]!.AsObject()["S" + i] = states[i](jsonata);
            }

            return machine;
        }));

    /// <summary>A state of a machine with <paramref name="count"/> states (S0..), built for a query language.</summary>
    private static Gen<Func<bool, JsonObject>> State(int count, int depth)
    {
        var target = Gen.Int[0, count - 1].Select(i => "S" + i);
        var transition = Gen.Frequency((3, (IGen<string?>)target.Select(t => (string?)t)), (2, Gen.Int[0, 0].Select(_ => (string?)null)));
        var fields = Gen.Select(PathGen, PathGen, PathGen, TemplateValue, JsonataField, JsonataField, Gen.Int[0, 15]);
        var kind = Gen.Int[0, depth > 0 ? 8 : 5];
        var branch = depth > 0 ? Gen.Select(State(1, depth - 1), Gen.Bool, (s, _) => s) : null;
        return Gen.Select(kind, transition, target, fields, JsonGen.Value, Gen.Int[0, 3], branch ?? Gen.Int[0, 0].Select(_ => (Func<bool, JsonObject>)(_ => new JsonObject { ["Type"] = "Pass", ["End"] = true })),
            (k, next, other, f, value, attempts, inner) => (Func<bool, JsonObject>)(jsonata =>
            {
                var (inputPath, outputPath, resultPath, parameters, output, assign, mask) = f;
                var state = new JsonObject();
                void Transition()
                {
                    if (next is null)
                    {
                        state["End"] = true;
                    }
                    else
                    {
                        state["Next"] = next;
                    }
                }

                void DataFlow(bool takesParameters)
                {
                    if (jsonata)
                    {
                        if ((mask & 1) != 0)
                        {
                            state["Output"] = output?.DeepClone();
                        }

                        if ((mask & 2) != 0)
                        {
                            state["Assign"] = new JsonObject { ["v"] = assign?.DeepClone() };
                        }

                        if (takesParameters && (mask & 4) != 0)
                        {
                            state["Arguments"] = new JsonObject { ["x"] = output?.DeepClone() };
                        }

                        return;
                    }

                    if ((mask & 1) != 0)
                    {
                        state["InputPath"] = inputPath;
                    }

                    if ((mask & 2) != 0)
                    {
                        state["OutputPath"] = outputPath;
                    }

                    if ((mask & 4) != 0)
                    {
                        state["ResultPath"] = resultPath;
                    }

                    if (takesParameters && (mask & 8) != 0)
                    {
                        state["Parameters"] = new JsonObject { ["x.$"] = parameters?.DeepClone(), ["lit"] = 1 };
                    }
                }

                void Recovery()
                {
                    if ((mask & 8) != 0)
                    {
                        state["Retry"] = new JsonArray(new JsonObject { ["ErrorEquals"] = new JsonArray("States.ALL"), ["MaxAttempts"] = attempts, ["IntervalSeconds"] = 1 });
                    }

                    if ((mask & 16) == 0)
                    {
                        state["Catch"] = new JsonArray(new JsonObject { ["ErrorEquals"] = new JsonArray("States.ALL"), ["Next"] = other });
                    }
                }

                switch (k)
                {
                    case 0:
                        state["Type"] = "Pass";
                        if (!jsonata && (mask & 16) != 0)
                        {
                            state["Result"] = value?.DeepClone();
                        }

                        DataFlow(takesParameters: true);
                        Transition();
                        break;
                    case 1:
                        state["Type"] = "Choice";
                        state["Choices"] = jsonata
                            ? new JsonArray(new JsonObject { ["Condition"] = output?.DeepClone(), ["Next"] = other })
                            : new JsonArray(new JsonObject { ["Variable"] = inputPath, [(mask & 1) != 0 ? "NumericGreaterThan" : "IsPresent"] = (mask & 1) != 0 ? 1 : true, ["Next"] = other });
                        if (next is not null)
                        {
                            state["Default"] = next;
                        }

                        break;
                    case 2:
                        state["Type"] = "Wait";
                        if (jsonata)
                        {
                            state["Seconds"] = (mask & 1) != 0 ? output?.DeepClone() : attempts;
                        }
                        else if ((mask & 1) != 0)
                        {
                            state["SecondsPath"] = inputPath;
                        }
                        else
                        {
                            state["Seconds"] = attempts;
                        }

                        Transition();
                        break;
                    case 3:
                        state["Type"] = "Succeed";
                        break;
                    case 4:
                        state["Type"] = "Fail";
                        state["Error"] = (mask & 1) != 0 ? "Custom.Error" : "States.TaskFailed";
                        state["Cause"] = "generated";
                        break;
                    case 5:
                        state["Type"] = "Task";
                        state["Resource"] = "arn:aws:states:::lambda:invoke";
                        DataFlow(takesParameters: true);
                        Recovery();
                        Transition();
                        break;
                    case 6:
                        state["Type"] = "Parallel";
                        state["Branches"] = new JsonArray(Machine1(inner(jsonata)), Machine1(inner(jsonata)));
                        DataFlow(takesParameters: true);
                        Recovery();
                        Transition();
                        break;
                    default:
                        state["Type"] = "Map";
                        if (jsonata)
                        {
                            state["Items"] = (mask & 1) != 0 ? "{% $states.input.items %}" : new JsonArray(1, 2, 3);
                        }
                        else
                        {
                            state["ItemsPath"] = (mask & 1) != 0 ? "$.items" : inputPath;
                        }

                        state["MaxConcurrency"] = attempts;
                        state["ItemProcessor"] = Machine1(inner(jsonata));
                        DataFlow(takesParameters: false);
                        Recovery();
                        Transition();
                        break;
                }

                return state;
            }));
    }

    private static JsonObject Machine1(JsonObject state)
    {
        state.Remove("Next");
        state.Remove("Default");
        state.Remove("Catch");
        if (state["Type"]?.GetValue<string>() is not ("Succeed" or "Fail" or "Choice"))
        {
            state["End"] = true;
        }

        if (state["Type"]?.GetValue<string>() == "Choice")
        {
            state["Type"] = "Pass";
            state.Remove("Choices");
            state["End"] = true;
        }

        return new JsonObject { ["StartAt"] = "B", ["States"] = new JsonObject { ["B"] = state } };
    }
}
