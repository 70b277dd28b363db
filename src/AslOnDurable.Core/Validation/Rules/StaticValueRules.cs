using System.Text.Json.Nodes;
using AslOnDurable.Core.Model;
using AslOnDurable.Core.Model.States;
using AslOnDurable.Core.Parsing;

namespace AslOnDurable.Core.Validation.Rules;

/// <summary>
/// AWS's warnings about values that look dynamic but are not: a template field without <c>.$</c> whose value looks
/// like a path or intrinsic call (<c>NO_DOLLAR</c>), a <c>.$</c> key inside a Pass state's static <c>Result</c>
/// (<c>PASS_RESULT_IS_STATIC</c>), and a Fail <c>Error</c>/<c>Cause</c> that looks like a path (<c>NO_PATH</c>).
/// </summary>
internal sealed class StaticValueRules : IValidationRule
{
    /// <inheritdoc/>
    public void Check(StateMachineDefinition root, DiagnosticBag diagnostics)
    {
        foreach (var (_, state) in DefinitionTree.States(root))
        {
            if (state.QueryLanguage != QueryLanguage.JSONPath)
            {
                continue;
            }

            foreach (var template in JsonPathFields.Templates(state))
            {
                CheckNoDollar(template.Template, template.Pointer, diagnostics);
            }

            switch (state)
            {
                case PassState { Result: { } result }:
                    CheckPassResult(result, JsonPointer.Append(state.Location, "Result"), diagnostics);
                    break;
                case FailState fail:
                    CheckNoPath(fail.Error, "Error", state.Location, diagnostics);
                    CheckNoPath(fail.Cause, "Cause", state.Location, diagnostics);
                    break;
            }
        }
    }

    private static bool LooksDynamic(string text) =>
        text.StartsWith("$.", StringComparison.Ordinal) || text.StartsWith("$$.", StringComparison.Ordinal) || text == "$" ||
        (text.StartsWith("States.", StringComparison.Ordinal) && text.Contains('(', StringComparison.Ordinal) && text.EndsWith(')'));

    private static void CheckNoDollar(JsonNode? node, string pointer, DiagnosticBag diagnostics)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, child) in obj)
                {
                    var childPointer = JsonPointer.Append(pointer, key);
                    if (key.EndsWith(".$", StringComparison.Ordinal))
                    {
                        continue;
                    }

                    if (child is JsonValue value && value.TryGetValue<string>(out var text) && LooksDynamic(text))
                    {
                        diagnostics.Warning(DiagnosticCodes.NoDollar, $"The value of field '{key}' looks like a JSONPath or intrinsic function, but the field name does not end with '.$'", childPointer);
                    }
                    else
                    {
                        CheckNoDollar(child, childPointer, diagnostics);
                    }
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    CheckNoDollar(array[i], JsonPointer.Append(pointer, i), diagnostics);
                }

                break;
        }
    }

    private static void CheckPassResult(JsonNode node, string pointer, DiagnosticBag diagnostics)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, child) in obj)
                {
                    var childPointer = JsonPointer.Append(pointer, key);
                    if (key.EndsWith(".$", StringComparison.Ordinal))
                    {
                        diagnostics.Warning(DiagnosticCodes.PassResultIsStatic, $"Field '{key}' of a Pass state's Result is static: paths are not evaluated in Result (use Parameters)", childPointer);
                    }
                    else if (child is not null)
                    {
                        CheckPassResult(child, childPointer, diagnostics);
                    }
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    if (array[i] is { } item)
                    {
                        CheckPassResult(item, JsonPointer.Append(pointer, i), diagnostics);
                    }
                }

                break;
        }
    }

    private static void CheckNoPath(JsonNode? value, string field, string at, DiagnosticBag diagnostics)
    {
        if (value is JsonValue scalar && scalar.TryGetValue<string>(out var text) && LooksDynamic(text))
        {
            diagnostics.Warning(DiagnosticCodes.NoPath, $"The value of field '{field}' looks like a path, but the field name does not end with 'Path'", JsonPointer.Append(at, field));
        }
    }
}
