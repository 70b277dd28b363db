using System.Text.Json;
using System.Text.Json.Serialization;

namespace AslOnDurable.Runtime.Api.Protocol;

/// <summary>The one set of serializer options for request and response contracts (camelCase, nulls omitted, epoch timestamps).</summary>
internal static class ApiJson
{
    /// <summary>The options.</summary>
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new EpochSecondsConverter() },
        MaxDepth = 64,
    };

    /// <summary>Reads a request body into its contract; malformed JSON or a field of the wrong type is a ValidationException.</summary>
    /// <typeparam name="T">The request contract.</typeparam>
    /// <param name="body">The body text (an empty body is <c>{}</c>).</param>
    /// <returns>The request.</returns>
    public static T Read<T>(string body)
        where T : class
    {
        try
        {
            return JsonSerializer.Deserialize<T>(string.IsNullOrWhiteSpace(body) ? "{}" : body, Options)
                ?? throw new ApiException(ApiErrorTypes.ValidationException, "The request body must be a JSON object.");
        }
        catch (JsonException e)
        {
            throw new ApiException(ApiErrorTypes.ValidationException, "The request body is not valid: " + e.Message);
        }
    }

    /// <summary>Writes a response contract.</summary>
    /// <typeparam name="T">The response contract.</typeparam>
    /// <param name="response">The response.</param>
    /// <returns>The JSON text.</returns>
    public static string Write<T>(T response) => JsonSerializer.Serialize(response, Options);
}
