using AslOnDurable.Core.Engine.StateMachines;
using AslOnDurable.Core.Engine.Tasks;
using AslOnDurable.Runtime.Integrations.AzureStorage;
using AslOnDurable.Runtime.Integrations.DotNet;
using AslOnDurable.Runtime.Integrations.DynamoDb;
using AslOnDurable.Runtime.Integrations.EventBridge;
using AslOnDurable.Runtime.Integrations.EventGrid;
using AslOnDurable.Runtime.Integrations.Http;
using AslOnDurable.Runtime.Integrations.Identity;
using AslOnDurable.Runtime.Integrations.Lambda;
using AslOnDurable.Runtime.Integrations.OpenAI;
using AslOnDurable.Runtime.Integrations.S3;
using AslOnDurable.Runtime.Integrations.Sns;
using AslOnDurable.Runtime.Integrations.Sqs;

namespace AslOnDurable.Runtime.Integrations;

/// <summary>
/// The one place a Task state's <c>Resource</c> is resolved to the integration that runs it: the Step Functions
/// integration (<c>states:startExecution*</c>), the HTTP task (<c>http:invoke</c>), Lambda (<c>lambda:invoke</c> and function
/// ARNs, to HTTP-triggered Azure Functions or .NET handlers), S3 (Blob Storage), SQS (Storage Queues) and DynamoDB (Table
/// Storage) in the configured storage account, EventBridge and SNS (Event Grid topics), Bedrock and
/// <c>openai:chatCompletions</c> (Azure OpenAI deployments), configured from an
/// <see cref="IntegrationsConfiguration"/>. A resource nothing is registered for fails the state with
/// <c>States.Runtime</c> naming it; <see cref="IntegrationDiagnostics"/> reports such resources before a run.
/// </summary>
public static class TaskIntegrations
{
    /// <summary>Builds the registry every host runs Task states through (mocks, when configured, go in front of it).</summary>
    /// <param name="configuration">Connections and other integration settings.</param>
    /// <param name="stateMachines">The state machines <c>states:startExecution</c> can start.</param>
    /// <param name="client">Sends HTTP requests (<see cref="CreateHttpClient"/> in hosts; a fake in tests).</param>
    /// <param name="time">The clock (token expiry).</param>
    /// <param name="handlers">The .NET handlers (none when <see langword="null"/>).</param>
    /// <param name="credentials">Managed identity tokens (<see cref="AzureCredentials.CreateDefault"/> when <see langword="null"/>).</param>
    /// <returns>The registry.</returns>
    public static TaskHandlerRegistry Create(
        IntegrationsConfiguration configuration,
        IStateMachineRegistry stateMachines,
        HttpMessageInvoker client,
        TimeProvider time,
        DotNetHandlers? handlers = null,
        AzureCredentials? credentials = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(stateMachines);
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(time);
        credentials ??= AzureCredentials.CreateDefault();
        LambdaTaskHandler lambda = new(configuration, handlers ?? DotNetHandlers.None, client, time, credentials);
        AzureStorageIntegration? storage = configuration.Storage;
        AzureStorageClients storageClients = new(storage, credentials);
        SqsTaskHandler sqs = new(storageClients.Queues(), storage, time);
        DynamoDbTaskHandler dynamoDb = new(storageClients.Tables(), storage, time);
        EventGridPublisher publisher = new(client, credentials);
        EventBridgeTaskHandler events = new(configuration.EventGrid, publisher, time);
        SnsTaskHandler sns = new(configuration.EventGrid, publisher, time);
        ChatCompletionsClient chat = new(client, credentials);
        return new TaskHandlerRegistry(
        [
            new(EventBridgeTaskHandler.Resource, events),
            new(EventBridgeTaskHandler.WaitForTaskTokenResource, events),
            new(SnsTaskHandler.Resource, sns),
            new(SnsTaskHandler.WaitForTaskTokenResource, sns),
            new(BedrockTaskHandler.Resource, new BedrockTaskHandler(configuration.AzureOpenAI, chat)),
            new(ChatCompletionsTaskHandler.Resource, new ChatCompletionsTaskHandler(configuration.AzureOpenAI, chat)),
            new(S3TaskHandler.ResourcePrefix + "*", new S3TaskHandler(storageClients.Blobs(), storage)),
            new(SqsTaskHandler.Resource, sqs),
            new(SqsTaskHandler.WaitForTaskTokenResource, sqs),
            new(DynamoDbTaskHandler.OptimizedPrefix + "*", dynamoDb),
            new(DynamoDbTaskHandler.SdkPrefix + "*", dynamoDb),
            new(StartExecutionTaskHandler.ResourcePrefix, new StartExecutionTaskHandler(stateMachines, Guid.NewGuid)),
            new(HttpInvokeTaskHandler.Resource + "*", new HttpInvokeTaskHandler(configuration, client, time, credentials)),
            new(LambdaTaskHandler.InvokeResource + "*", lambda),
            new(LambdaTaskHandler.FunctionArnPrefix + "*", lambda),
        ]);
    }

    /// <summary>
    /// The HTTP transport integrations use: refuses loopback, link-local and metadata addresses unless the request's
    /// connection allows them (<see cref="NetworkDestinationGuard"/>), follows no redirects. Create one per process.
    /// </summary>
    /// <returns>The client.</returns>
    public static HttpMessageInvoker CreateHttpClient() => new(NetworkDestinationGuard.CreateHandler(), disposeHandler: true);
}
