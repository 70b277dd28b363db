using System.Text.Json;
using System.Text.Json.Nodes;
using AslOnDurable.Core.Json;

namespace AslOnDurable.Core.Paths.Intrinsics.Functions.Json;

/// <summary>
/// <c>States.StringToJson(string)</c>: parses a JSON text. An empty (or blank) string gives <c>null</c>, and numbers
/// come out as AWS's Jackson parser leaves them: <c>"-0"</c> gives <c>0</c>, <c>"1.10"</c> gives <c>1.1</c> and
/// <c>"1e2"</c> gives <c>100.0</c> (non-integers are doubles).
/// </summary>
internal sealed class StringToJsonFunction : IntrinsicFunction
{

    /// <inheritdoc/>
    public override string Name => "States.StringToJson";

    /// <inheritdoc/>
    public override int MinArguments => 1;

    /// <inheritdoc/>
    public override int MaxArguments => 1;

    /// <inheritdoc/>
    public override JsonNode? Invoke(JsonNode?[] arguments, IntrinsicCall call, IntrinsicScope scope)
    {
        var text = RequireString(arguments[0], 1);
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        JsonNode? parsed;
        try
        {
            parsed = StrictJson.Parse(text);
        }
        catch (JsonException)
        {
            throw Fail($"the string {JavaJsonText.Compact(JsonValue.Create(text))} is not valid JSON");
        }

        return Normalize(parsed);
    }

    private static JsonNode? Normalize(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                List<(string Key, JsonNode Value)>? replaced = null;
                foreach (var property in obj)
                {
                    if (property.Value is JsonValue number && Renormalized(number) is { } fresh)
                    {
                        (replaced ??= []).Add((property.Key, fresh));
                    }
                    else
                    {
                        Normalize(property.Value);
                    }
                }

                if (replaced is not null)
                {
                    foreach (var (key, value) in replaced)
                    {
                        obj[key] = value;
                    }
                }

                return obj;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    if (array[i] is JsonValue number && Renormalized(number) is { } fresh)
                    {
                        array[i] = fresh;
                    }
                    else
                    {
                        Normalize(array[i]);
                    }
                }

                return array;
            case JsonValue value:
                return Renormalized(value) ?? value;
            default:
                return node;
        }
    }

    /// <summary>A replacement for a number whose Java (Jackson) text differs from the parsed text, else null.</summary>
    private static JsonNode? Renormalized(JsonValue value)
    {
        if (value.GetValueKind() != JsonValueKind.Number)
        {
            return null;
        }

        var raw = value.ToJsonString(JsonLimits.SerializerOptions);
        var java = JavaJsonText.NumberText(value);
        return raw == java ? null : JsonNode.Parse(java);
    }
}
