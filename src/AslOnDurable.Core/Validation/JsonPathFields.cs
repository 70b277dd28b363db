using AslOnDurable.Core.Model;
using AslOnDurable.Core.Model.Choice;
using AslOnDurable.Core.Model.States;
using AslOnDurable.Core.Parsing;

namespace AslOnDurable.Core.Validation;

/// <summary>Lists the path fields and payload templates of a JSONPath-mode state (nothing for JSONata states).</summary>
internal static class JsonPathFields
{
    /// <summary>The path fields of a state, in document order of the model.</summary>
    public static IEnumerable<JsonPathField> Paths(StateDefinition state)
    {
        if (state.QueryLanguage != QueryLanguage.JSONPath)
        {
            yield break;
        }

        var at = state.Location;
        if (state is not FailState)
        {
            if (state.InputPath is { } input)
            {
                yield return new JsonPathField(input, JsonPointer.Append(at, "InputPath"), PathKind.Path);
            }

            if (state.OutputPath is { } output)
            {
                yield return new JsonPathField(output, JsonPointer.Append(at, "OutputPath"), PathKind.Path);
            }
        }

        var resultPath = state switch
        {
            PassState pass => pass.ResultPath,
            TaskState task => task.ResultPath,
            ParallelState parallel => parallel.ResultPath,
            MapState map => map.ResultPath,
            _ => null,
        };
        if (resultPath is not null)
        {
            yield return new JsonPathField(resultPath, JsonPointer.Append(at, "ResultPath"), PathKind.ResultPath);
        }

        var catchers = StateTransitions.Catchers(state);
        for (var i = 0; i < catchers.Count; i++)
        {
            if (catchers[i].ResultPath is { } catchPath)
            {
                yield return new JsonPathField(catchPath, JsonPointer.Append(JsonPointer.Append(JsonPointer.Append(at, "Catch"), i), "ResultPath"), PathKind.ResultPath);
            }
        }

        foreach (var field in SpecificPaths(state))
        {
            yield return field;
        }
    }

    /// <summary>The payload templates of a state.</summary>
    public static IEnumerable<JsonPathTemplate> Templates(StateDefinition state)
    {
        if (state.QueryLanguage != QueryLanguage.JSONPath)
        {
            yield break;
        }

        var at = state.Location;
        var candidates = new List<(System.Text.Json.Nodes.JsonNode?, string)>
        {
            (state.Assign, JsonPointer.Append(at, "Assign")),
        };
        switch (state)
        {
            case PassState pass:
                candidates.Add((pass.Parameters, JsonPointer.Append(at, "Parameters")));
                break;
            case TaskState task:
                candidates.Add((task.Parameters, JsonPointer.Append(at, "Parameters")));
                candidates.Add((task.ResultSelector, JsonPointer.Append(at, "ResultSelector")));
                candidates.Add((task.Credentials, JsonPointer.Append(at, "Credentials")));
                break;
            case ParallelState parallel:
                candidates.Add((parallel.Parameters, JsonPointer.Append(at, "Parameters")));
                candidates.Add((parallel.ResultSelector, JsonPointer.Append(at, "ResultSelector")));
                break;
            case MapState map:
                candidates.Add((map.ItemSelector, JsonPointer.Append(at, "ItemSelector")));
                candidates.Add((map.ResultSelector, JsonPointer.Append(at, "ResultSelector")));
                candidates.Add((map.ItemReader?.Parameters, JsonPointer.Append(JsonPointer.Append(at, "ItemReader"), "Parameters")));
                candidates.Add((map.ResultWriter?.Parameters, JsonPointer.Append(JsonPointer.Append(at, "ResultWriter"), "Parameters")));
                candidates.Add((map.ItemBatcher?.BatchInput, JsonPointer.Append(JsonPointer.Append(at, "ItemBatcher"), "BatchInput")));
                break;
            case ChoiceState choice:
                for (var i = 0; i < choice.Choices.Length; i++)
                {
                    candidates.Add((choice.Choices[i].Assign, JsonPointer.Append(JsonPointer.Append(JsonPointer.Append(at, "Choices"), i), "Assign")));
                }

                break;
        }

        var catchers = StateTransitions.Catchers(state);
        for (var i = 0; i < catchers.Count; i++)
        {
            candidates.Add((catchers[i].Assign, JsonPointer.Append(JsonPointer.Append(JsonPointer.Append(at, "Catch"), i), "Assign")));
        }

        foreach (var (template, pointer) in candidates)
        {
            if (template is not null)
            {
                yield return new JsonPathTemplate(template, pointer);
            }
        }
    }

    private static IEnumerable<JsonPathField> SpecificPaths(StateDefinition state)
    {
        var at = state.Location;
        switch (state)
        {
            case TaskState task:
                foreach (var f in Optional(at, ("TimeoutSecondsPath", task.TimeoutSecondsPath), ("HeartbeatSecondsPath", task.HeartbeatSecondsPath)))
                {
                    yield return f with { Kind = PathKind.ReferencePath };
                }

                break;
            case WaitState wait:
                foreach (var f in Optional(at, ("SecondsPath", wait.SecondsPath), ("TimestampPath", wait.TimestampPath)))
                {
                    yield return f with { Kind = PathKind.ReferencePath };
                }

                break;
            case FailState fail:
                foreach (var f in Optional(at, ("ErrorPath", fail.ErrorPath), ("CausePath", fail.CausePath)))
                {
                    yield return f with { Kind = PathKind.ReferencePathOrIntrinsic };
                }

                break;
            case MapState map:
                if (map.ItemsPath is { } itemsPath)
                {
                    yield return new JsonPathField(itemsPath, JsonPointer.Append(at, "ItemsPath"), PathKind.ReferencePath);
                }

                foreach (var f in Optional(at, ("MaxConcurrencyPath", map.MaxConcurrencyPath), ("ToleratedFailurePercentagePath", map.ToleratedFailurePercentagePath), ("ToleratedFailureCountPath", map.ToleratedFailureCountPath)))
                {
                    yield return f with { Kind = PathKind.NumberReferencePath };
                }

                if (map.ItemBatcher is { } batcher)
                {
                    foreach (var f in Optional(JsonPointer.Append(at, "ItemBatcher"), ("MaxItemsPerBatchPath", batcher.MaxItemsPerBatchPath), ("MaxInputBytesPerBatchPath", batcher.MaxInputBytesPerBatchPath)))
                    {
                        yield return f with { Kind = PathKind.NumberReferencePath };
                    }
                }

                if (map.ItemReader?.ReaderConfig?["MaxItemsPath"] is System.Text.Json.Nodes.JsonValue maxItemsPath && maxItemsPath.TryGetValue<string>(out var text))
                {
                    yield return new JsonPathField(text, JsonPointer.Append(JsonPointer.Append(JsonPointer.Append(at, "ItemReader"), "ReaderConfig"), "MaxItemsPath"), PathKind.NumberReferencePath);
                }

                break;
            case ChoiceState choice:
                for (var i = 0; i < choice.Choices.Length; i++)
                {
                    foreach (var f in ConditionPaths(choice.Choices[i].Condition, JsonPointer.Append(JsonPointer.Append(at, "Choices"), i)))
                    {
                        yield return f;
                    }
                }

                break;
        }
    }

    private static IEnumerable<JsonPathField> ConditionPaths(ChoiceCondition condition, string at)
    {
        switch (condition)
        {
            case ComparisonCondition comparison:
                yield return new JsonPathField(comparison.Variable, JsonPointer.Append(at, "Variable"), PathKind.Path);
                if (comparison.IsPath && comparison.Operand is System.Text.Json.Nodes.JsonValue operand && operand.TryGetValue<string>(out var path))
                {
                    yield return new JsonPathField(path, JsonPointer.Append(at, comparison.Operator + "Path"), PathKind.ReferencePath);
                }

                break;
            case AndCondition and:
                foreach (var f in Nested(and.Conditions, JsonPointer.Append(at, "And")))
                {
                    yield return f;
                }

                break;
            case OrCondition or:
                foreach (var f in Nested(or.Conditions, JsonPointer.Append(at, "Or")))
                {
                    yield return f;
                }

                break;
            case NotCondition not:
                foreach (var f in ConditionPaths(not.Condition, JsonPointer.Append(at, "Not")))
                {
                    yield return f;
                }

                break;
        }
    }

    private static IEnumerable<JsonPathField> Nested(IReadOnlyList<ChoiceCondition> conditions, string at) =>
        conditions.SelectMany((c, i) => ConditionPaths(c, JsonPointer.Append(at, i)));

    private static IEnumerable<JsonPathField> Optional(string at, params (string Name, string? Value)[] fields) =>
        fields.Where(f => f.Value is not null).Select(f => new JsonPathField(f.Value!, JsonPointer.Append(at, f.Name), PathKind.Path));
}
