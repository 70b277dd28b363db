using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using AslOnDurable.Core.Engine.Tasks;
using AslOnDurable.Core.Errors;
using AslOnDurable.Core.Paths;
using AslOnDurable.Core.Json;

namespace AslOnDurable.Core.Engine.StateMachines;

/// <summary>
/// The Step Functions integration <c>arn:aws:states:::states:startExecution</c> (also <c>.sync</c> and <c>.sync:2</c>):
/// reads <c>StateMachineArn</c>, <c>Input</c> and <c>Name</c>, resolves the definition through an
/// <see cref="IStateMachineRegistry"/> and answers <see cref="TaskOutcome.StartExecution"/>; the host runs the child.
/// Register it for <see cref="ResourcePrefix"/> in a <see cref="TaskHandlerRegistry"/> behind any mocks.
/// </summary>
/// <remarks>
/// AWS: <c>Input</c> may be JSON or a string holding JSON (absent or null means <c>{}</c>); an unknown state machine
/// fails the task with <c>StepFunctions.StateMachineDoesNotExistException</c> and a cause in the AWS SDK's
/// <c>(Service: AWSStepFunctions; Status Code: 400; Error Code: …; Request ID: …; Proxy: null)</c> form.
/// <c>.waitForTaskToken</c> is not supported yet and fails with <c>States.Runtime</c>.
/// </remarks>
/// <param name="stateMachines">Resolves state machine ARNs to definitions.</param>
/// <param name="requestIds">Makes the request ids quoted in error causes (hosts pass a GUID source).</param>
public sealed class StartExecutionTaskHandler(IStateMachineRegistry stateMachines, Func<Guid> requestIds) : ITaskHandler
{
    /// <summary>The resource every variant starts with.</summary>
    public const string Resource = "arn:aws:states:::states:startExecution";

    /// <summary>The registry key that matches every variant (<see cref="TaskHandlerRegistry"/> prefix syntax).</summary>
    public const string ResourcePrefix = Resource + "*";

    /// <summary>A handler registry with only this integration, for hosts without others.</summary>
    /// <param name="stateMachines">Resolves state machine ARNs to definitions.</param>
    /// <param name="requestIds">Makes the request ids quoted in error causes.</param>
    /// <returns>The registry.</returns>
    public static TaskHandlerRegistry Registry(IStateMachineRegistry stateMachines, Func<Guid> requestIds) =>
        new([new(ResourcePrefix, new StartExecutionTaskHandler(stateMachines, requestIds))]);

    /// <summary>The pattern a resource asks for, or <see langword="null"/> when it is not a supported variant.</summary>
    /// <param name="resource">The Task state's resource.</param>
    /// <returns>The pattern.</returns>
    public static NestedExecutionPattern? PatternOf(string resource) => resource switch
    {
        Resource => NestedExecutionPattern.RequestResponse,
        Resource + ".sync" => NestedExecutionPattern.Sync,
        Resource + ".sync:2" => NestedExecutionPattern.Sync2,
        _ => null,
    };

    /// <inheritdoc/>
    public async ValueTask<TaskOutcome> InvokeAsync(TaskInvocation invocation)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        if (PatternOf(invocation.Resource) is not { } pattern)
        {
            return Runtime($"The resource '{invocation.Resource}' is not supported: use '{Resource}', '{Resource}.sync' or '{Resource}.sync:2' ('.waitForTaskToken' is not supported yet).");
        }

        if (invocation.Input is not JsonObject parameters)
        {
            return Runtime("The parameters of startExecution must be an object with 'StateMachineArn'.");
        }

        if (!parameters.TryGetPropertyValue("StateMachineArn", out var arnNode) || !IsString(arnNode, out var arnText))
        {
            return Runtime("The parameters of startExecution need 'StateMachineArn' (a string).");
        }

        string? name = null;
        if (parameters.TryGetPropertyValue("Name", out var nameNode) && nameNode is not null && !IsString(nameNode, out name))
        {
            return Runtime("The field 'Name' of startExecution must be a string.");
        }

        if (!StateMachineArn.TryParse(arnText, out var arn))
        {
            return ServiceError("InvalidArn", $"Invalid Arn: 'Resource type not valid in this context: {arnText}'");
        }

        JsonNode? input;
        string inputText;
        parameters.TryGetPropertyValue("Input", out var inputNode);
        if (inputNode is null)
        {
            input = new JsonObject();
            inputText = "{}";
        }
        else if (IsString(inputNode, out var text))
        {
            try
            {
                input = StrictJson.Parse(text);
                inputText = text;
            }
            catch (JsonException)
            {
                return ServiceError("InvalidExecutionInput", $"Invalid State Machine Execution Input: '{text}'");
            }
        }
        else
        {
            input = inputNode.DeepClone();
            inputText = JavaJsonText.Compact(input);
        }

        var definition = await stateMachines.FindDefinitionAsync(arn.Text, invocation.Clock?.Abandoned ?? CancellationToken.None).ConfigureAwait(false);
        if (definition is null)
        {
            return ServiceError("StateMachineDoesNotExist", $"State Machine Does Not Exist: '{arn.Text}'");
        }

        return TaskOutcome.StartExecution(new NestedExecutionRequest
        {
            StateMachine = arn,
            Definition = definition,
            Input = input,
            InputText = inputText,
            Name = name,
            Pattern = pattern,
        });
    }

    private static bool IsString(JsonNode? node, out string text)
    {
        if (node is JsonValue value && value.GetValueKind() == JsonValueKind.String)
        {
            text = value.GetValue<string>();
            return true;
        }

        text = string.Empty;
        return false;
    }

    private static TaskOutcome Runtime(string cause) => TaskOutcome.Failure(new AslError(StatesErrorNames.Runtime, cause));

    /// <summary>An error as the AWS SDK reports a failed Step Functions API call (the optimized integration's form).</summary>
    private TaskOutcome ServiceError(string code, string message) => TaskOutcome.Failure(new AslError(
        "StepFunctions." + code + "Exception",
        string.Create(CultureInfo.InvariantCulture, $"{message} (Service: AWSStepFunctions; Status Code: 400; Error Code: {code}; Request ID: {requestIds()}; Proxy: null)")));
}
