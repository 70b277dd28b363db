using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using AslOnDurable.Core.Errors;
using AslOnDurable.Core.Paths.Intrinsics.Arguments;

namespace AslOnDurable.Core.Paths.Intrinsics;

/// <summary>
/// One <c>States.*</c> intrinsic function: its name, how many arguments it takes, parse-time checks and evaluation.
/// Instances are stateless and shared through <see cref="IntrinsicRegistry"/>.
/// </summary>
/// <remarks>
/// Runtime failures (wrong argument types or values) raise <c>States.Runtime</c>, the error AWS reports for
/// failing intrinsic functions, with the cause <c>Invalid arguments in States.Name: detail</c>.
/// </remarks>
internal abstract class IntrinsicFunction
{
    /// <summary>The full name, for example <c>States.Format</c>.</summary>
    public abstract string Name { get; }

    /// <summary>The fewest arguments accepted.</summary>
    public abstract int MinArguments { get; }

    /// <summary>The most arguments accepted (<see cref="int.MaxValue"/> for any number).</summary>
    public abstract int MaxArguments { get; }

    /// <summary>Checks literal arguments at parse time and prepares anything reusable.</summary>
    /// <param name="arguments">The compiled arguments.</param>
    /// <param name="prepared">Data kept with the call and handed back to <see cref="Invoke"/>.</param>
    /// <returns>Why the call is invalid, or <see langword="null"/>.</returns>
    public virtual string? Prepare(IReadOnlyList<IntrinsicArgument> arguments, out object? prepared)
    {
        prepared = null;
        return null;
    }

    /// <summary>Runs the function.</summary>
    /// <param name="arguments">The evaluated arguments (borrowed: clone before attaching, never mutate).</param>
    /// <param name="call">The call being evaluated (gives its prepared data).</param>
    /// <param name="scope">The evaluation in progress.</param>
    /// <returns>A new node the caller owns.</returns>
    public abstract JsonNode? Invoke(JsonNode?[] arguments, IntrinsicCall call, IntrinsicScope scope);

    /// <summary>The exception for invalid runtime arguments.</summary>
    /// <param name="detail">What is wrong.</param>
    /// <returns>The exception to throw.</returns>
    protected AslErrorException Fail(string detail) =>
        new(StatesErrorNames.Runtime, $"Invalid arguments in {Name}: {detail}");

    /// <summary>Describes a value for error messages: its JSON type and compact text.</summary>
    /// <param name="value">The value.</param>
    /// <returns>For example <c>string "abc"</c>.</returns>
    protected static string Describe(JsonNode? value) => $"{KindName(value)} {JavaJsonText.Compact(value)}";

    /// <summary>The JSON type name of a value (<c>string</c>, <c>number</c>, <c>boolean</c>, <c>null</c>, <c>array</c>, <c>object</c>).</summary>
    /// <param name="value">The value.</param>
    /// <returns>The type name.</returns>
    protected static string KindName(JsonNode? value) => value switch
    {
        null => "null",
        JsonObject => "object",
        JsonArray => "array",
        _ => value.GetValueKind() switch
        {
            JsonValueKind.String => "string",
            JsonValueKind.Number => "number",
            JsonValueKind.True or JsonValueKind.False => "boolean",
            _ => "null",
        },
    };

    /// <summary>Requires a string argument.</summary>
    /// <param name="value">The argument.</param>
    /// <param name="position">Its 1-based position, for the message.</param>
    /// <returns>The string.</returns>
    protected string RequireString(JsonNode? value, int position) =>
        value is JsonValue v && v.GetValueKind() == JsonValueKind.String
            ? v.GetValue<string>()
            : throw Fail($"argument {Position(position)} must be a string, but was {Describe(value)}");

    /// <summary>Requires an array argument.</summary>
    /// <param name="value">The argument.</param>
    /// <param name="position">Its 1-based position, for the message.</param>
    /// <returns>The array.</returns>
    protected JsonArray RequireArray(JsonNode? value, int position) =>
        value as JsonArray ?? throw Fail($"argument {Position(position)} must be an array, but was {Describe(value)}");

    /// <summary>Requires an object argument.</summary>
    /// <param name="value">The argument.</param>
    /// <param name="position">Its 1-based position, for the message.</param>
    /// <returns>The object.</returns>
    protected JsonObject RequireObject(JsonNode? value, int position) =>
        value as JsonObject ?? throw Fail($"argument {Position(position)} must be an object, but was {Describe(value)}");

    /// <summary>Requires an integral number (<c>2</c> or <c>2.0</c>) that fits 64 bits.</summary>
    /// <param name="value">The argument.</param>
    /// <param name="position">Its 1-based position, for the message.</param>
    /// <returns>The integer.</returns>
    protected long RequireInteger(JsonNode? value, int position) =>
        JsonNumbers.TryGetInt64(value, out var number)
            ? number
            : throw Fail($"argument {Position(position)} must be an integer, but was {Describe(value)}");

    /// <summary>Requires a number and rounds it to the nearest integer, halves up (Java's <c>Math.round</c>), as AWS does.</summary>
    /// <param name="value">The argument.</param>
    /// <param name="position">Its 1-based position, for the message.</param>
    /// <returns>The rounded integer.</returns>
    protected long RequireRoundedInteger(JsonNode? value, int position)
    {
        if (JsonNumbers.TryGetInt64(value, out var integer))
        {
            return integer;
        }

        if (JsonNumbers.TryGetDecimal(value, out var d))
        {
            var rounded = decimal.Floor(d + 0.5m);
            if (rounded >= long.MinValue && rounded <= long.MaxValue)
            {
                return (long)rounded;
            }
        }

        throw Fail($"argument {Position(position)} must be an integer, but was {Describe(value)}");
    }

    private static string Position(int position) => position.ToString(CultureInfo.InvariantCulture);
}
