using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using AslOnDurable.Core.Paths.Intrinsics.Arguments;
using AslOnDurable.Core.Json;

namespace AslOnDurable.Core.Paths.Intrinsics.Functions.String;

/// <summary>
/// <c>States.Format('text {} more {}', v1, v2)</c>: replaces each <c>{}</c> with the next argument. There must be
/// exactly as many arguments after the format string as placeholders (checked when evaluated).
/// </summary>
/// <remarks>
/// Values render as AWS (Java) prints them: strings as they are, <c>null</c>, <c>true</c>, integers as written and
/// other numbers as Java doubles (<c>1.50</c> → <c>1.5</c>, <c>1e2</c> → <c>100.0</c>),
/// objects as <c>{key=value, key2=value2}</c> and arrays as <c>[a, b]</c> (nested values likewise).
/// </remarks>
internal sealed class FormatFunction : IntrinsicFunction
{
    /// <inheritdoc/>
    public override string Name => "States.Format";

    /// <inheritdoc/>
    public override int MinArguments => 1;

    /// <inheritdoc/>
    public override int MaxArguments => int.MaxValue;

    /// <inheritdoc/>
    public override string? Prepare(IReadOnlyList<IntrinsicArgument> arguments, out object? prepared)
    {
        prepared = null;
        if (arguments[0] is not LiteralArgument literal)
        {
            return null;
        }

        if (literal.RawString is null)
        {
            return $"the first argument of {Name} must be a string";
        }

        // A placeholder count that does not match the values fails when evaluated, not when parsed.
        prepared = FormatTemplate.FromEscaped(literal.RawString);
        return null;
    }

    /// <inheritdoc/>
    public override JsonNode? Invoke(JsonNode?[] arguments, IntrinsicCall call, IntrinsicScope scope)
    {
        var template = call.Prepared as FormatTemplate ?? FormatTemplate.FromValue(RequireString(arguments[0], 1));
        if (template.PlaceholderCount != arguments.Length - 1)
        {
            throw Fail($"the format string has {template.PlaceholderCount} '{{}}' placeholders but {arguments.Length - 1} values to insert");
        }

        var builder = new StringBuilder(template.Literals[0]);
        for (var i = 1; i < arguments.Length; i++)
        {
            Render(arguments[i], builder);
            builder.Append(template.Literals[i]);
        }

        return JsonValue.Create(builder.ToString());
    }

    /// <summary>Appends a value the way AWS prints it inside a formatted string.</summary>
    /// <param name="value">The value.</param>
    /// <param name="builder">The target.</param>
    public static void Render(JsonNode? value, StringBuilder builder)
    {
        switch (value)
        {
            case null:
                builder.Append("null");
                break;
            case JsonObject obj:
                builder.Append('{');
                var first = true;
                foreach (var property in obj)
                {
                    if (!first)
                    {
                        builder.Append(", ");
                    }

                    first = false;
                    builder.Append(property.Key).Append('=');
                    Render(property.Value, builder);
                }

                builder.Append('}');
                break;
            case JsonArray array:
                builder.Append('[');
                for (var i = 0; i < array.Count; i++)
                {
                    if (i > 0)
                    {
                        builder.Append(", ");
                    }

                    Render(array[i], builder);
                }

                builder.Append(']');
                break;
            case JsonValue number when number.GetValueKind() == JsonValueKind.Number:
                builder.Append(JavaJsonText.NumberText(number));
                break;
            default:
                builder.Append(value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : value.ToJsonString(JsonLimits.SerializerOptions));
                break;
        }
    }
}
