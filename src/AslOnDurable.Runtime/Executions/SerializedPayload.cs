using System.Text.Json;

namespace AslOnDurable.Runtime.Executions;

/// <summary>
/// Reads payloads as the durable store holds them. Payloads are JSON text passed as strings, so the store holds a
/// JSON string literal whose value is the payload (<c>"{\"a\":1}"</c>); this unwraps it once.
/// </summary>
internal static class SerializedPayload
{
    /// <summary>Returns the JSON text inside a stored string literal; other stored values come back unchanged.</summary>
    /// <param name="serialized">What the store holds, or <c>null</c>.</param>
    /// <returns>The payload JSON text, or <c>null</c>.</returns>
    public static string? Unwrap(string? serialized)
    {
        if (string.IsNullOrEmpty(serialized) || serialized[0] != '"')
        {
            return serialized;
        }

        try
        {
            return JsonSerializer.Deserialize<string>(serialized);
        }
        catch (JsonException)
        {
            return serialized;
        }
    }
}
