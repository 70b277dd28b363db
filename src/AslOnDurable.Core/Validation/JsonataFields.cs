using System.Text.Json;
using System.Text.Json.Nodes;
using AslOnDurable.Core.Model;
using AslOnDurable.Core.Model.Choice;
using AslOnDurable.Core.Model.States;
using AslOnDurable.Core.Parsing;
using AslOnDurable.Jsonata;

namespace AslOnDurable.Core.Validation;

/// <summary>Lists the fields of a JSONata-mode state that AWS evaluates as JSONata (nothing for JSONPath states).</summary>
/// <remarks>
/// <c>Comment</c>, <c>Next</c>, <c>ErrorEquals</c> and <c>ReaderConfig.CSVHeaders</c> keep a <c>{% %}</c> string as
/// text, as AWS does; every string of a payload template is parsed, whatever its key.
/// </remarks>
internal static class JsonataFields
{
    /// <summary>
    /// The environment expressions are analyzed in: Step Functions mode (no <c>$eval</c>) with AWS's own functions
    /// (<c>$partition</c>, <c>$range</c>, <c>$hash</c>, <c>$random</c>, <c>$uuid</c>, <c>$parse</c>) known by name.
    /// </summary>
    /// <remarks>Used only by <see cref="JsonataExpression.Analyze"/>, so the functions are names and are never called.</remarks>
    public static JsonataEnvironment AnalysisEnvironment { get; } = new()
    {
        StepFunctionsMode = true,
        Functions = [.. new[] { "partition", "range", "hash", "random", "uuid", "parse" }.Select(name => new JsonataFunction(name, null, _ => JsonataValue.Undefined))],
    };

    /// <summary>Whether a string is a JSONata expression (<c>{% ... %}</c>).</summary>
    public static bool IsExpression(string text) =>
        text.StartsWith("{%", StringComparison.Ordinal) && text.EndsWith("%}", StringComparison.Ordinal) && text.Length >= 4;

    /// <summary>The whole, non-empty <c>{% ... %}</c> strings of a state's JSONata fields, in model order.</summary>
    public static IEnumerable<JsonataFieldExpression> Expressions(StateDefinition state) =>
        Fields(state).SelectMany(field => Expressions(field.Value, field.Pointer));

    /// <summary>Compiles an expression body and analyzes it; null when it does not compile.</summary>
    public static JsonataAnalysis? Analyze(string body)
    {
        try
        {
            return JsonataExpression.Compile(body).Analyze(AnalysisEnvironment);
        }
        catch (JsonataException)
        {
            return null;
        }
    }

    /// <summary>The JSONata fields of a state, in document order of the model.</summary>
    public static IEnumerable<JsonataField> Fields(StateDefinition state)
    {
        if (state.QueryLanguage != QueryLanguage.JSONata)
        {
            yield break;
        }

        var at = state.Location;
        string P(string field) => JsonPointer.Append(at, field);
        yield return new(state.Output, P("Output"), JsonataFieldRole.Template);
        yield return new(state.Assign, P("Assign"), JsonataFieldRole.Template);
        switch (state)
        {
            case TaskState task:
                yield return new(task.Arguments, P("Arguments"), JsonataFieldRole.Template);
                yield return new(task.Credentials, P("Credentials"), JsonataFieldRole.Template);
                yield return new(task.TimeoutSeconds, P("TimeoutSeconds"), JsonataFieldRole.NumberOrExpression);
                yield return new(task.HeartbeatSeconds, P("HeartbeatSeconds"), JsonataFieldRole.NumberOrExpression);
                break;
            case ParallelState parallel:
                yield return new(parallel.Arguments, P("Arguments"), JsonataFieldRole.Template);
                break;
            case WaitState wait:
                yield return new(wait.Seconds, P("Seconds"), JsonataFieldRole.NumberOrExpression);
                yield return new(wait.Timestamp, P("Timestamp"), JsonataFieldRole.StringOrExpression);
                break;
            case FailState fail:
                yield return new(fail.Error, P("Error"), JsonataFieldRole.StringOrExpression);
                yield return new(fail.Cause, P("Cause"), JsonataFieldRole.StringOrExpression);
                break;
            case MapState map:
                yield return new(map.Items, P("Items"), JsonataFieldRole.ArrayOrExpression);
                yield return new(map.ItemSelector, P("ItemSelector"), JsonataFieldRole.Template);
                yield return new(map.MaxConcurrency, P("MaxConcurrency"), JsonataFieldRole.NumberOrExpression);
                yield return new(map.ToleratedFailurePercentage, P("ToleratedFailurePercentage"), JsonataFieldRole.NumberOrExpression);
                yield return new(map.ToleratedFailureCount, P("ToleratedFailureCount"), JsonataFieldRole.NumberOrExpression);
                if (map.ItemReader is { } reader)
                {
                    var readerAt = P("ItemReader");
                    yield return new(reader.Arguments, JsonPointer.Append(readerAt, "Arguments"), JsonataFieldRole.Template);
                    if (reader.ReaderConfig is { } config)
                    {
                        var configAt = JsonPointer.Append(readerAt, "ReaderConfig");
                        foreach (var (key, value) in config)
                        {
                            if (key != "CSVHeaders")
                            {
                                yield return new(value, JsonPointer.Append(configAt, key), JsonataFieldRole.Template);
                            }
                        }
                    }
                }

                if (map.ItemBatcher is { } batcher)
                {
                    var batcherAt = P("ItemBatcher");
                    yield return new(batcher.MaxItemsPerBatch, JsonPointer.Append(batcherAt, "MaxItemsPerBatch"), JsonataFieldRole.NumberOrExpression);
                    yield return new(batcher.MaxInputBytesPerBatch, JsonPointer.Append(batcherAt, "MaxInputBytesPerBatch"), JsonataFieldRole.NumberOrExpression);
                    yield return new(batcher.BatchInput, JsonPointer.Append(batcherAt, "BatchInput"), JsonataFieldRole.Template);
                }

                if (map.ResultWriter is { } writer)
                {
                    var writerAt = P("ResultWriter");
                    yield return new(writer.Arguments, JsonPointer.Append(writerAt, "Arguments"), JsonataFieldRole.Template);
                    yield return new(writer.WriterConfig, JsonPointer.Append(writerAt, "WriterConfig"), JsonataFieldRole.Template);
                }

                break;
            case ChoiceState choice:
                for (var i = 0; i < choice.Choices.Length; i++)
                {
                    var rule = choice.Choices[i];
                    var ruleAt = JsonPointer.Append(P("Choices"), i);
                    if (rule.Condition is JsonataCondition condition)
                    {
                        yield return new(condition.Condition, JsonPointer.Append(ruleAt, "Condition"), JsonataFieldRole.BooleanOrExpression);
                    }

                    yield return new(rule.Output, JsonPointer.Append(ruleAt, "Output"), JsonataFieldRole.Template);
                    yield return new(rule.Assign, JsonPointer.Append(ruleAt, "Assign"), JsonataFieldRole.Template);
                }

                break;
        }

        var catchers = StateTransitions.Catchers(state);
        for (var i = 0; i < catchers.Count; i++)
        {
            var catchAt = JsonPointer.Append(P("Catch"), i);
            yield return new(catchers[i].Output, JsonPointer.Append(catchAt, "Output"), JsonataFieldRole.Template);
            yield return new(catchers[i].Assign, JsonPointer.Append(catchAt, "Assign"), JsonataFieldRole.Template);
        }
    }

    private static IEnumerable<JsonataFieldExpression> Expressions(JsonNode? node, string pointer)
    {
        switch (node)
        {
            case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                var text = value.GetValue<string>();
                if (IsExpression(text) && !string.IsNullOrWhiteSpace(text[2..^2]))
                {
                    yield return new JsonataFieldExpression(text[2..^2], pointer);
                }

                break;
            case JsonObject obj:
                foreach (var (key, child) in obj)
                {
                    foreach (var nested in Expressions(child, JsonPointer.Append(pointer, key)))
                    {
                        yield return nested;
                    }
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    foreach (var nested in Expressions(array[i], JsonPointer.Append(pointer, i)))
                    {
                        yield return nested;
                    }
                }

                break;
        }
    }
}
