using System.Text.Json.Nodes;
using AslOnDurable.Core.Engine.Context;
using AslOnDurable.Jsonata;

namespace AslOnDurable.Core.Engine.Lifecycle;

/// <summary>
/// The JSONata values of one frame's nodes, so a value crosses from the engine's nodes into the evaluator once:
/// <list type="bullet">
/// <item>nodes converted or produced (Output, Assign) in the current state, and those of the previous state (a state's
/// output is the next state's <c>$states.input</c>, whole or as members of a new object);</item>
/// <item>variables, by name, as long as the variable holds the same node (variables are never changed in place);</item>
/// <item>the value of <c>$states</c> while the frame's <c>$states</c> object and context stay the same.</item>
/// </list>
/// Nodes are taken as unchanged while they are remembered: the engine copies a node before changing it, and a task
/// handler (which may change its input in place) makes the cache forget everything it holds (<see cref="Forget"/>).
/// </summary>
internal sealed class JsonataConversionCache : IConvertedNodes
{
    private Dictionary<JsonNode, JsonataValue> current = new(ReferenceEqualityComparer.Instance);
    private Dictionary<JsonNode, JsonataValue> previous = new(ReferenceEqualityComparer.Instance);
    private Dictionary<string, KeyValuePair<JsonNode, JsonataValue>>? variables;
    private KeyValuePair<string, JsonataValue>[]? bindings;
    private JsonObject? states;
    private JsonObject? spareStates;
    private KeyValuePair<string, JsonataValue>[] statesMembers = [];
    private int statesCount;
    private bool statesHasContext;
    private JsonataValue statesValue;
    private JsonataValue heldInput;

    /// <inheritdoc/>
    public bool TryGetConverted(JsonNode node, out JsonataValue value) =>
        current.TryGetValue(node, out value) || previous.TryGetValue(node, out value);

    /// <summary>
    /// The frame's buffer for an evaluation's variables, with room for <paramref name="length"/> of them (empty: the
    /// caller clears what it wrote): an evaluation binds its variables into the evaluator's own scope before it starts,
    /// and evaluations of one frame never overlap, so one buffer serves them all.
    /// </summary>
    public KeyValuePair<string, JsonataValue>[] Bindings(int length)
    {
        if (bindings is null || bindings.Length < length)
        {
            bindings = new KeyValuePair<string, JsonataValue>[Math.Max(4, length)];
        }

        return bindings;
    }

    /// <summary>An empty object for <c>$states</c>: the one given back last, or a new one while that one is in use.</summary>
    public JsonObject RentStatesObject()
    {
        var rented = spareStates ?? new JsonObject();
        spareStates = null;
        return rented;
    }

    /// <summary>Takes back an emptied <c>$states</c> object; the value converted from it is forgotten.</summary>
    public void ReturnStatesObject(JsonObject emptied)
    {
        if (ReferenceEquals(emptied, states))
        {
            ForgetStates();
        }

        spareStates = emptied;
    }

    /// <summary>The value of <paramref name="node"/>, converted only where no value is held for it or its members.</summary>
    public JsonataValue Convert(JsonNode? node)
    {
        if (node is null)
        {
            return JsonataValue.Null;
        }

        if (!TryGetConverted(node, out var value))
        {
            value = JsonataValue.FromNode(node, this);
            if (node is JsonObject or JsonArray)
            {
                current[node] = value;
            }
        }

        return value;
    }

    /// <summary>The value of the variable <paramref name="name"/>, which holds <paramref name="node"/>.</summary>
    public JsonataValue ConvertVariable(string name, JsonNode? node)
    {
        if (node is not (JsonObject or JsonArray))
        {
            return Convert(node);
        }

        variables ??= new Dictionary<string, KeyValuePair<JsonNode, JsonataValue>>(StringComparer.Ordinal);
        if (variables.TryGetValue(name, out var held) && ReferenceEquals(held.Key, node))
        {
            return held.Value;
        }

        var value = Convert(node);
        variables[name] = new(node, value);
        return value;
    }

    /// <summary>
    /// The value of <c>$states</c>: its members are converted through the cache, and <paramref name="context"/>, when
    /// defined, is added as <c>context</c> (built from the environment's fields, see <see cref="StateEnvironment.JsonataContext"/>);
    /// the object itself is built again only when it changed (another object, members added, the context asked for
    /// since, or changed: see <see cref="ForgetStates"/>).
    /// </summary>
    public JsonataValue ConvertStates(JsonObject node, JsonataValue context)
    {
        if (ReferenceEquals(node, states) && node.Count == statesCount && (statesHasContext || context.IsUndefined))
        {
            return statesValue;
        }

        // The members by position (no enumerator) into the frame's scratch array, which the new object does not keep.
        var length = node.Count + (context.IsDefined ? 1 : 0);
        if (statesMembers.Length < length)
        {
            statesMembers = new KeyValuePair<string, JsonataValue>[Math.Max(4, length)];
        }

        var members = statesMembers.AsSpan(0, length);
        for (var i = 0; i < node.Count; i++)
        {
            var (name, member) = node.GetAt(i);
            members[i] = new(name, name == JsonataNames.Input && heldInput.IsDefined ? heldInput : Convert(member));
        }

        if (context.IsDefined)
        {
            members[^1] = new(JsonataNames.Context, context);
        }

        statesValue = JsonataValue.CreateObject(members);
        members.Clear();
        states = node;
        statesCount = node.Count;
        statesHasContext = context.IsDefined;
        return statesValue;
    }

    /// <summary>Remembers the value an evaluation produced <paramref name="node"/> from, when it is plain JSON.</summary>
    public void Produced(JsonNode? node, JsonataValue value)
    {
        if (node is JsonObject or JsonArray && value.IsPlainJson)
        {
            current[node] = value;
        }
    }

    /// <summary>Remembers the plain JSON value (see <see cref="JsonataValue.IsPlainJson"/>) <paramref name="node"/> was built from.</summary>
    public void Built(JsonNode node, JsonataValue value)
    {
        if (node is JsonObject or JsonArray)
        {
            current[node] = value;
        }
    }

    /// <summary>
    /// Sets the value of <c>$states.input</c> for the current state when its node was not built (the previous state's
    /// output, held as the evaluator's value: see <see cref="StepResult.Held"/>); undefined when the input is the node.
    /// </summary>
    public void HoldInput(JsonataValue value)
    {
        ForgetStates();
        heldInput = value;
    }

    /// <summary>A new state starts: what the previous one converted or produced stays available for one more state.</summary>
    public void NextState()
    {
        ForgetStates();
        heldInput = default;
        (previous, current) = (current, previous);
        if (current.Count > 0)
        {
            current.Clear();
        }
    }

    /// <summary>Forgets the nodes of this and the previous state (a task handler may have changed them).</summary>
    public void Forget()
    {
        ForgetStates();
        if (current.Count > 0)
        {
            current.Clear();
        }

        if (previous.Count > 0)
        {
            previous.Clear();
        }
    }

    /// <summary>Forgets the value of <c>$states</c> (its context changed: a retry, a task token, a Map item).</summary>
    public void ForgetStates()
    {
        states = null;
        statesValue = default;
    }
}
