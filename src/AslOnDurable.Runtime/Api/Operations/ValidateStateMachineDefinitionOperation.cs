using System.Collections.Immutable;
using AslOnDurable.Core.Parsing;
using AslOnDurable.Core.Validation;
using AslOnDurable.Runtime.Api.Contracts;
using AslOnDurable.Runtime.Api.Protocol;
using AslOnDurable.Runtime.Executions;

namespace AslOnDurable.Runtime.Api.Operations;

/// <summary>
/// ValidateStateMachineDefinition: the validator's diagnostics (the same <c>asl validate</c> prints) in AWS's shape;
/// <c>result</c> is FAIL when any error is found, whatever <c>severity</c> filters out. A definition without errors also
/// gets the host's integration warnings (<c>UNCONFIGURED_RESOURCE</c>: a resource, function, connection, … the host
/// does not serve), shown with <c>severity: WARNING</c>.
/// </summary>
/// <param name="warnings">The host's integration warnings.</param>
internal sealed class ValidateStateMachineDefinitionOperation(DefinitionWarnings warnings) : ApiOperation<ValidateStateMachineDefinitionRequest, ValidateStateMachineDefinitionResponse>
{
    /// <inheritdoc />
    public override string Action => "ValidateStateMachineDefinition";

    /// <inheritdoc />
    protected override Task<ValidateStateMachineDefinitionResponse> HandleAsync(
        ValidateStateMachineDefinitionRequest request, IExecutionClient client, CancellationToken cancellationToken)
    {
        string definition = RequestFields.Required(request.Definition, "definition", DefinitionChecks.MaxDefinitionLength);
        RequestFields.Enum(request.Type, "type", ApiResources.Standard, ApiResources.Standard, ApiResources.Express);
        string severity = RequestFields.Enum(request.Severity, "severity", "ERROR", "ERROR", "WARNING");
        if (request.MaxResults is < 0 or > 100)
        {
            throw ApiException.Validation("maxResults", request.MaxResults.ToString(), "Member must have value less than or equal to 100");
        }

        ParseResult parsed = DefinitionParser.Parse(definition);
        ImmutableArray<Diagnostic> found = parsed.Definition is { } valid && !parsed.Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error)
            ? [.. parsed.Diagnostics, .. warnings.Of(valid)]
            : parsed.Diagnostics;
        bool failed = found.Any(d => d.Severity == DiagnosticSeverity.Error);
        ValidationDiagnostic[] shown = [.. found
            .Where(d => severity == "WARNING" || d.Severity == DiagnosticSeverity.Error)
            .Select(d => new ValidationDiagnostic(d.Severity == DiagnosticSeverity.Error ? "ERROR" : "WARNING", d.Code, d.Message, d.Location))];
        int max = request.MaxResults is null or 0 ? 100 : request.MaxResults.Value;
        return Task.FromResult(new ValidateStateMachineDefinitionResponse(failed ? "FAIL" : "OK", [.. shown.Take(max)], shown.Length > max));
    }
}
