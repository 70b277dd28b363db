using System.Text.Json;
using System.Text.Json.Nodes;
using AslOnDurable.Core.Engine.Context;
using AslOnDurable.Core.Errors;
using AslOnDurable.Core.Paths;
using AslOnDurable.Jsonata;

namespace AslOnDurable.Core.Engine.Lifecycle;

/// <summary>
/// A compiled JSONata-mode value (<c>Arguments</c>, <c>Output</c>, <c>Assign</c>, <c>Items</c>, …): strings of the form
/// <c>{% expression %}</c> are evaluated, everything else is copied. Immutable and thread-safe.
/// </summary>
internal sealed class JsonataTemplate
{
    private readonly JsonNode? literal;
    private readonly IJsonataExpression? expression;
    private readonly string? expressionText;
    private readonly KeyValuePair<string, JsonataTemplate>[]? properties;
    private readonly JsonataTemplate[]? items;
    private readonly string field;
    private JsonataValue literalValue;

    private JsonataTemplate(string field, JsonNode? literal, IJsonataExpression? expression, string? expressionText, KeyValuePair<string, JsonataTemplate>[]? properties, JsonataTemplate[]? items)
    {
        this.field = field;
        this.literal = literal;
        this.expression = expression;
        this.expressionText = expressionText;
        this.properties = properties;
        this.items = items;
    }

    /// <summary>
    /// The cause an <see cref="IJsonataExpression"/> raises (with <c>States.QueryEvaluationError</c>) when the result is
    /// not JSON (a function); the template turns it into AWS's "returned an unsupported result type" text.
    /// </summary>
    public const string UnsupportedResultCause = "unsupported result type";

    /// <summary>The expression text when the whole value is one <c>{% %}</c> expression.</summary>
    public string? ExpressionText => expressionText;

    /// <summary>Compiles a value of the field named <paramref name="field"/> (AWS names nested fields <c>Output/key</c>).</summary>
    public static JsonataTemplate Compile(JsonNode? template, IJsonataEvaluator? evaluator, string field)
    {
        switch (template)
        {
            case JsonObject obj:
            {
                var props = new KeyValuePair<string, JsonataTemplate>[obj.Count];
                var i = 0;
                foreach (var (key, value) in obj)
                {
                    props[i++] = new(JsonataValue.ShareName(key), Compile(value, evaluator, field + "/" + key)); // read by reference
                }

                return new JsonataTemplate(field, null, null, null, props, null);
            }

            case JsonArray array:
            {
                var compiled = new JsonataTemplate[array.Count];
                for (var i = 0; i < compiled.Length; i++)
                {
                    compiled[i] = Compile(array[i], evaluator, field + "/" + i.ToString(System.Globalization.CultureInfo.InvariantCulture));
                }

                return new JsonataTemplate(field, null, null, null, null, compiled);
            }

            case JsonValue value when value.GetValueKind() == JsonValueKind.String && TryGetExpression(value.GetValue<string>(), out var text):
                return new JsonataTemplate(field, null, CompileExpression(evaluator, text), text, null, null);
            default:
                return new JsonataTemplate(field, template, null, null, null, null);
        }
    }

    private static IJsonataExpression? CompileExpression(IJsonataEvaluator? evaluator, string text)
    {
        if (evaluator is null)
        {
            return null;
        }

        try
        {
            return evaluator.Compile(text);
        }
        catch (AslErrorException e)
        {
            return new FailingExpression(e.Error);
        }
    }

    /// <summary>Whether a string is a <c>{% ... %}</c> expression, and its text.</summary>
    public static bool TryGetExpression(string text, out string expression)
    {
        // AWS: only a string that starts with "{%" and ends with "%}" is an expression (" {% x %} " is a literal).
        if (text.Length >= 4 && text.StartsWith("{%", StringComparison.Ordinal) && text.EndsWith("%}", StringComparison.Ordinal))
        {
            expression = text.AsSpan(2, text.Length - 4).Trim().ToString();
            return true;
        }

        expression = "";
        return false;
    }

    /// <summary>
    /// Evaluates into a new node. AWS: an expression that returns nothing fails with
    /// <c>States.QueryEvaluationError</c> (<c>... specified for the field 'Output/key' returned nothing (undefined).</c>).
    /// </summary>
    public JsonNode? Evaluate(JsonNode? states, IEvaluationEnvironment environment) =>
        TryEvaluate(states, environment, out var value) ? value : null;

    /// <summary>Evaluates (see <see cref="Evaluate"/>); always <see langword="true"/> or an error.</summary>
    public bool TryEvaluate(JsonNode? states, IEvaluationEnvironment environment, out JsonNode? value)
    {
        if (expressionText is not null)
        {
            if (expression is null)
            {
                throw new AslErrorException(StatesErrorNames.QueryEvaluationError, "JSONata is not available in this engine configuration: " + expressionText);
            }

            bool defined;
            try
            {
                defined = expression.TryEvaluate(states, environment, out value);
            }
            catch (AslErrorException e) when (e.Error.Error == StatesErrorNames.QueryEvaluationError)
            {
                throw Explain(e);
            }

            return defined ? true : throw ReturnedNothing();
        }

        if (properties is not null)
        {
            var obj = new JsonObject();
            foreach (var (key, template) in properties)
            {
                if (template.TryEvaluate(states, environment, out var child))
                {
                    obj[key] = child;
                }
            }

            value = obj;
            return true;
        }

        if (items is not null)
        {
            var array = new JsonArray();
            foreach (var template in items)
            {
                if (template.TryEvaluate(states, environment, out var child))
                {
                    array.Add(child);
                }
            }

            value = array;
            return true;
        }

        value = literal?.DeepClone();
        return true;
    }

    /// <summary>
    /// Evaluates (see <see cref="Evaluate"/>) into the evaluator's value instead of a node: the value the next JSONata
    /// reader would take from that node (<see cref="JsonataLibraryExpression.EvaluatePlain"/>), with the same errors.
    /// Members are shared, not copied: evaluator values never change.
    /// </summary>
    public JsonataValue EvaluateValue(JsonNode? states, IEvaluationEnvironment environment)
    {
        if (expressionText is not null)
        {
            if (expression is not JsonataLibraryExpression library)
            {
                return JsonataValue.FromNode(Evaluate(states, environment));
            }

            JsonataValue value;
            try
            {
                value = library.EvaluatePlain(states, environment);
            }
            catch (AslErrorException e) when (e.Error.Error == StatesErrorNames.QueryEvaluationError)
            {
                throw Explain(e);
            }

            return value.IsDefined ? value : throw ReturnedNothing();
        }

        if (properties is not null)
        {
            // Up to eight members on the stack: the object copies them, so the buffer is not kept.
            var buffer = default(JsonataMemberBuffer);
            var members = properties.Length <= JsonataMemberBuffer.Length
                ? ((Span<KeyValuePair<string, JsonataValue>>)buffer)[..properties.Length]
                : new KeyValuePair<string, JsonataValue>[properties.Length];
            for (var i = 0; i < properties.Length; i++)
            {
                members[i] = new(properties[i].Key, properties[i].Value.EvaluateValue(states, environment));
            }

            return JsonataValue.CreateObject(members);
        }

        if (items is not null)
        {
            var values = new JsonataValue[items.Length];
            for (var i = 0; i < items.Length; i++)
            {
                values[i] = items[i].EvaluateValue(states, environment);
            }

            return JsonataValue.CreateArray(values);
        }

        // A literal's value is made once (several threads may race to make it: they make equal values).
        if (literalValue.IsUndefined)
        {
            literalValue = JsonataValue.FromNode(literal);
        }

        return literalValue;
    }

    /// <summary>
    /// Evaluates an Assign field into the variables it sets, in order: a member that is one expression is held as the
    /// evaluator's value when it is plain JSON (<see cref="JsonataLibraryExpression.TryEvaluateVariable"/>), measured
    /// already; other members are nodes whose size is left to <see cref="VariableScope.Prepare(AssignedVariable[], string)"/>.
    /// </summary>
    /// <returns>The variables, or <see langword="null"/> when the field does not evaluate to an object.</returns>
    public AssignedVariable[]? EvaluateAssign(JsonNode? states, IEvaluationEnvironment environment)
    {
        if (properties is null)
        {
            if (Evaluate(states, environment) is not JsonObject assigned)
            {
                return null;
            }

            var nodes = new AssignedVariable[assigned.Count];
            var n = 0;
            foreach (var (name, node) in assigned)
            {
                nodes[n++] = new AssignedVariable(name, node, -1);
            }

            assigned.Clear();
            return nodes;
        }

        var variables = new AssignedVariable[properties.Length];
        for (var i = 0; i < properties.Length; i++)
        {
            var (name, template) = properties[i];
            variables[i] = template.EvaluateVariable(name, states, environment);
        }

        return variables;
    }

    private AssignedVariable EvaluateVariable(string name, JsonNode? states, IEvaluationEnvironment environment)
    {
        if (expressionText is not null && expression is JsonataLibraryExpression library)
        {
            bool defined;
            AssignedVariable variable;
            try
            {
                defined = library.TryEvaluateVariable(states, environment, name, out variable);
            }
            catch (AslErrorException e) when (e.Error.Error == StatesErrorNames.QueryEvaluationError)
            {
                throw Explain(e);
            }

            return defined ? variable : throw ReturnedNothing();
        }

        _ = TryEvaluate(states, environment, out var value);
        return new AssignedVariable(name, value, -1);
    }

    private AslErrorException Explain(AslErrorException e) => e.Error.Cause == UnsupportedResultCause
        ? new AslErrorException(
            StatesErrorNames.QueryEvaluationError,
            $"The JSONata expression '{expressionText}' specified for the field '{field}' returned an unsupported result type.")
        : new AslErrorException(
            StatesErrorNames.QueryEvaluationError,
            $"The JSONata expression '{expressionText}' specified for the field '{field}' threw an error during evaluation. {e.Error.Cause}");

    private AslErrorException ReturnedNothing() => new(
        StatesErrorNames.QueryEvaluationError,
        $"The JSONata expression '{expressionText}' specified for the field '{field}' returned nothing (undefined).");
}
