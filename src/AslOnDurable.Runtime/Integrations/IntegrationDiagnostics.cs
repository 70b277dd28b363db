using System.Text.Json;
using System.Text.Json.Nodes;
using AslOnDurable.Core.Engine.Tasks;
using AslOnDurable.Core.Model;
using AslOnDurable.Core.Model.States;
using AslOnDurable.Core.Validation;
using AslOnDurable.Runtime.Integrations.Http;

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
    /// <returns>Warnings, in definition order.</returns>
    public static IReadOnlyList<Diagnostic> Check(StateMachineDefinition definition, TaskHandlerRegistry registry, IntegrationsConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(configuration);
        List<Diagnostic> warnings = [];
        Walk(definition, registry, configuration, warnings);
        return warnings;
    }

    private static void Walk(StateMachineDefinition definition, TaskHandlerRegistry registry, IntegrationsConfiguration configuration, List<Diagnostic> warnings)
    {
        foreach (string name in definition.StateNames)
        {
            switch (definition.States[name])
            {
                case TaskState task:
                    CheckTask(task, registry, configuration, warnings);
                    break;
                case ParallelState parallel:
                    foreach (StateMachineDefinition branch in parallel.Branches)
                    {
                        Walk(branch, registry, configuration, warnings);
                    }

                    break;
                case MapState map:
                    Walk(map.ItemProcessor, registry, configuration, warnings);
                    break;
                default:
                    break;
            }
        }
    }

    private static void CheckTask(TaskState task, TaskHandlerRegistry registry, IntegrationsConfiguration configuration, List<Diagnostic> warnings)
    {
        string at = task.Location + "/Resource";
        if (!registry.TryResolve(task.Resource, out _))
        {
            warnings.Add(new Diagnostic(
                UnconfiguredResource,
                $"No integration serves the resource '{task.Resource}' of state '{task.Name}': the state will fail with States.Runtime.",
                at,
                DiagnosticSeverity.Warning));
            return;
        }

        if (task.Resource == HttpInvokeTaskHandler.Resource
            && (task.Parameters ?? task.Arguments) is JsonObject parameters
            && parameters["Authentication"] is JsonObject authentication
            && authentication["ConnectionArn"] is JsonValue arn
            && arn.GetValueKind() == JsonValueKind.String
            && arn.GetValue<string>() is { } connectionArn
            && !connectionArn.StartsWith("{%", StringComparison.Ordinal)
            && !configuration.TryGetConnection(connectionArn, out _))
        {
            warnings.Add(new Diagnostic(
                UnconfiguredResource,
                $"The connection '{connectionArn}' of state '{task.Name}' is not configured: add it under 'connections' in the integrations configuration.",
                task.Location + "/" + (task.Parameters is not null ? "Parameters" : "Arguments") + "/Authentication/ConnectionArn",
                DiagnosticSeverity.Warning));
        }
    }
}
