using AslOnDurable.Core.Model;
using AslOnDurable.Core.Paths;
using AslOnDurable.Core.Paths.JsonPath;
using AslOnDurable.Core.Paths.Templates;

namespace AslOnDurable.Core.Validation.Rules;

/// <summary>
/// Checks the syntax of every JSONPath-mode path and payload template through the Paths API: paths parse,
/// reference paths are definite, ResultPath is rooted at the state input, Map's numeric ...Path fields do not
/// read the context object, ErrorPath and CausePath are reference paths or calls of the intrinsic functions AWS allows there, and every
/// <c>.$</c> value of a template is a valid path or intrinsic call.
/// </summary>
/// <remarks>AWS reports these as <c>SCHEMA_VALIDATION_FAILED</c> (for example <c>Value is not a Reference Path</c>).</remarks>
internal sealed class PathSyntaxRules : IValidationRule
{
    /// <inheritdoc/>
    public void Check(StateMachineDefinition root, DiagnosticBag diagnostics)
    {
        foreach (var (_, state) in DefinitionTree.States(root))
        {
            foreach (var field in JsonPathFields.Paths(state))
            {
                if (Problem(field) is { } problem)
                {
                    diagnostics.Error(DiagnosticCodes.SchemaValidationFailed, problem, field.Pointer);
                }
            }

            foreach (var template in JsonPathFields.Templates(state))
            {
                if (!PayloadTemplate.TryCompile(template.Template, out _, out var errors))
                {
                    foreach (var (pointer, message) in errors)
                    {
                        diagnostics.Error(DiagnosticCodes.SchemaValidationFailed, message, template.Pointer + pointer);
                    }
                }
            }
        }
    }

    /// <summary>Why a path field's value is not acceptable, or <see langword="null"/>.</summary>
    internal static string? Problem(JsonPathField field)
    {
        var text = field.Text;
        var name = FieldName(field.Pointer);
        if (field.Kind == PathKind.ReferencePathOrIntrinsic)
        {
            return PathOrIntrinsicExpression.TryParse(text, PathOrIntrinsicExpression.FailStateFunctions, out _, out var fieldError)
                ? null
                : $"The value for the field '{name}' must be a valid reference path or intrinsic function call: {fieldError}";
        }

        if (!JsonPathExpression.TryParse(text, out var path, out var error))
        {
            return $"The value for the field '{name}' must be a valid JSONPath: {error}";
        }

        if (field.Kind != PathKind.Path && !path.IsDefinite)
        {
            return $"Value is not a Reference Path: the value for the field '{name}' ('{text}') must select a single node (no wildcards, filters, slices, unions or '..')";
        }

        return field.Kind switch
        {
            PathKind.ResultPath when path.RootKind != JsonPathRootKind.Input => $"The value for the field '{name}' ('{text}') must be rooted at the state input '$'",
            PathKind.NumberReferencePath when path.RootKind == JsonPathRootKind.Context => $"Value is not a Reference Path: the field '{name}' cannot read the context object ('{text}')",
            _ => null,
        };
    }

    private static string FieldName(string pointer) =>
        pointer[(pointer.LastIndexOf('/') + 1)..].Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
}
