using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using AslOnDurable.Core.Model;
using AslOnDurable.Core.Model.Choice;
using AslOnDurable.Core.Model.States;
using AslOnDurable.Core.Parsing;

namespace AslOnDurable.Core.Validation.Rules;

/// <summary>
/// Checks literal timestamps (Wait <c>Timestamp</c>, Choice <c>Timestamp...</c> operands) against the profile of
/// RFC 3339 that AWS requires: an uppercase <c>T</c> between date and time, and an uppercase <c>Z</c> or a numeric
/// offset. JSONata expressions are left to run time.
/// </summary>
internal sealed partial class TimestampRules : IValidationRule
{
    /// <inheritdoc/>
    public void Check(StateMachineDefinition root, DiagnosticBag diagnostics)
    {
        foreach (var (_, state) in DefinitionTree.States(root))
        {
            switch (state)
            {
                case WaitState { Timestamp: JsonValue timestamp }:
                    CheckLiteral(timestamp, "Timestamp", JsonPointer.Append(state.Location, "Timestamp"), diagnostics);
                    break;
                case ChoiceState choice:
                    for (var i = 0; i < choice.Choices.Length; i++)
                    {
                        CheckCondition(choice.Choices[i].Condition, JsonPointer.Append(JsonPointer.Append(state.Location, "Choices"), i), diagnostics);
                    }

                    break;
            }
        }
    }

    /// <summary>Whether a text is a timestamp AWS accepts.</summary>
    internal static bool IsValid(string text) =>
        Rfc3339().IsMatch(text) && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out _);

    private static void CheckCondition(ChoiceCondition condition, string at, DiagnosticBag diagnostics)
    {
        switch (condition)
        {
            case ComparisonCondition { IsPath: false, Operand: JsonValue operand } comparison when comparison.Operator.ToString().StartsWith("Timestamp", StringComparison.Ordinal):
                CheckLiteral(operand, comparison.Operator.ToString(), JsonPointer.Append(at, comparison.Operator.ToString()), diagnostics);
                break;
            case AndCondition and:
                for (var i = 0; i < and.Conditions.Length; i++)
                {
                    CheckCondition(and.Conditions[i], JsonPointer.Append(JsonPointer.Append(at, "And"), i), diagnostics);
                }

                break;
            case OrCondition or:
                for (var i = 0; i < or.Conditions.Length; i++)
                {
                    CheckCondition(or.Conditions[i], JsonPointer.Append(JsonPointer.Append(at, "Or"), i), diagnostics);
                }

                break;
            case NotCondition not:
                CheckCondition(not.Condition, JsonPointer.Append(at, "Not"), diagnostics);
                break;
        }
    }

    private static void CheckLiteral(JsonValue value, string field, string pointer, DiagnosticBag diagnostics)
    {
        if (value.TryGetValue<string>(out var text) && !text.StartsWith("{%", StringComparison.Ordinal) && !IsValid(text))
        {
            diagnostics.Error(DiagnosticCodes.SchemaValidationFailed, $"The value for the field '{field}' must be an RFC 3339 timestamp such as 2016-03-14T01:59:00Z, not '{text}'", pointer);
        }
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")]
    private static partial Regex Rfc3339();
}
