using System.Collections.Concurrent;

namespace AslOnDurable.Jsonata.Evaluation;

/// <summary>
/// One string instance per member name that compiled expressions use (field names in paths, short string literals that
/// may be object keys), so objects converted from JSON carry the same instances as the expressions that read them and
/// <see cref="JObject"/> finds a member by reference instead of comparing its text with every member's.
/// </summary>
/// <remarks>
/// Only expressions add names (bounded by what is compiled, and by <see cref="MaxNames"/> in all): JSON data only looks
/// them up, so a document with many distinct keys never grows the pool. A name the pool does not hold is used as it is,
/// found by text as before.
/// </remarks>
internal static class KeyNames
{
    /// <summary>Past this many names the pool stops growing (new names are still found by text).</summary>
    private const int MaxNames = 16 * 1024;

    /// <summary>Longer literals are not kept: member names are short, and a long literal is rarely one.</summary>
    private const int MaxLength = 64;

    private static readonly ConcurrentDictionary<string, string> Names = new(StringComparer.Ordinal);

    /// <summary>The pool's instance of <paramref name="name"/>, adding it (an expression's name or literal) when there is room.</summary>
    public static string Register(string name)
    {
        if (name.Length > MaxLength)
        {
            return name;
        }

        if (Names.TryGetValue(name, out var kept))
        {
            return kept;
        }

        return Names.Count < MaxNames ? Names.GetOrAdd(name, name) : name;
    }

    /// <summary>The pool's instance of <paramref name="name"/> (a key read from JSON), or <paramref name="name"/> itself.</summary>
    public static string Canonical(string name) =>
        name.Length <= MaxLength && Names.TryGetValue(name, out var kept) ? kept : name;
}
