using System.Text.Json;
using System.Text.Json.Nodes;
using AslOnDurable.Core.Model;
using AslOnDurable.Core.Parsing;
using AslOnDurable.Jsonata;

namespace AslOnDurable.Core.Validation.Rules;

/// <summary>
/// Checks the JSONata expressions of JSONata-mode states: a string that opens with <c>{%</c> must be a whole
/// <c>{% ... %}</c> with a non-empty body, and fields that take a number, a boolean or an array
/// (TimeoutSeconds, Seconds, MaxConcurrency, Items, Condition…) accept a string only when it is an expression, and an
/// expression must not read the input context at the top level.
/// </summary>
/// <remarks>
/// Strings that do not open with <c>{%</c> are literals, as in AWS. Expression bodies are compiled with
/// <see cref="JsonataExpression.Compile"/>; like AWS, a syntax error is <c>INVALID_JSONATA_EXPRESSION</c> with the
/// parser's message. An expression runs with no input context (the input is <c>$states.input</c>, variables are
/// <c>$name</c>), so AWS refuses one that reads the context at the top level with <c>UNSUPPORTED_JSONATA_EXPRESSION</c>,
/// one diagnostic per distinct reference in writing order: <c>Reference to 'phone' at the top level is not
/// supported.</c> for a bare field (a path's first step, also inside a lambda body or as an object key),
/// <c>Reference to '$' at the top level is not supported.</c> for the context item and <c>Reference to '$$' is not
/// supported.</c> for the root (see <see cref="JsonataAnalysis.TopLevelReferences"/>). A name bound by an earlier
/// Assign does not make the bare name legal: only <c>$name</c> reads the variable.
/// </remarks>
internal sealed class JsonataRules : IValidationRule
{
    /// <inheritdoc/>
    public void Check(StateMachineDefinition root, DiagnosticBag diagnostics)
    {
        foreach (var (_, state) in DefinitionTree.States(root))
        {
            if (state.QueryLanguage != QueryLanguage.JSONata)
            {
                continue;
            }

            foreach (var field in JsonataFields.Fields(state))
            {
                CheckValue(field.Value, field.Pointer, field.Role, diagnostics);
            }
        }
    }

    /// <summary>Whether a string is a JSONata expression (<c>{% ... %}</c>).</summary>
    internal static bool IsExpression(string text) => JsonataFields.IsExpression(text);

    private static void CheckValue(JsonNode? value, string pointer, JsonataFieldRole role, DiagnosticBag diagnostics)
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
            else if (role is JsonataFieldRole.NumberOrExpression or JsonataFieldRole.ArrayOrExpression or JsonataFieldRole.BooleanOrExpression)
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
                    CheckValue(child, JsonPointer.Append(pointer, key), JsonataFieldRole.Template, diagnostics);
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    CheckValue(array[i], JsonPointer.Append(pointer, i), JsonataFieldRole.Template, diagnostics);
                }

                break;
        }
    }

    private static string Expected(JsonataFieldRole role) => role switch
    {
        JsonataFieldRole.NumberOrExpression => "a number",
        JsonataFieldRole.ArrayOrExpression => "an array",
        JsonataFieldRole.BooleanOrExpression => "a boolean",
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
        else
        {
            JsonataExpression compiled;
            try
            {
                compiled = JsonataExpression.Compile(text[2..^2]);
            }
            catch (JsonataException e)
            {
                diagnostics.Error(DiagnosticCodes.InvalidJsonataExpression, e.Message, pointer);
                return;
            }

            foreach (var reference in compiled.Analyze(JsonataFields.AnalysisEnvironment).TopLevelReferences)
            {
                diagnostics.Error(DiagnosticCodes.UnsupportedJsonataExpression, TopLevelMessage(reference), pointer);
            }
        }
    }

    /// <summary>AWS's message for a read of the input context at the top level of an expression.</summary>
    internal static string TopLevelMessage(JsonataTopLevelReference reference) => reference.Kind == JsonataReferenceKind.Root
        ? "Reference to '$$' is not supported."
        : $"Reference to '{reference.Name}' at the top level is not supported.";
}
