using System.Text.Json.Nodes;

namespace AslOnDurable.Core.Paths.Intrinsics.Functions.Encoding;

/// <summary><c>States.Base64Encode(string)</c>: the Base64 of the UTF-8 bytes of a string of up to 10,000 characters.</summary>
internal sealed class Base64EncodeFunction : IntrinsicFunction
{
    /// <summary>The longest input AWS accepts.</summary>
    public const int MaxLength = 10_000;

    /// <inheritdoc/>
    public override string Name => "States.Base64Encode";

    /// <inheritdoc/>
    public override int MinArguments => 1;

    /// <inheritdoc/>
    public override int MaxArguments => 1;

    /// <inheritdoc/>
    public override JsonNode? Invoke(JsonNode?[] arguments, IntrinsicCall call, IntrinsicScope scope)
    {
        var text = RequireString(arguments[0], 1);
        if (text.Length > MaxLength)
        {
            throw Fail($"the input string is {text.Length} characters long, more than the maximum of {MaxLength}");
        }

        return JsonValue.Create(Convert.ToBase64String(global::System.Text.Encoding.UTF8.GetBytes(text)));
    }
}
