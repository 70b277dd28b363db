using System.Text.Json.Nodes;

namespace AslOnDurable.Core.Engine.Context;

/// <summary>
/// Workflow variables of one scope. Parallel branches and Map iterations get an inner scope that reads the outer
/// scopes but assigns only into itself, as AWS specifies.
/// </summary>
/// <param name="parent">The enclosing scope, or <see langword="null"/> at the top level.</param>
internal sealed class VariableScope(VariableScope? parent)
{
    private Dictionary<string, JsonNode?>? values;

    /// <summary>Looks a variable up here, then in the enclosing scopes.</summary>
    public bool TryGet(string name, out JsonNode? value)
    {
        for (var scope = this; scope is not null; scope = scope.Parent)
        {
            if (scope.values is not null && scope.values.TryGetValue(name, out value))
            {
                return true;
            }
        }

        value = null;
        return false;
    }

    /// <summary>The enclosing scope.</summary>
    public VariableScope? Parent { get; } = parent;

    /// <summary>A copy of this scope's own variables in assignment order, or <see langword="null"/> when it has none (checkpoints).</summary>
    public JsonObject? Snapshot()
    {
        if (values is null || values.Count == 0)
        {
            return null;
        }

        var snapshot = new JsonObject();
        foreach (var (name, value) in values)
        {
            snapshot[name] = value?.DeepClone();
        }

        return snapshot;
    }

    /// <summary>Assigns every property of an evaluated Assign object (taking ownership of its values).</summary>
    public void AssignAll(JsonObject assignments)
    {
        if (assignments.Count == 0)
        {
            return;
        }

        var entries = new KeyValuePair<string, JsonNode?>[assignments.Count];
        var i = 0;
        foreach (var entry in assignments)
        {
            entries[i++] = entry;
        }

        assignments.Clear();
        values ??= new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        foreach (var (name, value) in entries)
        {
            values[name] = value;
        }
    }
}
