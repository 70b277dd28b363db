using System.Text.Json.Nodes;
using AslOnDurable.Core.Errors;

namespace AslOnDurable.Runtime.Integrations.Lambda;

/// <summary>What calling a function gave: its payload (and its size in bytes), or the error to fail the Task with.</summary>
/// <param name="Payload">The function's result.</param>
/// <param name="PayloadBytes">The UTF-8 size of the result as returned.</param>
/// <param name="Error">The error, or <see langword="null"/> on success.</param>
internal sealed record FunctionCallResult(JsonNode? Payload, int PayloadBytes, AslError? Error)
{
    /// <summary>A result.</summary>
    public static FunctionCallResult Success(JsonNode? payload, int bytes) => new(payload, bytes, null);

    /// <summary>A failure.</summary>
    public static FunctionCallResult Failure(string error, string cause) => new(null, 0, new AslError(error, cause));
}
