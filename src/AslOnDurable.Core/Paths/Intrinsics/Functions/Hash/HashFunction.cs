using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using AslOnDurable.Core.Paths.Intrinsics.Arguments;

namespace AslOnDurable.Core.Paths.Intrinsics.Functions.Hash;

/// <summary>
/// <c>States.Hash(data, algorithm)</c>: the lowercase hexadecimal digest of the UTF-8 bytes of a string. The
/// algorithm is one of <c>MD5</c>, <c>SHA-1</c>, <c>SHA-256</c>, <c>SHA-384</c>, <c>SHA-512</c> (spelled exactly so).
/// </summary>
internal sealed class HashFunction : IntrinsicFunction
{
    private static readonly string[] Algorithms = ["MD5", "SHA-1", "SHA-256", "SHA-384", "SHA-512"];

    /// <inheritdoc/>
    public override string Name => "States.Hash";

    /// <inheritdoc/>
    public override int MinArguments => 2;

    /// <inheritdoc/>
    public override int MaxArguments => 2;

    /// <inheritdoc/>
    public override string? Prepare(IReadOnlyList<IntrinsicArgument> arguments, out object? prepared)
    {
        prepared = null;
        if (arguments[1] is LiteralArgument literal && literal.Value?.GetValueKind() != JsonValueKind.String)
        {
            return $"the algorithm of {Name} must be a string, one of {string.Join(", ", Algorithms)}";
        }

        return null;
    }

    /// <inheritdoc/>
    public override JsonNode? Invoke(JsonNode?[] arguments, IntrinsicCall call, IntrinsicScope scope)
    {
        var data = RequireString(arguments[0], 1);
        var algorithm = RequireString(arguments[1], 2);
        var bytes = global::System.Text.Encoding.UTF8.GetBytes(data);
#pragma warning disable CA5350, CA5351 // AWS's States.Hash offers MD5 and SHA-1; they are not used for security here.
        var digest = algorithm switch
        {
            "MD5" => MD5.HashData(bytes),
            "SHA-1" => SHA1.HashData(bytes),
            "SHA-256" => SHA256.HashData(bytes),
            "SHA-384" => SHA384.HashData(bytes),
            "SHA-512" => SHA512.HashData(bytes),
            _ => throw Fail($"the algorithm must be one of {string.Join(", ", Algorithms)}, but was {JavaJsonText.Compact(arguments[1])}"),
        };
#pragma warning restore CA5350, CA5351
        return JsonValue.Create(Convert.ToHexStringLower(digest));
    }
}
