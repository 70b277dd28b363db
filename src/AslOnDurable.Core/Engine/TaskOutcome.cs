using System.Text.Json.Nodes;
using AslOnDurable.Core.Errors;

namespace AslOnDurable.Core.Engine;

/// <summary>The outcome of one task attempt: a result, or an error the engine may retry or catch.</summary>
public sealed class TaskOutcome
{
    private TaskOutcome(JsonNode? result, AslError? error)
    {
        Result = result;
        Error = error;
    }

    /// <summary>The raw result (before ResultSelector) when the task succeeded; owned by the engine.</summary>
    public JsonNode? Result { get; }

    /// <summary>The error when the task failed.</summary>
    public AslError? Error { get; }

    /// <summary>Whether the task failed.</summary>
    public bool IsFailure => Error is not null;

    /// <summary>A successful outcome.</summary>
    /// <param name="result">The raw result, handed over to the engine.</param>
    /// <returns>The outcome.</returns>
    public static TaskOutcome Success(JsonNode? result) => new(result, null);

    /// <summary>A failed outcome.</summary>
    /// <param name="error">The error.</param>
    /// <returns>The outcome.</returns>
    public static TaskOutcome Failure(AslError error) => new(null, error ?? throw new ArgumentNullException(nameof(error)));
}
