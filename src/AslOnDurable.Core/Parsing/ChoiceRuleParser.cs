using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Nodes;
using AslOnDurable.Core.Model;
using AslOnDurable.Core.Model.Choice;
using AslOnDurable.Core.Validation;

namespace AslOnDurable.Core.Parsing;

/// <summary>Parses a Choice state's <c>Choices</c>: JSONPath data-test expressions and boolean combinators, or JSONata <c>Condition</c>s.</summary>
internal sealed class ChoiceRuleParser(DiagnosticBag diagnostics)
{
    private enum OperandKind
    {
        String,
        Number,
        Boolean,
        Timestamp,
    }

    private static readonly FrozenDictionary<string, (ComparisonOperator Operator, OperandKind Kind, bool IsPath)> Operators = BuildOperators();

    private static readonly string[] Combinators = ["And", "Or", "Not"];

    /// <summary>Reads <c>Choices</c> from a Choice state.</summary>
    public ImmutableArray<ChoiceRule> ParseChoices(FieldReader state)
    {
        if (!state.Field("Choices", out var array))
        {
            return [];
        }

        if (array.ValueKind != JsonValueKind.Array)
        {
            state.TypeError("Choices", "an array");
            return [];
        }

        if (array.GetArrayLength() == 0)
        {
            diagnostics.Error(DiagnosticCodes.SchemaValidationFailed, "'Choices' must contain at least one rule", state.Pointer("Choices"));
            return [];
        }

        var builder = ImmutableArray.CreateBuilder<ChoiceRule>();
        var index = 0;
        foreach (var element in array.EnumerateArray())
        {
            var pointer = JsonPointer.Append(state.Pointer("Choices"), index++);
            if (element.ValueKind != JsonValueKind.Object)
            {
                diagnostics.Error(DiagnosticCodes.SchemaValidationFailed, "Each Choice rule must be an object", pointer);
                continue;
            }

            var reader = new FieldReader(element, pointer, state.Language, diagnostics);
            builder.Add(ParseTopLevelRule(reader));
            reader.ReportUnsupported();
        }

        return builder.ToImmutable();
    }

    private static FrozenDictionary<string, (ComparisonOperator, OperandKind, bool)> BuildOperators()
    {
        var map = new Dictionary<string, (ComparisonOperator, OperandKind, bool)>(StringComparer.Ordinal);
        foreach (var op in Enum.GetValues<ComparisonOperator>())
        {
            var name = op.ToString();
            var kind = name switch
            {
                _ when name.StartsWith("String", StringComparison.Ordinal) => OperandKind.String,
                _ when name.StartsWith("Numeric", StringComparison.Ordinal) => OperandKind.Number,
                _ when name.StartsWith("Timestamp", StringComparison.Ordinal) => OperandKind.Timestamp,
                _ => OperandKind.Boolean,
            };
            map[name] = (op, kind, false);
            if (!name.StartsWith("Is", StringComparison.Ordinal) && op != ComparisonOperator.StringMatches)
            {
                map[name + "Path"] = (op, kind, true);
            }
        }

        return map.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private ChoiceRule ParseTopLevelRule(FieldReader reader)
    {
        reader.Require("Next");
        var next = reader.Name("Next") ?? "";
        var comment = reader.String("Comment");
        var assign = reader.Object("Assign");
        var output = reader.JsonataNode("Output");
        ChoiceCondition condition;
        if (reader.Language == QueryLanguage.JSONata)
        {
            reader.Require("Condition");
            condition = new JsonataCondition(reader.JsonataField("Condition", out var value) ? ReadJsonataCondition(reader, value) : null);
            foreach (var name in Combinators.Append("Variable").Concat(Operators.Keys))
            {
                reader.JsonPathField(name, out _);
            }
        }
        else
        {
            reader.JsonataField("Condition", out _);
            condition = ParseCondition(reader);
        }

        return new ChoiceRule { Condition = condition, Next = next, Comment = comment, Assign = assign, Output = output, HasOutput = output is not null || reader.HasJsonata("Output") };
    }

    private static JsonNode? ReadJsonataCondition(FieldReader reader, JsonElement value)
    {
        if (value.ValueKind is not (JsonValueKind.String or JsonValueKind.True or JsonValueKind.False))
        {
            reader.TypeError("Condition", "a boolean or a JSONata expression");
            return null;
        }

        return FieldReader.ToNode(value);
    }

    private ChoiceCondition ParseCondition(FieldReader reader)
    {
        var present = Combinators.Where(reader.Has).ToList();
        var hasVariable = reader.Has("Variable");
        if (hasVariable)
        {
            present.Add("Variable");
        }

        if (present.Count > 1)
        {
            reader.AtMostOne([.. present]);
            var chosen = hasVariable ? "Variable" : present[0];
            present.Where(name => name != chosen).ToList().ForEach(reader.Skip);
        }

        if (hasVariable)
        {
            return ParseComparison(reader);
        }

        switch (present.FirstOrDefault())
        {
            case "And":
                return new AndCondition(ParseNestedList(reader, "And"));
            case "Or":
                return new OrCondition(ParseNestedList(reader, "Or"));
            case "Not":
                reader.Field("Not", out var inner);
                if (inner.ValueKind != JsonValueKind.Object)
                {
                    reader.TypeError("Not", "an object");
                    return new AndCondition([]);
                }

                return new NotCondition(ParseNested(inner, reader.Pointer("Not"), reader.Language));
            default:
                diagnostics.Error(
                    DiagnosticCodes.SchemaValidationFailed,
                    "A Choice rule must have 'Variable' with a comparison operator, or one of [And, Or, Not]",
                    reader.Location);
                return new AndCondition([]);
        }
    }

    private ImmutableArray<ChoiceCondition> ParseNestedList(FieldReader reader, string name)
    {
        reader.Field(name, out var array);
        if (array.ValueKind != JsonValueKind.Array)
        {
            reader.TypeError(name, "an array");
            return [];
        }

        if (array.GetArrayLength() == 0)
        {
            diagnostics.Error(DiagnosticCodes.SchemaValidationFailed, $"'{name}' must contain at least one rule", reader.Pointer(name));
            return [];
        }

        var builder = ImmutableArray.CreateBuilder<ChoiceCondition>();
        var index = 0;
        foreach (var element in array.EnumerateArray())
        {
            var pointer = JsonPointer.Append(reader.Pointer(name), index++);
            if (element.ValueKind != JsonValueKind.Object)
            {
                diagnostics.Error(DiagnosticCodes.SchemaValidationFailed, "Each Choice rule must be an object", pointer);
                continue;
            }

            builder.Add(ParseNested(element, pointer, reader.Language));
        }

        return builder.ToImmutable();
    }

    private ChoiceCondition ParseNested(JsonElement element, string pointer, QueryLanguage language)
    {
        var reader = new FieldReader(element, pointer, language, diagnostics);
        reader.String("Comment");
        var condition = ParseCondition(reader);
        reader.ReportUnsupported();
        return condition;
    }

    private ComparisonCondition ParseComparison(FieldReader reader)
    {
        var variable = reader.String("Variable") ?? "$";
        var found = new List<string>();
        foreach (var property in Operators.Keys)
        {
            if (reader.Has(property))
            {
                found.Add(property);
            }
        }

        if (found.Count == 0)
        {
            diagnostics.Error(DiagnosticCodes.SchemaValidationFailed, "A Choice rule with 'Variable' needs exactly one comparison operator", reader.Location);
            return new ComparisonCondition(variable, ComparisonOperator.IsPresent, JsonValue.Create(true), IsPath: false);
        }

        if (found.Count > 1)
        {
            reader.AtMostOne([.. found]);
            found.ForEach(reader.Skip);
        }

        var name = found[0];
        var (op, kind, isPath) = Operators[name];
        reader.Field(name, out var operand);
        if (isPath)
        {
            if (operand.ValueKind != JsonValueKind.String)
            {
                reader.TypeError(name, "a string (a path)");
            }
        }
        else
        {
            var ok = kind switch
            {
                OperandKind.String or OperandKind.Timestamp => operand.ValueKind == JsonValueKind.String,
                OperandKind.Number => operand.ValueKind == JsonValueKind.Number,
                _ => operand.ValueKind is JsonValueKind.True or JsonValueKind.False,
            };
            if (!ok)
            {
                reader.TypeError(name, kind switch
                {
                    OperandKind.String => "a string",
                    OperandKind.Timestamp => "a timestamp string",
                    OperandKind.Number => "a number",
                    _ => "a boolean",
                });
            }
        }

        return new ComparisonCondition(variable, op, reader.Copy(operand, reader.Pointer(name)), isPath);
    }
}
