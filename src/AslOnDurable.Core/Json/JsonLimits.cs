using System.Text.Json;
using AslOnDurable.Jsonata;

namespace AslOnDurable.Core.Json;

/// <summary>
/// The one JSON depth policy of the engine, its hosts and the CLI: every reader and writer of execution data,
/// definitions and history accepts values nested up to <see cref="MaxDepth"/> levels (System.Text.Json stops at
/// 64 by default).
/// </summary>
/// <remarks>
/// AWS documents no nesting limit and accepts JSON deeper than 64 levels; 512 keeps every recursive walk (size
/// measure, JSONata conversion, serialisation) far from the thread's stack limit. Deeper input is refused as
/// invalid JSON; deeper values built at run time fail the state with <c>States.Runtime</c>.
/// </remarks>
public static class JsonLimits
{
    /// <summary>The deepest nesting of arrays and objects: 512 (the same as JSONata's <see cref="JsonataLimits.MaxValueDepth"/>).</summary>
    public const int MaxDepth = JsonataLimits.MaxValueDepth;

    /// <summary>Options for reading JSON with the depth limit (see <see cref="StrictJson"/> for execution data).</summary>
    public static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = MaxDepth };

    /// <summary>Options for writing values with <c>ToJsonString</c> (the depth limit; otherwise the defaults).</summary>
    public static readonly JsonSerializerOptions SerializerOptions = new() { MaxDepth = MaxDepth };
}
