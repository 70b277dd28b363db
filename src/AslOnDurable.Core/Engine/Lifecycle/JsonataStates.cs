using System.Text.Json.Nodes;
using AslOnDurable.Core.Engine.Context;

namespace AslOnDurable.Core.Engine.Lifecycle;

/// <summary>
/// Builds the <c>$states</c> binding of JSONata expressions around existing nodes without copying them: the nodes
/// are attached for the evaluation and detached again by <see cref="Release"/>, which gives the object back to the
/// frame for its next evaluation (one <c>$states</c> object per frame instead of one per evaluation).
/// </summary>
internal static class JsonataStates
{
    /// <summary>
    /// Creates <c>$states</c> without <c>context</c>, which a JSONata expression that reads it adds as a value
    /// (<see cref="StateEnvironment.JsonataContext"/>); call <see cref="Release"/> when done.
    /// </summary>
    public static JsonObject Create(JsonNode? input, JsonNode? result, JsonNode? errorOutput, StateEnvironment environment)
    {
        var states = environment.JsonataCache.RentStatesObject();
        states[JsonataNames.Input] = Borrow(input);
        if (result is not null)
        {
            states[JsonataNames.Result] = ReferenceEquals(result, input) ? result.DeepClone() : Borrow(result);
        }

        if (errorOutput is not null)
        {
            states[JsonataNames.ErrorOutput] = Borrow(errorOutput);
        }

        return states;
    }

    /// <summary>Detaches the borrowed nodes and gives the object back to the frame.</summary>
    public static void Release(JsonObject states, StateEnvironment environment)
    {
        states.Clear();
        environment.JsonataCache.ReturnStatesObject(states);
    }

    private static JsonNode? Borrow(JsonNode? node) => node is null || node.Parent is null ? node : node.DeepClone();
}
