using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using AslOnDurable.Core.Json;
using AslOnDurable.Runtime.Api.Protocol;
using AslOnDurable.Runtime.Executions;
using AslOnDurable.Runtime.Scheduling;

namespace AslOnDurable.Runtime.Api;

/// <summary>
/// Starts registered state machines from the Functions app's HTTP route and start queue, always through the Step
/// Functions API's own StartExecution and DescribeExecution (so name rules, idempotency, versions and logging settings are
/// the API's): the host only names the machine.
/// </summary>
/// <param name="dispatcher">The Step Functions API.</param>
/// <param name="options">The region and account of ARNs.</param>
public sealed class RegisteredMachineStarts(StepFunctionsDispatcher dispatcher, ApiOptions options)
{
    /// <summary>
    /// <c>POST /api/statemachines/{name}/executions</c>: starts the machine with the body as input (empty is <c>{}</c>).
    /// 202 <c>{"executionArn", "startDate", "name", "statusUri"}</c>; API errors as the API answers them
    /// (<c>StateMachineDoesNotExist</c> 400, <c>InvalidExecutionInput</c>, <c>InvalidName</c>, <c>ExecutionAlreadyExists</c>).
    /// </summary>
    /// <param name="client">The task hub's client.</param>
    /// <param name="stateMachineName">The registered machine's name.</param>
    /// <param name="inputJson">The execution input.</param>
    /// <param name="executionName">The execution name, or <see langword="null"/> for a new one.</param>
    /// <param name="statusUriBase">The URI that <c>/{execution name}</c> is appended to for the status link.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The answer.</returns>
    public async Task<ApiResponse> StartAsync(
        IExecutionClient client, string stateMachineName, string? inputJson, string? executionName, string statusUriBase, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stateMachineName);
        ApiResponse started = await StartExecutionAsync(client, MachineArn(stateMachineName), string.IsNullOrWhiteSpace(inputJson) ? "{}" : inputJson, executionName, cancellationToken)
            .ConfigureAwait(false);
        if (started.StatusCode != 200)
        {
            return started;
        }

        JsonObject body = (JsonObject)JsonNode.Parse(started.Body)!;
        string arn = (string)body["executionArn"]!;
        string name = arn[(arn.LastIndexOf(':') + 1)..];
        body["name"] = name;
        body["statusUri"] = statusUriBase.TrimEnd('/') + "/" + Uri.EscapeDataString(name);
        return new ApiResponse(202, body.ToJsonString(JsonLimits.SerializerOptions));
    }

    /// <summary><c>GET /api/statemachines/{name}/executions/{executionName}</c>: DescribeExecution of that execution.</summary>
    /// <param name="client">The task hub's client.</param>
    /// <param name="stateMachineName">The machine's name.</param>
    /// <param name="executionName">The execution's name.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>DescribeExecution's answer (<c>ExecutionDoesNotExist</c> as 404).</returns>
    public async Task<ApiResponse> DescribeAsync(IExecutionClient client, string stateMachineName, string executionName, CancellationToken cancellationToken)
    {
        JsonObject request = new() { ["executionArn"] = $"{options.ArnPrefix}:execution:{stateMachineName}:{executionName}" };
        ApiResponse response = await dispatcher.DispatchAsync(
            StepFunctionsDispatcher.TargetPrefix + "DescribeExecution", request.ToJsonString(JsonLimits.SerializerOptions), client, cancellationToken).ConfigureAwait(false);
        return response.StatusCode == 400 && ErrorType(response) == "ExecutionDoesNotExist" ? response with { StatusCode = 404 } : response;
    }

    /// <summary>
    /// A start-queue message that names a registered machine: <c>{"stateMachineArn" or "stateMachineName", "input", "name"}</c>.
    /// Without a <c>name</c> the execution is called <c>queue-{message id}</c>, so a redelivered message never starts twice;
    /// a redelivery of one that already started (running or ended) is <see cref="QueueStartOutcome.AlreadyStarted"/>.
    /// </summary>
    /// <param name="client">The task hub's client.</param>
    /// <param name="message">The message text.</param>
    /// <param name="messageId">The queue's message id (the same on every delivery).</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>Started, already started, or refused with a readable reason (the message is poison).</returns>
    /// <exception cref="InvalidOperationException">The API failed for a reason that may pass (the queue retries).</exception>
    public async Task<QueueStartOutcome> StartFromMessageAsync(IExecutionClient client, string message, string messageId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(messageId);
        JsonObject? envelope;
        try
        {
            envelope = JsonNode.Parse(message, documentOptions: JsonLimits.DocumentOptions) as JsonObject;
        }
        catch (JsonException e)
        {
            return QueueStartOutcome.Poison($"The message is not JSON: {e.Message}");
        }

        if (envelope is null)
        {
            return QueueStartOutcome.Poison("The message must be a JSON object: {\"stateMachineArn\" or \"stateMachineName\", \"input\", \"name\"}.");
        }

        string? arn = Text(envelope, "stateMachineArn");
        string? machine = Text(envelope, "stateMachineName");
        if ((arn is null) == (machine is null))
        {
            return QueueStartOutcome.Poison("The message must name the state machine by exactly one of \"stateMachineArn\" and \"stateMachineName\" (strings).");
        }

        if (envelope.TryGetPropertyValue("name", out JsonNode? nameNode) && nameNode is not null && Text(envelope, "name") is null)
        {
            return QueueStartOutcome.Poison("\"name\" must be a string.");
        }

        string input = envelope.TryGetPropertyValue("input", out JsonNode? inputNode)
            ? inputNode is JsonValue v && v.TryGetValue(out string? inputText) ? inputText : inputNode?.ToJsonString(JsonLimits.SerializerOptions) ?? "null"
            : "{}";
        string name = Text(envelope, "name") ?? "queue-" + messageId;
        ApiResponse response = await StartExecutionAsync(client, arn ?? MachineArn(machine!), input, name, cancellationToken).ConfigureAwait(false);
        return response.StatusCode switch
        {
            200 => QueueStartOutcome.Started((string)JsonNode.Parse(response.Body)!["executionArn"]!),
            400 when ErrorType(response) == ApiErrorTypes.ExecutionAlreadyExists => QueueStartOutcome.AlreadyStarted(name),
            400 => QueueStartOutcome.Poison($"{ErrorType(response)}: {JsonNode.Parse(response.Body)?["message"]}"),
            _ => throw new InvalidOperationException($"StartExecution answered {response.StatusCode}: {response.Body}"),
        };
    }

    /// <summary>
    /// Starts a schedule slot: its target (a state machine, version or alias ARN) through StartExecution under the slot's
    /// execution name and rendered input. A slot whose durable instance exists already (an earlier tick, another
    /// instance, before a restart) or that the API answers <c>ExecutionAlreadyExists</c> is not started again.
    /// </summary>
    /// <param name="client">The task hub's client.</param>
    /// <param name="start">The slot.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns><see langword="true"/> when it started now, <see langword="false"/> when it had started before.</returns>
    /// <exception cref="InvalidOperationException">The API refused the start (the message names its error); the next tick tries again.</exception>
    public async Task<bool> StartScheduledAsync(IExecutionClient client, ScheduledStart start, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(start);
        string arn = start.Schedule.Target.Arn;
        // The durable instance id the API gives a STANDARD execution: <machine name>:<execution name>, in the shared task hub.
        string[] parts = arn.Split(':');
        if (parts.Length >= 7 && await client.GetAsync(parts[6] + ":" + start.ExecutionName, cancellationToken).ConfigureAwait(false) is not null)
        {
            return false;
        }

        ApiResponse response = await StartExecutionAsync(client, arn, start.Input, start.ExecutionName, cancellationToken).ConfigureAwait(false);
        return response.StatusCode switch
        {
            200 => true,
            400 when ErrorType(response) == ApiErrorTypes.ExecutionAlreadyExists => false,
            _ => throw new InvalidOperationException($"StartExecution of {arn} answered {ErrorType(response) ?? response.StatusCode.ToString(CultureInfo.InvariantCulture)}: {Message(response)}"),
        };
    }

    /// <summary>Whether a start-queue message names a registered machine (rather than carrying a definition).</summary>
    /// <param name="message">The message text.</param>
    /// <returns><see langword="true"/> when it is a JSON object with <c>stateMachineArn</c> or <c>stateMachineName</c> and no <c>definition</c>.</returns>
    public static bool NamesMachine(string message)
    {
        try
        {
            return JsonNode.Parse(message, documentOptions: JsonLimits.DocumentOptions) is JsonObject o && !o.ContainsKey("definition")
                && (o.ContainsKey("stateMachineArn") || o.ContainsKey("stateMachineName"));
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>What goes to the poison queue for a refused message: the reason, the message id and the message as it came.</summary>
    /// <param name="message">The message text.</param>
    /// <param name="messageId">The message id.</param>
    /// <param name="reason">Why it was refused.</param>
    /// <returns><c>{"reason", "messageId", "message"}</c> as JSON text.</returns>
    public static string PoisonRecord(string message, string messageId, string reason) =>
        new JsonObject { ["reason"] = reason, ["messageId"] = messageId, ["message"] = message }.ToJsonString(JsonLimits.SerializerOptions);

    private string MachineArn(string name) => $"{options.ArnPrefix}:stateMachine:{name}";

    private Task<ApiResponse> StartExecutionAsync(IExecutionClient client, string machineArn, string input, string? name, CancellationToken cancellationToken)
    {
        JsonObject request = new() { ["stateMachineArn"] = machineArn, ["input"] = input };
        if (name is not null)
        {
            request["name"] = name;
        }

        return dispatcher.DispatchAsync(StepFunctionsDispatcher.TargetPrefix + "StartExecution", request.ToJsonString(JsonLimits.SerializerOptions), client, cancellationToken);
    }

    private static string? ErrorType(ApiResponse response)
    {
        try
        {
            return JsonNode.Parse(response.Body)?["__type"]?.GetValue<string>();
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? Message(ApiResponse response)
    {
        try
        {
            return JsonNode.Parse(response.Body)?["message"]?.ToString() ?? response.Body;
        }
        catch (JsonException)
        {
            return response.Body;
        }
    }

    private static string? Text(JsonObject envelope, string field) =>
        envelope[field] is JsonValue value && value.TryGetValue(out string? text) ? text : null;
}
