using System.Text.Json;
using System.Text.Json.Nodes;
using AslOnDurable.Core.Engine;
using AslOnDurable.Core.Engine.History;
using AslOnDurable.Core.Engine.Tasks;
using AslOnDurable.Core.Errors;
using AslOnDurable.Core.Json;
using AslOnDurable.Runtime.Api.Contracts;
using AslOnDurable.Runtime.Api.Protocol;
using AslOnDurable.Runtime.Api.Testing;
using AslOnDurable.Runtime.Executions;
using AslOnDurable.Runtime.Integrations;
using AslOnDurable.Runtime.Integrations.Connections;
using AslOnDurable.Runtime.Integrations.Http;

namespace AslOnDurable.Runtime.Api.Operations;

/// <summary>
/// TestState: runs one state once on the in-memory engine (a <see cref="StateProbe"/>): Pass, Choice, Wait (without
/// waiting), Succeed, Fail and Task states (through the host's integrations, or the request's <c>mock</c>), with the
/// request's workflow <c>variables</c> set, and answers AWS's status (SUCCEEDED, FAILED, CAUGHT_ERROR, or RETRIABLE when
/// a retrier applies: TestState never retries), the next state, the output, with DEBUG the data flow
/// (<c>inspectionData</c>, <see cref="DataFlowInspection"/>) and with TRACE also an HTTP Task's request and response.
/// </summary>
/// <remarks>
/// As AWS: activity tasks, <c>.sync</c>/<c>.waitForTaskToken</c> integrations, Map and Parallel states need a mock; the
/// mock stands for a Map's or Parallel's whole result (or error), around which its own data flow, Retry and Catch run. At TRACE the headers and query parameters the HTTP
/// connection adds (its authorization included) are left out unless <c>revealSecrets</c> is true.
/// </remarks>
/// <param name="api">The shared resources.</param>
/// <param name="options">The region and account of ARNs.</param>
/// <param name="integrations">The connections of HTTP Tasks (TRACE), when the host has integrations.</param>
/// <param name="http">The host's HTTP transport (TRACE), when the host has integrations.</param>
internal sealed class TestStateOperation(ApiResources api, ApiOptions options, IntegrationsConfiguration? integrations = null, HttpMessageInvoker? http = null)
    : ApiOperation<TestStateRequest, TestStateResponse>
{
    /// <summary>AWS's limit on <c>variables</c> (and <c>input</c>, <c>mapItemReaderData</c>): 262,144 characters.</summary>
    private const int MaxVariablesLength = 262_144;

    /// <inheritdoc />
    public override string Action => "TestState";

    /// <inheritdoc />
    protected override async Task<TestStateResponse> HandleAsync(TestStateRequest request, IExecutionClient client, CancellationToken cancellationToken)
    {
        string definition = RequestFields.Required(request.Definition, "definition", DefinitionChecks.MaxDefinitionLength);
        string level = RequestFields.Enum(request.InspectionLevel, "inspectionLevel", "INFO", "INFO", "DEBUG", "TRACE");
        if (request.RoleArn is not null)
        {
            DefinitionChecks.RoleArn(request.RoleArn);
        }

        RequestFields.Length(request.StateName, "stateName", RequestFields.MaxNameLength);
        int retryCount = request.StateConfiguration?.RetrierRetryCount ?? 0;
        if (retryCount < 0)
        {
            throw ApiException.Validation("stateConfiguration.retrierRetryCount", retryCount.ToString(System.Globalization.CultureInfo.InvariantCulture), "Member must have value greater than or equal to 0");
        }

        RequestFields.Length(request.StateConfiguration?.ErrorCausedByState, "stateConfiguration.errorCausedByState", RequestFields.MaxNameLength);
        if (request.StateConfiguration?.MapIterationFailureCount < 0)
        {
            throw ApiException.Validation("stateConfiguration.mapIterationFailureCount", null, "Member must have value greater than or equal to 0");
        }

        RequestFields.Length(request.StateConfiguration?.MapItemReaderData, "stateConfiguration.mapItemReaderData", MaxVariablesLength);

        JsonObject? variables = Variables(request.Variables);
        StateProbe probe = StateProbe.Build(definition, request.StateName, retryCount, request.Mock is not null);
        ErrorCausedByState(probe, request);
        JsonObject? context = TestStateContext.Read(request.Context, probe, request.Mock is not null);
        if (request.StateConfiguration?.MapIterationFailureCount is { } count && probe.Type != "Map")
        {
            throw ApiException.Validation("stateConfiguration.mapIterationFailureCount", count.ToString(System.Globalization.CultureInfo.InvariantCulture), "Applies only to a Map state");
        }
        HttpExchangeRecorder? recorder = level == "TRACE" && request.Mock is null && IsHttpTask(probe) && http is not null ? new HttpExchangeRecorder(http) : null;
        ITaskHandler tasks = recorder is not null && integrations is not null
            ? new HttpInvokeTaskHandler(integrations, new HttpMessageInvoker(recorder, disposeHandler: false), api.Time)
            : Tasks(probe, request.Mock);
        DefinitionChecks.Definition(probe.Definition);
        ExecutionPlan plan = ProbeRunner.Compile(probe.Definition);
        JsonNode? input = ExecutionStarts.Input(request.Input ?? "{}");

        ListHistorySink history = new();
        ProbeRunner runner = new(api.Time, options.ArnPrefix, context);
        MapFacts? map = probe.Type == "Map" && request.Mock is not null
            ? await new MapInspection(runner).InspectAsync(probe, input, variables, request.StateConfiguration?.MapItemReaderData).ConfigureAwait(false)
            : null;
        if (map?.Failure is { } failure)
        {
            tasks = new TestStateMockHandler(null, failure); // the engine fails the state before any iteration, whatever the mock
        }
        else if (request.Mock?.Result is not null && request.StateConfiguration?.MapIterationFailureCount is { } failures && map?.Exceeded(failures) == true)
        {
            tasks = new TestStateMockHandler(null, new AslError(MapFacts.ExceededError, MapFacts.ExceededCause));
        }

        ExecutionResult result = await runner.RunAsync(plan, probe.StateName, input, variables, tasks, history).ConfigureAwait(false);
        (TestStateResponse answer, ProbeExit? exit) = Answer(probe, result, history.Events);
        if (map?.Failure is { Error: StatesErrorNames.Runtime } terminal)
        {
            (answer, exit) = (new TestStateResponse(null, terminal.Error, terminal.Cause, null, null, "FAILED"), null); // no Retry or Catch sees it
        }
        if (level == "INFO")
        {
            return answer;
        }

        InspectionErrorDetails? details = exit?.Kind switch
        {
            ProbeExit.Catch => new InspectionErrorDetails(exit.Index, null, null),
            ProbeExit.Retry => new InspectionErrorDetails(null, exit.Index, exit.BackoffSeconds),
            _ => null,
        };
        bool normal = answer.Status == "SUCCEEDED" && (exit is null || exit.Kind == ProbeExit.Next);
        InspectionData data = await new DataFlowInspection(runner).InspectAsync(probe, history.Events, input, variables, normal, details).ConfigureAwait(false);
        data = map?.AddTo(data) ?? data;
        if (recorder is not null)
        {
            (HashSet<string> headers, HashSet<string> query) = request.RevealSecrets == true ? ([], []) : Secrets(data.AfterParameters ?? data.AfterArguments);
            data = data with { Request = recorder.Request(headers, query), Response = recorder.Response() };
        }

        return answer with { InspectionData = data };
    }

    /// <summary>The request's <c>variables</c>: a JSON object's text, or absent.</summary>
    private static JsonObject? Variables(string? text)
    {
        if (text is null)
        {
            return null;
        }

        RequestFields.Length(text, "variables", MaxVariablesLength);
        try
        {
            return JsonNode.Parse(text, documentOptions: JsonLimits.DocumentOptions) as JsonObject
                ?? throw ApiException.Validation("variables", null, "Member must be a JSON object");
        }
        catch (JsonException e)
        {
            throw ApiException.Validation("variables", null, "Member must be valid JSON: " + e.Message);
        }
    }

    private static bool IsHttpTask(StateProbe probe) =>
        probe.Type == "Task" && (string?)probe.State["Resource"] == HttpInvokeTaskHandler.Resource;

    /// <summary>The header and query parameter names the task's connection adds (its secrets, as AWS counts them).</summary>
    private (HashSet<string> Headers, HashSet<string> Query) Secrets(string? parameters)
    {
        HashSet<string> headers = new(StringComparer.OrdinalIgnoreCase);
        HashSet<string> query = new(StringComparer.Ordinal);
        if (parameters is null || integrations is null
            || HttpInvokeParameters.Read(JsonNode.Parse(parameters, documentOptions: JsonLimits.DocumentOptions), out _) is not { } task
            || !integrations.TryGetConnection(task.ConnectionArn, out HttpConnection? connection))
        {
            return (headers, query);
        }

        headers.UnionWith(connection.Headers.Select(h => h.Key));
        query.UnionWith(connection.QueryParameters.Select(q => q.Key));
        switch (connection.Authorization)
        {
            case ApiKeyAuthorization apiKey:
                headers.Add(apiKey.HeaderName);
                break;
            case NoAuthorization:
                break;
            default:
                headers.Add("Authorization");
                break;
        }

        return (headers, query);
    }

    /// <summary>
    /// <c>stateConfiguration.errorCausedByState</c> applies to a Map or Parallel state with a mocked error and must name a
    /// state inside it.
    /// </summary>
    private static void ErrorCausedByState(StateProbe probe, TestStateRequest request)
    {
        if (request.StateConfiguration?.ErrorCausedByState is not { } name)
        {
            return;
        }

        if (probe.Type is not ("Map" or "Parallel") || request.Mock?.ErrorOutput is null)
        {
            throw ApiException.Validation("stateConfiguration.errorCausedByState", name, "Applies only to a Map or Parallel state with a mocked error");
        }

        if (!StateProbe.InnerStateNames(probe.State).Contains(name, StringComparer.Ordinal))
        {
            throw ApiException.Validation("stateConfiguration.errorCausedByState", name, $"The {probe.Type} state has no state of that name");
        }
    }

    private ITaskHandler Tasks(StateProbe probe, TestStateMock? mock)
    {
        if (mock is null && probe.Type is "Map" or "Parallel")
        {
            throw new ApiException(ApiErrorTypes.InvalidDefinition, $"Invalid State Machine Definition: 'TestState supports {probe.Type} states only with a mock'");
        }

        if (mock is null)
        {
            return probe.WaitsForTask || probe.Resource.Contains(":activity:", StringComparison.Ordinal)
                ? throw new ApiException(ApiErrorTypes.InvalidDefinition, $"Invalid State Machine Definition: 'TestState supports activity tasks, .sync and .waitForTaskToken integrations only with a mock: {probe.Resource}'")
                : api.Tasks;
        }

        if (probe.Type is not ("Task" or "Map" or "Parallel"))
        {
            throw new ApiException(ApiErrorTypes.ValidationException, $"State type '{probe.Type}' is not supported when a mock is specified");
        }

        if ((mock.Result is null) == (mock.ErrorOutput is null))
        {
            throw ApiException.Validation("mock", null, "Exactly one of result and errorOutput must be given");
        }

        if (mock.Result is not null)
        {
            try
            {
                using JsonDocument _ = JsonDocument.Parse(mock.Result, JsonLimits.DocumentOptions);
            }
            catch (JsonException e)
            {
                throw ApiException.Validation("mock.result", null, "Member must be valid JSON: " + e.Message);
            }
        }

        MockResultSchemas.Check(probe, mock);
        return new TestStateMockHandler(mock.Result, mock.ErrorOutput is { } e2 ? new AslError(e2.Error ?? string.Empty, e2.Cause) : null);
    }

    /// <summary>AWS's answer from the probe's run: where the state went, with which output or error.</summary>
    private static (TestStateResponse Answer, ProbeExit? Exit) Answer(StateProbe probe, ExecutionResult result, IReadOnlyList<HistoryEvent> events)
    {
        HistoryEvent? stub = events.FirstOrDefault(e => e.Type.EndsWith("StateEntered", StringComparison.Ordinal)
            && ((string?)e.Details?["name"])?.StartsWith(StateProbe.StubPrefix, StringComparison.Ordinal) == true);
        ProbeExit? exit = stub is null ? null : probe.Exits[(string)stub.Details!["name"]!];
        string? reached = (string?)stub?.Details?["input"];
        (string? error, string? cause) = LastError(events);
        TestStateResponse answer = exit?.Kind switch
        {
            ProbeExit.Next => new(reached, null, null, null, exit.Target, "SUCCEEDED"),
            ProbeExit.Catch => new(reached, error ?? ErrorField(reached, "Error"), cause ?? ErrorField(reached, "Cause"), null, exit.Target, "CAUGHT_ERROR"),
            ProbeExit.Retry => new(null, ErrorField(reached, "Error"), ErrorField(reached, "Cause"), null, null, "RETRIABLE"),
            _ when result.Status == ExecutionStatus.Succeeded => new(result.Output?.ToJsonString(JsonLimits.SerializerOptions) ?? "null", null, null, null, null, "SUCCEEDED"),
            _ => new(null, result.Error?.Error, result.Error?.Cause, null, null, "FAILED"),
        };
        return (answer, exit);
    }

    /// <summary>The error and cause of the last failure event recorded (a task's), if any.</summary>
    private static (string? Error, string? Cause) LastError(IReadOnlyList<HistoryEvent> events)
    {
        JsonObject? failed = events.LastOrDefault(e => e.Details?.ContainsKey("error") == true && e.Type != HistoryEventTypes.ExecutionFailed)?.Details;
        return ((string?)failed?["error"], (string?)failed?["cause"]);
    }

    private static string? ErrorField(string? errorOutput, string field)
    {
        try
        {
            return errorOutput is null ? null : (string?)(JsonNode.Parse(errorOutput) as JsonObject)?[field];
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            return null;
        }
    }
}
