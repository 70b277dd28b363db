using System.Collections.Immutable;
using System.Text.Json.Nodes;

namespace AslOnDurable.Core.Model.Choice;

/// <summary>The root of the closed hierarchy of Choice conditions.</summary>
public abstract record ChoiceCondition;

/// <summary>A data-test expression: <c>Variable</c>, an operator and its operand.</summary>
/// <param name="Variable">The JSONPath of the tested value (may start with <c>$$</c> or a <c>$var</c>).</param>
/// <param name="Operator">The comparison operator.</param>
/// <param name="Operand">The literal operand, or for <c>...Path</c> operators the path string as a JSON string.</param>
/// <param name="IsPath">Whether the operand is a path (the <c>...Path</c> form).</param>
public sealed record ComparisonCondition(string Variable, ComparisonOperator Operator, JsonNode? Operand, bool IsPath) : ChoiceCondition;

/// <summary>All of the nested conditions hold (<c>And</c>).</summary>
/// <param name="Conditions">The nested conditions.</param>
public sealed record AndCondition(ImmutableArray<ChoiceCondition> Conditions) : ChoiceCondition;

/// <summary>Any of the nested conditions holds (<c>Or</c>).</summary>
/// <param name="Conditions">The nested conditions.</param>
public sealed record OrCondition(ImmutableArray<ChoiceCondition> Conditions) : ChoiceCondition;

/// <summary>The nested condition does not hold (<c>Not</c>).</summary>
/// <param name="Condition">The nested condition.</param>
public sealed record NotCondition(ChoiceCondition Condition) : ChoiceCondition;

/// <summary>A JSONata <c>Condition</c>: a <c>{% ... %}</c> string, or a literal boolean.</summary>
/// <param name="Condition">The raw condition value.</param>
public sealed record JsonataCondition(JsonNode? Condition) : ChoiceCondition;
