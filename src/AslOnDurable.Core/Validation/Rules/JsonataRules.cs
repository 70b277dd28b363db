using System.Text.Json;
using System.Text.Json.Nodes;
using AslOnDurable.Core.Model;
using AslOnDurable.Core.Model.Choice;
using AslOnDurable.Core.Model.States;
using AslOnDurable.Core.Parsing;
using AslOnDurable.Jsonata;

namespace AslOnDurable.Core.Validation.Rules;

/// <summary>
/// Checks the JSONata expressions of JSONata-mode states: a string that opens with <c>{%</c> must be a whole
/// <c>{% ... %}</c> with a non-empty body, and fields that take a number, a boolean or an array
/// (TimeoutSeconds, Seconds, MaxConcurrency, Items, Condition…) accept a string only when it is an expression.
/// </summary>
/// <remarks>
/// Strings that do not open with <c>{%</c> are literals, as in AWS. Expression bodies are compiled with
/// <see cref="JsonataExpression.Compile"/>; like AWS, a syntax error is <c>INVALID_JSONATA_EXPRESSION</c> with the
/// parser's message. TODO: AWS also refuses bare top-level field references (<c>UNSUPPORTED_JSONATA_EXPRESSION</c>),
/// which needs the JSONata AST.
/// </remarks>
internal sealed class JsonataRules : IValidationRule
{
    private enum Role
    {
        Template,
        NumberOrExpression,
        StringOrExpression,
        ArrayOrExpression,
        BooleanOrExpression,
    }

    /// <inheritdoc/>
    public void Check(StateMachineDefinition root, DiagnosticBag diagnostics)
    {
        foreach (var (_, state) in DefinitionTree.States(root))
        {
            if (state.QueryLanguage != QueryLanguage.JSONata)
            {
                continue;
            }

            foreach (var (value, pointer, role) in Fields(state))
            {
                CheckValue(value, pointer, role, diagnostics);
            }
        }
    }

    /// <summary>Whether a string is a JSONata expression (<c>{% ... %}</c>).</summary>
    internal static bool IsExpression(string text) =>
        text.StartsWith("{%", StringComparison.Ordinal) && text.EndsWith("%}", StringComparison.Ordinal) && text.Length >= 4;

    private static void CheckValue(JsonNode? value, string pointer, Role role, DiagnosticBag diagnostics)
    {
        if (value is null)
        {
            return;
        }

        if (value is JsonValue scalar && scalar.GetValueKind() == JsonValueKind.String)
        {
            var text = scalar.GetValue<string>();
            if (text.StartsWith("{%", StringComparison.Ordinal))
            {
                CheckExpression(text, pointer, diagnostics);
            }
            else if (role is Role.NumberOrExpression or Role.ArrayOrExpression or Role.BooleanOrExpression)
            {
                diagnostics.Error(DiagnosticCodes.SchemaValidationFailed, $"The value must be {Expected(role)} or a JSONata expression '{{% ... %}}'", pointer);
            }

            return;
        }

        switch (value)
        {
            case JsonObject obj:
                foreach (var (key, child) in obj)
                {
                    CheckValue(child, JsonPointer.Append(pointer, key), Role.Template, diagnostics);
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    CheckValue(array[i], JsonPointer.Append(pointer, i), Role.Template, diagnostics);
                }

                break;
        }
    }

    private static string Expected(Role role) => role switch
    {
        Role.NumberOrExpression => "a number",
        Role.ArrayOrExpression => "an array",
        Role.BooleanOrExpression => "a boolean",
        _ => "a string",
    };

    private static void CheckExpression(string text, string pointer, DiagnosticBag diagnostics)
    {
        if (!IsExpression(text))
        {
            diagnostics.Error(DiagnosticCodes.InvalidJsonataExpression, "A JSONata expression must be a whole string '{% ... %}'", pointer);
        }
        else if (string.IsNullOrWhiteSpace(text[2..^2]))
        {
            diagnostics.Error(DiagnosticCodes.InvalidJsonataExpression, "The JSONata expression is empty", pointer);
        }
        else if (SyntaxError(text[2..^2]) is { } error)
        {
            diagnostics.Error(DiagnosticCodes.InvalidJsonataExpression, error, pointer);
        }
    }

    private static string? SyntaxError(string body)
    {
        try
        {
            JsonataExpression.Compile(body);
            return null;
        }
        catch (JsonataException e)
        {
            return e.Message;
        }
    }

    private static IEnumerable<(JsonNode? Value, string Pointer, Role Role)> Fields(StateDefinition state)
    {
        var at = state.Location;
        string P(string field) => JsonPointer.Append(at, field);
        yield return (state.Output, P("Output"), Role.Template);
        yield return (state.Assign, P("Assign"), Role.Template);
        switch (state)
        {
            case TaskState task:
                yield return (task.Arguments, P("Arguments"), Role.Template);
                yield return (task.Credentials, P("Credentials"), Role.Template);
                yield return (task.TimeoutSeconds, P("TimeoutSeconds"), Role.NumberOrExpression);
                yield return (task.HeartbeatSeconds, P("HeartbeatSeconds"), Role.NumberOrExpression);
                break;
            case ParallelState parallel:
                yield return (parallel.Arguments, P("Arguments"), Role.Template);
                break;
            case WaitState wait:
                yield return (wait.Seconds, P("Seconds"), Role.NumberOrExpression);
                yield return (wait.Timestamp, P("Timestamp"), Role.StringOrExpression);
                break;
            case FailState fail:
                yield return (fail.Error, P("Error"), Role.StringOrExpression);
                yield return (fail.Cause, P("Cause"), Role.StringOrExpression);
                break;
            case MapState map:
                yield return (map.Items, P("Items"), Role.ArrayOrExpression);
                yield return (map.ItemSelector, P("ItemSelector"), Role.Template);
                yield return (map.MaxConcurrency, P("MaxConcurrency"), Role.NumberOrExpression);
                yield return (map.ToleratedFailurePercentage, P("ToleratedFailurePercentage"), Role.NumberOrExpression);
                yield return (map.ToleratedFailureCount, P("ToleratedFailureCount"), Role.NumberOrExpression);
                if (map.ItemReader is { } reader)
                {
                    yield return (reader.Arguments, JsonPointer.Append(P("ItemReader"), "Arguments"), Role.Template);
                    yield return (reader.ReaderConfig, JsonPointer.Append(P("ItemReader"), "ReaderConfig"), Role.Template);
                }

                if (map.ItemBatcher is { } batcher)
                {
                    yield return (batcher.MaxItemsPerBatch, JsonPointer.Append(P("ItemBatcher"), "MaxItemsPerBatch"), Role.NumberOrExpression);
                    yield return (batcher.MaxInputBytesPerBatch, JsonPointer.Append(P("ItemBatcher"), "MaxInputBytesPerBatch"), Role.NumberOrExpression);
                    yield return (batcher.BatchInput, JsonPointer.Append(P("ItemBatcher"), "BatchInput"), Role.Template);
                }

                if (map.ResultWriter is { } writer)
                {
                    yield return (writer.Arguments, JsonPointer.Append(P("ResultWriter"), "Arguments"), Role.Template);
                    yield return (writer.WriterConfig, JsonPointer.Append(P("ResultWriter"), "WriterConfig"), Role.Template);
                }

                break;
            case ChoiceState choice:
                for (var i = 0; i < choice.Choices.Length; i++)
                {
                    var rule = choice.Choices[i];
                    var ruleAt = JsonPointer.Append(P("Choices"), i);
                    if (rule.Condition is JsonataCondition condition)
                    {
                        yield return (condition.Condition, JsonPointer.Append(ruleAt, "Condition"), Role.BooleanOrExpression);
                    }

                    yield return (rule.Output, JsonPointer.Append(ruleAt, "Output"), Role.Template);
                    yield return (rule.Assign, JsonPointer.Append(ruleAt, "Assign"), Role.Template);
                }

                break;
        }

        var catchers = StateTransitions.Catchers(state);
        for (var i = 0; i < catchers.Count; i++)
        {
            var catchAt = JsonPointer.Append(P("Catch"), i);
            yield return (catchers[i].Output, JsonPointer.Append(catchAt, "Output"), Role.Template);
            yield return (catchers[i].Assign, JsonPointer.Append(catchAt, "Assign"), Role.Template);
        }
    }
}
