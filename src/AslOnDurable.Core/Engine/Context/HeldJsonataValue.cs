using System.Text.Json.Nodes;
using AslOnDurable.Jsonata;

namespace AslOnDurable.Core.Engine.Context;

/// <summary>
/// A variable a JSONata Assign set, held as the evaluator's value: JSONata expressions that read the variable take the
/// value as it is, and its node is built only when something needs it (a JSONPath read, a checkpoint, a map run's
/// copy of the variables), once.
/// </summary>
/// <param name="value">A plain JSON value other than <c>null</c> (see <see cref="JsonataValue.IsPlainJson"/>); never changed.</param>
internal sealed class HeldJsonataValue(JsonataValue value)
{
    private JsonNode? node;

    /// <summary>The value.</summary>
    public JsonataValue Value { get; } = value;

    /// <summary>The value's node, built on first use; the same node afterwards (never changed in place, as variables are not).</summary>
    public JsonNode Node
    {
        get
        {
            var current = Volatile.Read(ref node);
            if (current is null)
            {
                // Frames of one execution may read a variable of an enclosing scope from more than one thread: the first
                // node stored wins, so every reader sees the same one.
                var built = Value.Node!;
                current = Interlocked.CompareExchange(ref node, built, null) ?? built;
            }

            return current;
        }
    }
}
