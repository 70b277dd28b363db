using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using AslOnDurable.Core.Paths.Intrinsics.Functions.Array;
using AslOnDurable.Core.Paths.Intrinsics.Functions.Encoding;
using AslOnDurable.Core.Paths.Intrinsics.Functions.Hash;
using AslOnDurable.Core.Paths.Intrinsics.Functions.Id;
using AslOnDurable.Core.Paths.Intrinsics.Functions.Json;
using AslOnDurable.Core.Paths.Intrinsics.Functions.Math;
using AslOnDurable.Core.Paths.Intrinsics.Functions.String;

namespace AslOnDurable.Core.Paths.Intrinsics;

/// <summary>The <c>States.*</c> intrinsic functions by name: a frozen, read-only map built once.</summary>
/// <param name="functions">The functions.</param>
internal sealed class IntrinsicRegistry(IEnumerable<IntrinsicFunction> functions)
{
    private readonly FrozenDictionary<string, IntrinsicFunction> byName =
        functions.ToFrozenDictionary(f => f.Name, StringComparer.Ordinal);

    /// <summary>Every intrinsic function AWS offers for JSONPath states.</summary>
    public static IntrinsicRegistry Default { get; } = new(
    [
        new FormatFunction(), new StringToJsonFunction(), new JsonToStringFunction(), new ArrayFunction(),
        new ArrayPartitionFunction(), new ArrayContainsFunction(), new ArrayRangeFunction(), new ArrayGetItemFunction(),
        new ArrayLengthFunction(), new ArrayUniqueFunction(), new Base64EncodeFunction(), new Base64DecodeFunction(),
        new HashFunction(), new JsonMergeFunction(), new MathRandomFunction(), new MathAddFunction(),
        new StringSplitFunction(), new UuidFunction(),
    ]);

    /// <summary>The names of all functions.</summary>
    public IEnumerable<string> Names => byName.Keys;

    /// <summary>Looks a function up by its full name (<c>States.Format</c>), case-sensitively.</summary>
    /// <param name="name">The name.</param>
    /// <param name="function">The function.</param>
    /// <returns>Whether the function exists.</returns>
    public bool TryGet(string name, [NotNullWhen(true)] out IntrinsicFunction? function) =>
        byName.TryGetValue(name, out function);
}
