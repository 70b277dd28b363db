using AslOnDurable.Jsonata.Evaluation;
using AslOnDurable.Jsonata.Functions;

namespace AslOnDurable.Jsonata;

/// <summary>
/// An extra function made visible to expressions (for example the Step Functions additions
/// <c>$partition</c>, <c>$range</c>, <c>$hash</c>, <c>$random</c>, <c>$uuid</c>, <c>$parse</c>).
/// </summary>
/// <remarks>
/// The implementation should report failures by throwing <see cref="JsonataException"/> with a code; the call
/// site's position and the function name are added automatically. Implementations must be thread-safe and must
/// take time, ids and randomness from injected sources (the banned-API analyzer applies to callers too).
/// </remarks>
public sealed class JsonataFunction
{
    /// <summary>Defines a function.</summary>
    /// <param name="name">The name without <c>$</c>.</param>
    /// <param name="signature">An optional JSONata signature such as <c>&lt;an:a&gt;</c>, validated before each call.</param>
    /// <param name="implementation">Receives the (validated) arguments; undefined arguments are <see cref="JsonataValue.Undefined"/>.</param>
    public JsonataFunction(string name, string? signature, Func<IReadOnlyList<JsonataValue>, JsonataValue> implementation)
    {
        ArgumentNullException.ThrowIfNull(implementation);
        Name = name;
        SignatureText = signature;
        var parsed = signature is null ? null : Signature.Parse(signature);
        Builtin = new BuiltinFunction(name, parsed, (_, args, _, _) =>
        {
            var values = new JsonataValue[args.Length];
            for (var i = 0; i < args.Length; i++)
            {
                values[i] = new JsonataValue(args[i]);
            }

            return implementation(values).Raw;
        }, parsed?.RequiredCount ?? 1);
    }

    /// <summary>The name without <c>$</c>.</summary>
    public string Name { get; }

    /// <summary>The signature text, if any.</summary>
    public string? SignatureText { get; }

    internal BuiltinFunction Builtin { get; }
}
