using System.Text.RegularExpressions;
using AslOnDurable.Core.Model;
using AslOnDurable.Core.Model.States;
using AslOnDurable.Core.Parsing;

namespace AslOnDurable.Core.Validation.Rules;

/// <summary>
/// Checks that Task, ItemReader and ResultWriter <c>Resource</c>s are ARNs
/// (<c>arn:partition:service:region:account:resource</c>, region and account may be empty as in
/// <c>arn:aws:states:::lambda:invoke</c>).
/// </summary>
/// <remarks>
/// AWS refuses a non-ARN resource (<c>INVALID_RESOURCE</c>). Here it is a warning: hosts may register task
/// handlers under their own resource names (the engine tests use plain names), and the handler registry, not the
/// parser, decides at run time whether a resource exists.
/// On AWS the HTTP task has only the Request Response pattern (the "Call HTTPS APIs" page documents
/// <c>arn:aws:states:::http:invoke</c> alone). <c>http:invoke.waitForTaskToken</c> runs here as an AslOnDurable extension,
/// so it is a warning (<see cref="DiagnosticCodes.AslOnDurableExtension"/>: the definition will not be accepted by AWS);
/// any other suffix (<c>http:invoke.sync</c>) is an error in AWS's words for a resource it does not recognize.
/// </remarks>
internal sealed partial class ResourceRules : IValidationRule
{
    /// <inheritdoc/>
    public void Check(StateMachineDefinition root, DiagnosticBag diagnostics)
    {
        foreach (var (_, state) in DefinitionTree.States(root))
        {
            switch (state)
            {
                case TaskState task:
                    CheckResource(task.Resource, JsonPointer.Append(state.Location, "Resource"), diagnostics);
                    break;
                case MapState map:
                    CheckResource(map.ItemReader?.Resource, JsonPointer.Append(JsonPointer.Append(state.Location, "ItemReader"), "Resource"), diagnostics);
                    CheckResource(map.ResultWriter?.Resource, JsonPointer.Append(JsonPointer.Append(state.Location, "ResultWriter"), "Resource"), diagnostics);
                    break;
            }
        }
    }

    /// <summary>Whether a resource is an ARN AWS would accept.</summary>
    internal static bool IsArn(string resource) => Arn().IsMatch(resource);

    /// <summary>The HTTP task's resource, the one form AWS accepts.</summary>
    internal const string HttpInvoke = "arn:aws:states:::http:invoke";

    /// <summary>The HTTP task's callback variant, an AslOnDurable extension AWS does not accept.</summary>
    internal const string HttpInvokeWaitForTaskToken = HttpInvoke + ".waitForTaskToken";

    /// <summary>AWS's message for a resource it does not recognize.</summary>
    /// <param name="resource">The resource.</param>
    /// <returns>The message.</returns>
    internal static string NotRecognized(string resource) =>
        $"The resource provided {resource} is not recognized. The value is not a valid resource ARN, or the resource is not available in this region.";

    private static void CheckResource(string? resource, string pointer, DiagnosticBag diagnostics)
    {
        if (resource is { Length: > 0 } && !IsArn(resource))
        {
            diagnostics.Warning(DiagnosticCodes.InvalidResource, $"Resource '{resource}' is not a valid ARN", pointer);
        }
        else if (resource == HttpInvokeWaitForTaskToken)
        {
            diagnostics.Warning(
                DiagnosticCodes.AslOnDurableExtension,
                $"The resource {resource} is an AslOnDurable extension that AWS Step Functions does not accept (its HTTP task has the Request Response pattern only): this definition will not run on AWS.",
                pointer);
        }
        else if (resource is not null && resource.Length > HttpInvoke.Length && resource.StartsWith(HttpInvoke + ".", StringComparison.Ordinal))
        {
            diagnostics.Error(DiagnosticCodes.SchemaValidationFailed, NotRecognized(resource), pointer);
        }
    }

    [GeneratedRegex(@"^arn:[^:\s]+:[^:\s]+:[^:\s]*:[^:\s]*:\S+$")]
    private static partial Regex Arn();
}
