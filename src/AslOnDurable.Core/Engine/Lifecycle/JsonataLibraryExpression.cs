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
        var state = environment as StateEnvironment;
        var cache = state?.JsonataCache;
        var bindings = cache?.Bindings() ?? new Dictionary<string, JsonataValue>(variables.Length + 1, StringComparer.Ordinal);
        if (usesStates)
        {
            if (usesContext && state is not null && states is JsonObject statesObject)
            {
                JsonataStates.EnsureContext(statesObject, state);
            }

            bindings["states"] = cache is not null && states is JsonObject cacheable ? cache.ConvertStates(cacheable) : Convert(states);
        }

        foreach (var name in variables)
        {
            if (environment.TryGetVariable(name, out var value))
            {
                bindings[name] = cache is not null ? cache.ConvertVariable(name, value) : Convert(value);
            }
        }

        var jsonataEnvironment = state is not null ? state.Run.JsonataEnvironment : FallbackEnvironment;
        try
        {
            var value = expression.Evaluate(JsonataValue.Undefined, bindings, jsonataEnvironment);
            if (value.IsFunction)
            {
                throw new AslErrorException(StatesErrorNames.QueryEvaluationError, JsonataTemplate.UnsupportedResultCause);
            }

            result = value.IsDefined ? value.Node : null;
            if (value.IsDefined && result is null && value != JsonataValue.Null)
            {
                throw new AslErrorException(StatesErrorNames.QueryEvaluationError, JsonataTemplate.UnsupportedResultCause);
            }

            if (StrictJson.FindLoneSurrogate(result) is { } pointer)
            {
                throw new AslErrorException(StatesErrorNames.QueryEvaluationError, LoneSurrogateCause(pointer));
            }

            // The next expression that reads the result (the next state's $states.input, a variable) takes this value.
            cache?.Produced(result, value);

            return value.IsDefined;
        }
        catch (JsonataException e)
        {
            throw new AslErrorException(StatesErrorNames.QueryEvaluationError, $"{e.Code}: {e.Message}");
        }
    }
}
