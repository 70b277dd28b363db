using System.Text.Json.Nodes;

namespace AslOnDurable.Core.Paths.Intrinsics.Functions.Encoding;

/// <summary><c>States.Base64Decode(base64)</c>: decodes up to 10,000 characters of Base64 into a UTF-8 string.</summary>
internal sealed class Base64DecodeFunction : IntrinsicFunction
{
    /// <summary>The longest input AWS accepts.</summary>
    public const int MaxLength = 10_000;

    /// <inheritdoc/>
    public override string Name => "States.Base64Decode";

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

        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(text);
        }
        catch (FormatException)
        {
            throw Fail($"the string {JavaJsonText.Compact(arguments[0])} is not valid Base64");
        }

        return JsonValue.Create(global::System.Text.Encoding.UTF8.GetString(bytes));
    }
}
