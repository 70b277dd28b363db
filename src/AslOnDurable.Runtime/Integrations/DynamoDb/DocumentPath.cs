using System.Collections.Immutable;
using System.Text.Json.Nodes;

namespace AslOnDurable.Runtime.Integrations.DynamoDb;

/// <summary>A document path of an expression: an attribute, then map members (<c>.name</c>) and list elements (<c>[n]</c>).</summary>
/// <param name="Segments">Attribute or member names (<see cref="string"/>) and list indexes (<see cref="int"/>).</param>
internal sealed record DocumentPath(ImmutableArray<object> Segments)
{
    /// <summary>The top-level attribute's name.</summary>
    public string Attribute => (string)Segments[0];

    /// <summary>The value at the path in an item, or <see langword="null"/> when absent.</summary>
    public JsonNode? Get(JsonObject item)
    {
        JsonNode? current = item[Attribute];
        for (int i = 1; i < Segments.Length && current is not null; i++)
        {
            current = Segments[i] switch
            {
                string member when current["M"] is JsonObject map => map[member],
                int index when current["L"] is JsonArray list && index < list.Count => list[index],
                _ => null,
            };
        }

        return current;
    }

    /// <summary>Sets the value at the path (its parent must exist); a list index past the end appends.</summary>
    public void Set(JsonObject item, JsonNode value)
    {
        if (Segments.Length == 1)
        {
            item[Attribute] = value;
            return;
        }

        switch (Parent(item), Segments[^1])
        {
            case (JsonObject map, string member):
                map[member] = value;
                break;
            case (JsonArray list, int index):
                if (index < list.Count)
                {
                    list[index] = value;
                }
                else
                {
                    list.Add(value);
                }

                break;
            default:
                throw new DynamoDbRequestException("The document path provided in the update expression is invalid for update");
        }
    }

    /// <summary>Removes the value at the path, if present.</summary>
    public void Remove(JsonObject item)
    {
        if (Segments.Length == 1)
        {
            item.Remove(Attribute);
            return;
        }

        switch (Parent(item), Segments[^1])
        {
            case (JsonObject map, string member):
                map.Remove(member);
                break;
            case (JsonArray list, int index) when index < list.Count:
                list.RemoveAt(index);
                break;
            default:
                break;
        }
    }

    /// <summary>Whether one path is the other or lies inside it (DynamoDB refuses overlapping paths in one update).</summary>
    public bool Overlaps(DocumentPath other)
    {
        int common = Math.Min(Segments.Length, other.Segments.Length);
        for (int i = 0; i < common; i++)
        {
            if (!Segments[i].Equals(other.Segments[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <inheritdoc/>
    public override string ToString() =>
        string.Concat(Segments.Select((s, i) => s is int index ? $"[{index}]" : i == 0 ? (string)s : "." + s));

    private JsonNode? Parent(JsonObject item) =>
        new DocumentPath(Segments[..^1]).Get(item) switch
        {
            JsonObject typed when typed["M"] is JsonObject map && Segments[^1] is string => map,
            JsonObject typed when typed["L"] is JsonArray list && Segments[^1] is int => list,
            _ => null,
        };
}
