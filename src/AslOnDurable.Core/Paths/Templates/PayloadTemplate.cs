using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Nodes;
using AslOnDurable.Core.Paths.Intrinsics;
using AslOnDurable.Core.Paths.JsonPath;

namespace AslOnDurable.Core.Paths.Templates;

/// <summary>
/// A compiled JSONPath payload template (<c>Parameters</c>, <c>ItemSelector</c>, <c>ResultSelector</c>,
/// <c>Arguments</c> of ItemReader in JSONPath mode): keys ending in <c>.$</c> take a path, <c>$$</c> path,
/// <c>$var</c> path or intrinsic function call; other values are copied as they are. Immutable and thread-safe.
/// </summary>
/// <remarks>
/// Objects nested anywhere, including inside arrays, have their <c>.$</c> fields evaluated; the output field drops
/// the <c>.$</c> suffix and keeps the template's field order. A definite path contributes a copy of the node it
/// selects, an indefinite one an array of its matches (empty when nothing matches).
/// </remarks>
public sealed class PayloadTemplate
{
    private readonly TemplateNode root;

    private PayloadTemplate(TemplateNode root)
    {
        this.root = root;
    }

    /// <summary>Whether the template has no <c>.$</c> field at all (its output is always a copy of itself).</summary>
    public bool IsConstant => root.IsConstant;

    /// <summary>Compiles a template, or reports every malformed path or intrinsic in it.</summary>
    /// <param name="template">The raw template.</param>
    /// <param name="compiled">The compiled template.</param>
    /// <param name="errors">Problems found, each with the JSON Pointer (relative to the template) and a message.</param>
    /// <returns>Whether the template is valid.</returns>
    public static bool TryCompile(JsonNode? template, [NotNullWhen(true)] out PayloadTemplate? compiled, out IReadOnlyList<(string Pointer, string Message)> errors)
    {
        var problems = new List<(string Pointer, string Message)>();
        var node = Compile(template, string.Empty, problems);
        errors = problems;
        compiled = problems.Count == 0 ? new PayloadTemplate(node) : null;
        return compiled is not null;
    }

    /// <summary>
    /// Evaluates the template into a new node the caller owns. Fails with <c>States.Runtime</c> when a path
    /// has no result (cause <c>"The JSONPath '...' specified for the field '....$' could not be found in the input '...'"</c>,
    /// the input rendered as compact JSON), when a <c>$</c> path meets a null input (cause <c>Unable to apply Path
    /// transformation to null or empty input.</c>) and when an intrinsic function fails.
    /// </summary>
    /// <param name="input">The effective input.</param>
    /// <param name="environment">Context object, variables, ids and randomness.</param>
    /// <returns>The evaluated payload.</returns>
    public JsonNode? Evaluate(JsonNode? input, IEvaluationEnvironment environment) => root.Evaluate(input, environment);

    private static TemplateNode Compile(JsonNode? node, string pointer, List<(string Pointer, string Message)> problems)
    {
        switch (node)
        {
            case JsonObject obj:
                return CompileObject(obj, pointer, problems);
            case JsonArray array:
                var items = new TemplateNode[array.Count];
                var allConstant = true;
                for (var i = 0; i < array.Count; i++)
                {
                    items[i] = Compile(array[i], pointer + "/" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), problems);
                    allConstant &= items[i].IsConstant;
                }

                return allConstant ? new TemplateConstant(array.DeepClone()) : new TemplateArray(items);
            default:
                return new TemplateConstant(node?.DeepClone());
        }
    }

    private static TemplateNode CompileObject(JsonObject obj, string pointer, List<(string Pointer, string Message)> problems)
    {
        var names = new string[obj.Count];
        var values = new TemplateNode[obj.Count];
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var allConstant = true;
        var index = 0;
        foreach (var (key, value) in obj)
        {
            var fieldPointer = pointer + "/" + EscapePointer(key);
            var dynamic = key.EndsWith(".$", StringComparison.Ordinal);
            var name = dynamic ? key[..^2] : key;
            if (!seen.Add(name))
            {
                problems.Add((fieldPointer, $"The field '{name}' is specified more than once (as '{name}' and '{name}.$')"));
            }

            names[index] = name;
            values[index] = dynamic ? CompileDynamic(key, value, fieldPointer, problems) : Compile(value, fieldPointer, problems);
            allConstant &= values[index].IsConstant;
            index++;
        }

        return allConstant ? new TemplateConstant(obj.DeepClone()) : new TemplateObject(names, values);
    }

    private static TemplateNode CompileDynamic(string key, JsonNode? value, string pointer, List<(string Pointer, string Message)> problems)
    {
        var text = value is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;
        if (text is not null && text.StartsWith('$'))
        {
            if (JsonPathExpression.TryParse(text, out var path, out var pathError))
            {
                return new TemplatePath(key, path);
            }

            problems.Add((pointer, InvalidFieldMessage(key) + ": " + pathError));
            return new TemplateConstant(null);
        }
        else if (text is not null && IntrinsicExpression.LooksLikeIntrinsic(text))
        {
            if (IntrinsicExpression.TryParse(text, out var intrinsic, out var error))
            {
                return new TemplateIntrinsic(key, intrinsic);
            }

            problems.Add((pointer, InvalidFieldMessage(key) + ": " + error));
            return new TemplateConstant(null);
        }

        problems.Add((pointer, InvalidFieldMessage(key)));
        return new TemplateConstant(null);
    }

    /// <summary>The validation message AWS gives for a <c>.$</c> field that is neither a path nor an intrinsic call.</summary>
    /// <param name="key">The field name, with <c>.$</c>.</param>
    /// <returns>The message.</returns>
    internal static string InvalidFieldMessage(string key) =>
        $"The value for the field '{key}' must be a valid JSONPath or a valid intrinsic function call";

    private static string EscapePointer(string key) =>
        key.Contains('~', StringComparison.Ordinal) || key.Contains('/', StringComparison.Ordinal)
            ? key.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal)
            : key;
}
