using System.Text.Json;
using System.Text.Json.Nodes;
using AslOnDurable.Core.Json;
using AslOnDurable.Runtime.Api.Protocol;

namespace AslOnDurable.Runtime.Api.Testing;

/// <summary>
/// TestState's <c>context</c>: the context object the tested state sees, as <c>$$</c> (JSONPath) and
/// <c>$states.context</c> (JSONata), in place of the one the engine builds. Checked as AWS checks it: only with a mock,
/// a JSON object of the fields a context object has (<c>Execution</c>, <c>State</c>, <c>StateMachine</c>, and
/// <c>Task</c> only for a <c>.sync</c> or <c>.waitForTaskToken</c> Task), each of its type; <c>Map</c> is refused.
/// Fields left out stay out (an empty object is an empty <c>$$</c>).
/// </summary>
internal static class TestStateContext
{
    /// <summary>AWS's limit on <c>context</c>: 262,144 characters.</summary>
    private const int MaxLength = 262_144;

    private const string Invalid = "Invalid Context object provided: ";

    private static readonly Dictionary<string, Dictionary<string, JsonValueKind?>> Sections = new(StringComparer.Ordinal)
    {
        ["Execution"] = new(StringComparer.Ordinal)
        {
            ["Id"] = JsonValueKind.String, ["Name"] = JsonValueKind.String, ["RoleArn"] = JsonValueKind.String,
            ["StartTime"] = JsonValueKind.String, ["RedriveTime"] = JsonValueKind.String, ["RedriveCount"] = JsonValueKind.Number,
            ["Input"] = null,
        },
        ["State"] = new(StringComparer.Ordinal) { ["Name"] = JsonValueKind.String, ["EnteredTime"] = JsonValueKind.String, ["RetryCount"] = JsonValueKind.Number },
        ["StateMachine"] = new(StringComparer.Ordinal) { ["Id"] = JsonValueKind.String, ["Name"] = JsonValueKind.String },
        ["Task"] = new(StringComparer.Ordinal) { ["Token"] = JsonValueKind.String },
    };

    /// <summary>Reads and checks the request's <c>context</c>.</summary>
    /// <param name="text">The field, or <see langword="null"/>.</param>
    /// <param name="probe">The tested state.</param>
    /// <param name="mocked">Whether the request has a mock.</param>
    /// <returns>The context object, or <see langword="null"/> when the request gives none.</returns>
    public static JsonObject? Read(string? text, StateProbe probe, bool mocked)
    {
        if (text is null)
        {
            return null;
        }

        RequestFields.Length(text, "context", MaxLength);
        if (!mocked)
        {
            throw new ApiException(ApiErrorTypes.ValidationException, Invalid + "a context object may only be specified with a mock");
        }

        JsonObject context;
        try
        {
            context = JsonNode.Parse(text, documentOptions: JsonLimits.DocumentOptions) as JsonObject
                ?? throw new ApiException(ApiErrorTypes.ValidationException, Invalid + "it must be a JSON object");
        }
        catch (JsonException e)
        {
            throw new ApiException(ApiErrorTypes.ValidationException, Invalid + "it is not valid JSON: " + e.Message);
        }

        foreach (var (name, value) in context)
        {
            if (name == "Map")
            {
                throw new ApiException(ApiErrorTypes.ValidationException, Invalid + "'Map' field is not supported when mocking a Context object");
            }

            if (!Sections.TryGetValue(name, out Dictionary<string, JsonValueKind?>? fields))
            {
                throw NotAllowed(name);
            }

            if (name == "Task" && !probe.WaitsForTask)
            {
                throw new ApiException(ApiErrorTypes.ValidationException, Invalid + "Context object contains 'Task' when state is not a Task state with a '.sync' or '.waitForTaskToken' service integration pattern");
            }

            if (value is not JsonObject section)
            {
                throw new ApiException(ApiErrorTypes.ValidationException, $"{Invalid}{name} must be an object");
            }

            foreach (var (field, fieldValue) in section)
            {
                if (!fields.TryGetValue(field, out JsonValueKind? kind))
                {
                    throw NotAllowed(field);
                }

                if (kind is { } expected && (fieldValue?.GetValueKind() ?? JsonValueKind.Null) != expected)
                {
                    throw new ApiException(ApiErrorTypes.ValidationException, $"{Invalid}{name}.{field} must be {(expected == JsonValueKind.String ? "a string" : "a number")}");
                }
            }
        }

        return context;
    }

    private static ApiException NotAllowed(string field) =>
        new(ApiErrorTypes.ValidationException, $"{Invalid}Field '{field}' is not allowed");
}
