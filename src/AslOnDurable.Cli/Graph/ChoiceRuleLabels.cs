using System.Text.Json.Nodes;
using AslOnDurable.Core.Model.Choice;

namespace AslOnDurable.Cli.Graph;

/// <summary>
/// Short labels for Choice rules, as the console writes them: <c>$.x NumericGreaterThan 3</c>, <c>a &amp;&amp; b</c>,
/// <c>!(a)</c>, or the JSONata <c>Condition</c> text; cut to 48 characters.
/// </summary>
internal static class ChoiceRuleLabels
{
    /// <summary>The longest label, in characters (longer ones end in an ellipsis).</summary>
    public const int MaxLength = 48;

    /// <summary>The label of a rule.</summary>
    /// <param name="rule">The rule.</param>
    /// <param name="index">Its position (for "Rule n" when it has no readable text).</param>
    /// <returns>The label.</returns>
    public static string Label(ChoiceRule rule, int index)
    {
        string text = Describe(rule.Condition);
        if (text.Length == 0)
        {
            return $"Rule {index + 1}";
        }

        return text.Length > MaxLength ? string.Concat(text.AsSpan(0, MaxLength - 1), "…") : text;
    }

    private static string Describe(ChoiceCondition condition) => condition switch
    {
        ComparisonCondition c => $"{c.Variable} {c.Operator}{(c.IsPath ? "Path" : "")} {c.Operand?.ToJsonString() ?? "null"}",
        AndCondition a => string.Join(" && ", a.Conditions.Select(Describe)),
        OrCondition o => string.Join(" || ", o.Conditions.Select(Describe)),
        NotCondition n => $"!({Describe(n.Condition)})",
        JsonataCondition j => j.Condition is JsonValue v && v.TryGetValue(out string? s) ? s : j.Condition?.ToJsonString() ?? "",
        _ => "",
    };
}
