using AslOnDurable.Core.Model;
using AslOnDurable.Core.Model.States;
using AslOnDurable.Core.Parsing;

namespace AslOnDurable.Core.Validation.Rules;

/// <summary>
/// Checks names: state names have 1 to 80 characters and are unique across the whole state machine (branches and
/// item processors included); Map <c>Label</c>s have at most 40 characters, none of them whitespace, brackets,
/// wildcards, the special characters AWS lists or control characters, and are unique too.
/// </summary>
internal sealed class StateNameRules : IValidationRule
{
    /// <summary>AWS's maximum state name length.</summary>
    public const int MaxLength = 80;

    /// <summary>AWS's maximum Map label length.</summary>
    public const int MaxLabelLength = 40;

    private const string ForbiddenLabelCharacters = "<>{}[]?*\"#%\\^|~`$&,;:/";

    /// <inheritdoc/>
    public void Check(StateMachineDefinition root, DiagnosticBag diagnostics)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var labels = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (_, state) in DefinitionTree.States(root))
        {
            if (state.Name.Length > MaxLength)
            {
                diagnostics.Error(DiagnosticCodes.InvalidStateName, $"State name '{state.Name}' is longer than {MaxLength} characters", state.Location);
            }
            else if (state.Name.Length == 0)
            {
                diagnostics.Error(DiagnosticCodes.InvalidStateName, "State name must not be empty", state.Location);
            }

            if (!seen.Add(state.Name))
            {
                diagnostics.Error(DiagnosticCodes.DuplicateStateName, $"Duplicate State name: {state.Name}", state.Location);
            }

            if (state is MapState { Label: { } label })
            {
                CheckLabel(label, JsonPointer.Append(state.Location, "Label"), labels, diagnostics);
            }
        }
    }

    /// <summary>Whether a Map label has an allowed length and only allowed characters.</summary>
    internal static bool IsValidLabel(string label) =>
        label.Length is > 0 and <= MaxLabelLength &&
        !label.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || ForbiddenLabelCharacters.Contains(c, StringComparison.Ordinal));

    private static void CheckLabel(string label, string pointer, HashSet<string> labels, DiagnosticBag diagnostics)
    {
        if (!IsValidLabel(label))
        {
            diagnostics.Error(
                DiagnosticCodes.SchemaValidationFailed,
                $"The value for the field 'Label' must have 1 to {MaxLabelLength} characters and no whitespace, brackets, wildcards, special characters or control characters: '{label}'",
                pointer);
        }

        if (!labels.Add(label))
        {
            diagnostics.Error(DiagnosticCodes.SchemaValidationFailed, $"Duplicate Map label: {label}", pointer);
        }
    }
}
