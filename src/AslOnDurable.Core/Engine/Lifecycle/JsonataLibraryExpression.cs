using System.Text.Json.Nodes;
using AslOnDurable.Core.Engine.Context;
using AslOnDurable.Core.Errors;
using AslOnDurable.Core.Json;
using AslOnDurable.Core.Paths;
using AslOnDurable.Jsonata;

namespace AslOnDurable.Core.Engine.Lifecycle;

/// <summary>A compiled expression bound to the library: binds <c>$states</c> and the variables the text references.</summary>
/// <param name="expression">The compiled expression.</param>
/// <param name="variables">The variable names the text references (bound when in scope).</param>
/// <param name="usesStates">Whether the text references <c>$states</c> at all.</param>
/// <param name="usesContext">Whether the text may read <c>$states.context</c>.</param>
internal sealed class JsonataLibraryExpression(JsonataExpression expression, string[] variables, bool usesStates, bool usesContext) : IJsonataExpression
{
    private static readonly JsonataEnvironment FallbackEnvironment = new() { StepFunctionsMode = true };

    /// <summary>Converts a node for the library (parsed or built from CLR values, such as <c>JsonValue.Create(1)</c>).</summary>
    internal static JsonataValue Convert(JsonNode? node) => JsonataValue.FromNode(node);

    /// <summary>
    /// The cause when a result holds a lone UTF-16 surrogate. JSONata works on UTF-16 units where JavaScript does, so
    /// <c>$split("😀", "")</c>, a regular expression matching <c>.</c>, or a <c>"\ud800"</c> escape in the expression
    /// can make one (<c>$substring</c> and <c>$length</c> count code points and never split a pair).
    /// </summary>
    /// <remarks>
    /// Execution data is well-formed Unicode in both modes (the input refuses lone surrogates too), so such a value
    /// fails the state with <c>States.QueryEvaluationError</c>, which Retry and Catch see like any JSONata error.
    /// </remarks>
    internal static string LoneSurrogateCause(string pointer) =>
        $"The JSONata result holds a lone UTF-16 surrogate at '{(pointer.Length == 0 ? "/" : pointer)}' (half of a surrogate pair, "
        + "for example from $split(s, \"\") or a regular expression cutting an emoji): it is not valid Unicode text and cannot be state data.";

    /// <inheritdoc/>
    public bool TryEvaluate(JsonNode? states, IEvaluationEnvironment environment, out JsonNode? result)
    {
        var value = EvaluateValue(states, environment, out var cache);
        return ToNode(value, cache, out result);
    }

    private static bool ToNode(JsonataValue value, JsonataConversionCache? cache, out JsonNode? result)
    {
        var wellFormed = true;
        result = value.IsDefined ? value.ToNode(out wellFormed) : null;
        if (value.IsDefined && result is null && value != JsonataValue.Null)
        {
            throw new AslErrorException(StatesErrorNames.QueryEvaluationError, JsonataTemplate.UnsupportedResultCause);
        }

        if (!wellFormed)
        {
            throw LoneSurrogate(result);
        }

        // The next expression that reads the result (the next state's $states.input, a variable) takes this value.
        cache?.Produced(result, value);

        return value.IsDefined;
    }

    /// <summary>
    /// Evaluates a value to assign to a variable: held as the evaluator's value, measured without building its node,
    /// when it is plain JSON (see <see cref="HeldJsonataValue"/>); otherwise as a node, like <see cref="TryEvaluate"/>,
    /// with its size left to measure (-1).
    /// </summary>
    /// <returns><see langword="false"/> when the result is undefined.</returns>
    public bool TryEvaluateVariable(JsonNode? states, IEvaluationEnvironment environment, string name, out AssignedVariable variable)
    {
        var value = EvaluateValue(states, environment, out var cache);
        if (value.IsDefined && value != JsonataValue.Null && value.TryMeasurePlainJson(out var size, out var wellFormed))
        {
            if (!wellFormed)
            {
                throw LoneSurrogate(value.Node);
            }

            variable = new AssignedVariable(name, null, size, new HeldJsonataValue(value));
            return true;
        }

        var defined = ToNode(value, cache, out var node);
        variable = new AssignedVariable(name, node, -1);
        return defined;
    }

    /// <summary>
    /// Evaluates to the value the next reader would take from the node <see cref="TryEvaluate"/> builds, without
    /// building it when the result is plain JSON (checked, with its text's well-formedness, in one walk that later
    /// walks over shared members skip); any other result goes through its node, with the same errors.
    /// </summary>
    /// <returns>The plain value, or undefined.</returns>
    public JsonataValue EvaluatePlain(JsonNode? states, IEvaluationEnvironment environment)
    {
        var value = EvaluateValue(states, environment, out var cache);
        if (value.IsUndefined)
        {
            return value;
        }

        if (!value.TryMeasurePlainJson(out _, out var wellFormed))
        {
            if (!value.IsObjectOrArray)
            {
                // A non-finite number: refused as its node would be.
                _ = ToNode(value, cache, out var node);
                return JsonataValue.FromNode(node);
            }

            // Sequences and flagged arrays (a path's result) become the arrays their nodes would be.
            value = value.ToPlainJson();
            _ = value.TryMeasurePlainJson(out _, out wellFormed);
        }

        return wellFormed ? value : throw LoneSurrogate(value.Node);
    }

    private JsonataValue EvaluateValue(JsonNode? states, IEvaluationEnvironment environment, out JsonataConversionCache? cache)
    {
        var state = environment as StateEnvironment;
        cache = state?.JsonataCache;
        var bindings = cache?.Bindings(variables.Length + 1) ?? new KeyValuePair<string, JsonataValue>[variables.Length + 1];
        var count = 0;
        if (usesStates)
        {
            // $states.context is built as a value from the environment's fields, only for a text that may read it.
            bindings[count++] = new("states", cache is not null && states is JsonObject cacheable
                ? cache.ConvertStates(cacheable, usesContext ? state!.JsonataContext : JsonataValue.Undefined)
                : Convert(states));
        }

        foreach (var name in variables)
        {
            if (state is not null)
            {
                if (state.Scope.TryGetVariable(name, out var variable))
                {
                    bindings[count++] = new(name, variable.Held is { } held ? held.Value : cache!.ConvertVariable(name, variable.Node));
                }
            }
            else if (environment.TryGetVariable(name, out var value))
            {
                bindings[count++] = new(name, Convert(value));
            }
        }

        var jsonataEnvironment = state is not null ? state.Run.JsonataEnvironment : FallbackEnvironment;
        try
        {
            var value = expression.Evaluate(JsonataValue.Undefined, jsonataEnvironment, bindings.AsSpan(0, count));
            return value.IsFunction
                ? throw new AslErrorException(StatesErrorNames.QueryEvaluationError, JsonataTemplate.UnsupportedResultCause)
                : value;
        }
        catch (JsonataException e)
        {
            throw new AslErrorException(StatesErrorNames.QueryEvaluationError, $"{e.Code}: {e.Message}");
        }
        finally
        {
            bindings.AsSpan(0, count).Clear(); // the frame's buffer holds no value past the evaluation
        }
    }

    private static AslErrorException LoneSurrogate(JsonNode? result) =>
        new(StatesErrorNames.QueryEvaluationError, LoneSurrogateCause(StrictJson.FindLoneSurrogate(result) ?? ""));
}
