using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using AslOnDurable.Runtime.Durable.Payloads;

namespace AslOnDurable.Runtime.Durable;

/// <summary>
/// The one frozen set of serializer options for payload records in durable history (conventions rule 9).
/// Payloads cross the Durable boundary as JSON text (a <see cref="string"/>), so the Functions client
/// (System.Text.Json) and DurableTask.Core's client (Newtonsoft) store the same bytes.
/// </summary>
public static class DurableJson
{
    /// <summary>Gets the frozen options (web defaults: camelCase, nulls omitted).</summary>
    public static JsonSerializerOptions Options => DurableJsonContext.Default.Options;

    /// <summary>Serializes a payload record to JSON text.</summary>
    /// <typeparam name="T">A record registered in the payload context.</typeparam>
    /// <param name="value">The record.</param>
    /// <returns>The JSON text.</returns>
    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, TypeInfo<T>());

    /// <summary>Deserializes a payload record from JSON text.</summary>
    /// <typeparam name="T">A record registered in the payload context.</typeparam>
    /// <param name="json">The JSON text.</param>
    /// <returns>The record.</returns>
    /// <exception cref="JsonException">The text is not a <typeparamref name="T"/> (or is <c>null</c>).</exception>
    public static T Deserialize<T>(string json) =>
        JsonSerializer.Deserialize(json, TypeInfo<T>())
        ?? throw new JsonException($"Expected a {typeof(T).Name} payload, found null.");

    private static JsonTypeInfo<T> TypeInfo<T>() =>
        (JsonTypeInfo<T>?)DurableJsonContext.Default.GetTypeInfo(typeof(T))
        ?? throw new InvalidOperationException($"{typeof(T).Name} is not registered in {nameof(DurableJsonContext)}.");
}
