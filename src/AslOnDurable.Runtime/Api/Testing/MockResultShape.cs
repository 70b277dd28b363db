using System.Text.Json;
using System.Text.Json.Nodes;
using AslOnDurable.Runtime.Api.Protocol;

namespace AslOnDurable.Runtime.Api.Testing;

/// <summary>
/// One shape of an AWS API's response, as a mocked result is checked against it (<c>mock.fieldValidationMode</c>):
/// a structure of named members (those its model requires, and any others, which pass), a list, a map, a string (with
/// its enum values), a number, a boolean, or any JSON.
/// </summary>
internal sealed class MockResultShape
{
    private const string Prefix = "Mock result schema validation error: ";

    private readonly JsonValueKind? kind;
    private readonly Dictionary<string, MockResultShape>? members;
    private readonly string[] required;
    private readonly string[]? values;
    private readonly MockResultShape? element;

    private MockResultShape(
        JsonValueKind? kind, Dictionary<string, MockResultShape>? members = null, string[]? values = null, MockResultShape? element = null, string[]? required = null)
    {
        this.kind = kind;
        this.required = required ?? [];
        this.members = members;
        this.values = values;
        this.element = element;
    }

    /// <summary>Gets any JSON value (a document member, a decoded payload).</summary>
    public static MockResultShape Any { get; } = new(null);

    /// <summary>Gets a string (timestamps and blobs included).</summary>
    public static MockResultShape String { get; } = new(JsonValueKind.String);

    /// <summary>Gets a number (integers, longs, floats, doubles).</summary>
    public static MockResultShape Number { get; } = new(JsonValueKind.Number);

    /// <summary>Gets a boolean.</summary>
    public static MockResultShape Boolean { get; } = new(JsonValueKind.True);

    /// <summary>A string of one of the given values.</summary>
    /// <param name="values">The enum's values.</param>
    /// <returns>The shape.</returns>
    public static MockResultShape Enum(params string[] values) => new(JsonValueKind.String, values: values);

    /// <summary>A list of <paramref name="element"/>.</summary>
    /// <param name="element">The shape of each element.</param>
    /// <returns>The shape.</returns>
    public static MockResultShape List(MockResultShape element) => new(JsonValueKind.Array, element: element);

    /// <summary>A map whose values are <paramref name="value"/>.</summary>
    /// <param name="value">The shape of each value.</param>
    /// <returns>The shape.</returns>
    public static MockResultShape Map(MockResultShape value) => new(JsonValueKind.Object, element: value);

    /// <summary>A structure of the given members, of which <paramref name="required"/> must be present (STRICT).</summary>
    /// <param name="members">The members by their Step Functions (PascalCase) names (kept, not copied: a recursive shape adds itself after).</param>
    /// <param name="required">The required members.</param>
    /// <returns>The shape.</returns>
    public static MockResultShape Structure(Dictionary<string, MockResultShape> members, params string[] required) =>
        new(JsonValueKind.Object, members: members, required: required);

    /// <summary>Checks a mocked result, failing with AWS's ValidationException.</summary>
    /// <param name="value">The mocked result.</param>
    /// <param name="strict">STRICT (required members must be present) rather than PRESENT.</param>
    public void Check(JsonNode? value, bool strict)
    {
        if (value is not JsonObject)
        {
            throw new ApiException(ApiErrorTypes.ValidationException, Prefix + "the result must be a JSON object");
        }

        Check(value, strict, null);
    }

    private void Check(JsonNode? value, bool strict, string? field)
    {
        JsonValueKind actual = value?.GetValueKind() ?? JsonValueKind.Null;
        switch (kind)
        {
            case null:
                return;
            case JsonValueKind.String when actual != JsonValueKind.String:
                throw Type(field, "a string");
            case JsonValueKind.String when values is not null && !values.Contains((string)value!, StringComparer.Ordinal):
                throw new ApiException(ApiErrorTypes.ValidationException, $"{Prefix}Field '{field}' is not an expected value");
            case JsonValueKind.Number when actual != JsonValueKind.Number:
                throw Type(field, "a number");
            case JsonValueKind.True when actual is not (JsonValueKind.True or JsonValueKind.False):
                throw Type(field, "a boolean");
            case JsonValueKind.Array when value is not JsonArray:
                throw Type(field, "an array");
            case JsonValueKind.Array:
                foreach (JsonNode? item in (JsonArray)value)
                {
                    element!.Check(item, strict, field);
                }

                return;
            case JsonValueKind.Object when value is not JsonObject:
                throw Type(field, "an object");
            case JsonValueKind.Object:
                CheckObject((JsonObject)value, strict, field);
                return;
        }
    }

    private void CheckObject(JsonObject value, bool strict, string? field)
    {
        if (members is null)
        {
            foreach (var (_, item) in value)
            {
                element!.Check(item, strict, field);
            }

            return;
        }

        foreach (string name in strict ? required : [])
        {
            if (!value.ContainsKey(name))
            {
                throw new ApiException(ApiErrorTypes.ValidationException, $"{Prefix}Required field '{name}' is missing");
            }
        }

        foreach (var (name, item) in value)
        {
            if (members.TryGetValue(name, out MockResultShape? shape))
            {
                shape.Check(item, strict, name);
            }
        }
    }

    private static ApiException Type(string? field, string expected) =>
        new(ApiErrorTypes.ValidationException, $"{Prefix}Field '{field}' must be {expected}");
}
