using System.Text.Json;
using System.Text.Json.Nodes;
using AslOnDurable.Core.Engine.Tasks;
using AslOnDurable.Core.Model;
using AslOnDurable.Core.Model.States;
using AslOnDurable.Core.Validation;
using AslOnDurable.Runtime.Integrations.DotNet;
using AslOnDurable.Runtime.Integrations.DynamoDb;
using AslOnDurable.Runtime.Integrations.EventBridge;
using AslOnDurable.Runtime.Integrations.Http;
using AslOnDurable.Runtime.Integrations.Lambda;
using AslOnDurable.Runtime.Integrations.OpenAI;
using AslOnDurable.Runtime.Integrations.S3;
using AslOnDurable.Runtime.Integrations.Sns;
using AslOnDurable.Runtime.Integrations.Sqs;

namespace AslOnDurable.Runtime.Integrations;

/// <summary>
/// Checks a definition's Task states against the integrations a host has (<c>asl validate --integrations</c>): a
/// resource no integration serves, or an HTTP task whose literal connection is not configured, is a warning (the
/// definition is valid on AWS; here the state would fail at run time).
/// </summary>
public static class IntegrationDiagnostics
{
    /// <summary>The diagnostic code of a resource or connection the configuration does not serve.</summary>
    public const string UnconfiguredResource = "UNCONFIGURED_RESOURCE";

    /// <summary>Every Task state (in branches and item processors too) the integrations cannot serve.</summary>
    /// <param name="definition">The definition.</param>
    /// <param name="registry">The integrations (<see cref="TaskIntegrations.Create"/>).</param>
    /// <param name="configuration">Their configuration.</param>
    /// <param name="handlers">The .NET handlers (none when <see langword="null"/>).</param>
    /// <param name="servedElsewhere">
    /// Resources the host serves outside the integrations (the API's activities), never warned about; none when
    /// <see langword="null"/>.
    /// </param>
    /// <returns>Warnings, in definition order.</returns>
    public static IReadOnlyList<Diagnostic> Check(
        StateMachineDefinition definition,
        TaskHandlerRegistry registry,
        IntegrationsConfiguration configuration,
        DotNetHandlers? handlers = null,
        Func<string, bool>? servedElsewhere = null)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(configuration);
        List<Diagnostic> warnings = [];
        Walk(definition, new Served(registry, configuration, handlers ?? DotNetHandlers.None, servedElsewhere ?? (_ => false)), warnings);
        return warnings;
    }

    private static void Walk(StateMachineDefinition definition, Served served, List<Diagnostic> warnings)
    {
        foreach (string name in definition.StateNames)
        {
            switch (definition.States[name])
            {
                case TaskState task:
                    CheckTask(task, served, warnings);
                    break;
                case ParallelState parallel:
                    foreach (StateMachineDefinition branch in parallel.Branches)
                    {
                        Walk(branch, served, warnings);
                    }

                    break;
                case MapState map:
                    Walk(map.ItemProcessor, served, warnings);
                    break;
                default:
                    break;
            }
        }
    }

    private static void CheckTask(TaskState task, Served served, List<Diagnostic> warnings)
    {
        if (served.Elsewhere(task.Resource))
        {
            return;
        }

        string at = task.Location + "/Resource";
        if (task.Resource.StartsWith(LambdaTaskHandler.FunctionArnPrefix, StringComparison.Ordinal)
            && !LambdaTaskHandler.Serves(served.Configuration, served.Handlers, task.Resource))
        {
            warnings.Add(new Diagnostic(
                UnconfiguredResource,
                $"The Lambda function '{task.Resource}' of state '{task.Name}' is neither under 'functions' in the integrations configuration nor a .NET handler: the state will fail with Lambda.ResourceNotFoundException.",
                at,
                DiagnosticSeverity.Warning));
            return;
        }

        JsonObject? parameters = (task.Parameters ?? task.Arguments) as JsonObject;
        string parametersAt = task.Location + "/" + (task.Parameters is not null ? "Parameters" : "Arguments");
        if (LambdaTaskHandler.IsLambdaResource(task.Resource)
            && Literal(parameters?["FunctionName"]) is { } functionName
            && !LambdaTaskHandler.Serves(served.Configuration, served.Handlers, functionName))
        {
            warnings.Add(new Diagnostic(
                UnconfiguredResource,
                $"The Lambda function '{functionName}' of state '{task.Name}' is neither under 'functions' in the integrations configuration nor a .NET handler: the state will fail with Lambda.ResourceNotFoundException.",
                parametersAt + "/FunctionName",
                DiagnosticSeverity.Warning));
            return;
        }

        if (!served.Registry.TryResolve(task.Resource, out _))
        {
            warnings.Add(new Diagnostic(
                UnconfiguredResource,
                $"No integration serves the resource '{task.Resource}' of state '{task.Name}': the state will fail with States.Runtime.",
                at,
                DiagnosticSeverity.Warning));
            return;
        }

        if (StorageProblem(task.Resource, parameters, served.Configuration) is { } problem)
        {
            warnings.Add(new Diagnostic(
                UnconfiguredResource,
                $"The resource '{task.Resource}' of state '{task.Name}' cannot run here: {problem}; the state will fail at run time.",
                at,
                DiagnosticSeverity.Warning));
            return;
        }

        if (task.Resource is HttpInvokeTaskHandler.Resource or HttpInvokeTaskHandler.WaitForTaskTokenResource
            && parameters?["Authentication"] is JsonObject authentication
            && Literal(authentication["ConnectionArn"]) is { } connectionArn
            && !served.Configuration.TryGetConnection(connectionArn, out _))
        {
            warnings.Add(new Diagnostic(
                UnconfiguredResource,
                $"The connection '{connectionArn}' of state '{task.Name}' is not configured: add it under 'connections' in the integrations configuration.",
                parametersAt + "/Authentication/ConnectionArn",
                DiagnosticSeverity.Warning));
        }
    }

    private static string? StorageProblem(string resource, JsonObject? parameters, IntegrationsConfiguration configuration) =>
        resource is EventBridgeTaskHandler.Resource or EventBridgeTaskHandler.WaitForTaskTokenResource ? EventsProblem(parameters, configuration)
        : resource is SnsTaskHandler.Resource or SnsTaskHandler.WaitForTaskTokenResource
            ? (Literal(parameters?["TopicArn"]) ?? Literal(parameters?["TargetArn"])) is { } topic ? SnsTaskHandler.Problem(configuration, topic) : null
        : resource == BedrockTaskHandler.Resource
            ? Literal(parameters?["ModelId"]) is { } model ? BedrockTaskHandler.Problem(configuration, model) : null
        : resource == ChatCompletionsTaskHandler.Resource
            ? Literal(parameters?["Deployment"]) is { } deployment ? ChatCompletionsTaskHandler.Problem(configuration, deployment) : null
        : resource.StartsWith(S3TaskHandler.ResourcePrefix, StringComparison.Ordinal) ? S3TaskHandler.Problem(configuration, resource)
        : resource is SqsTaskHandler.Resource or SqsTaskHandler.WaitForTaskTokenResource ? SqsTaskHandler.Problem(configuration)
        : resource.StartsWith(DynamoDbTaskHandler.OptimizedPrefix, StringComparison.Ordinal) || resource.StartsWith(DynamoDbTaskHandler.SdkPrefix, StringComparison.Ordinal)
            ? DynamoDbTaskHandler.Problem(configuration, resource, Literal(parameters?["TableName"]))
        : null;

    private static string? EventsProblem(JsonObject? parameters, IntegrationsConfiguration configuration)
    {
        if (parameters?["Entries"] is not JsonArray entries)
        {
            return null;
        }

        foreach (JsonNode? entry in entries)
        {
            if (entry is JsonObject fields && !fields.ContainsKey("EventBusName.$")
                && EventBridgeTaskHandler.Problem(configuration, Literal(fields["EventBusName"])) is { } problem)
            {
                return problem;
            }
        }

        return null;
    }

    private static string? Literal(JsonNode? node) =>
        JsonText.TryString(node, out string? text) && !text.StartsWith("{%", StringComparison.Ordinal) ? text : null;

    private sealed record Served(TaskHandlerRegistry Registry, IntegrationsConfiguration Configuration, DotNetHandlers Handlers, Func<string, bool> Elsewhere);
}
