using System.Text;
using System.Text.Json;
using AslOnDurable.Runtime.Api.Contracts;
using AslOnDurable.Runtime.Api.Protocol;
using AslOnDurable.Runtime.Api.Registry;

namespace AslOnDurable.Runtime.Api.Operations;

/// <summary>What StartExecution and StartSyncExecution check and build before running anything.</summary>
internal static class ExecutionStarts
{
    /// <summary>AWS's largest execution input, in UTF-8 bytes.</summary>
    public const int MaxInputBytes = 262_144;

    /// <summary>Checks the request and builds the execution's record (not stored).</summary>
    /// <param name="api">The shared resources.</param>
    /// <param name="versions">Resolves version and alias ARNs.</param>
    /// <param name="request">The request.</param>
    /// <param name="forSync">Whether this is StartSyncExecution (EXPRESS only).</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The record.</returns>
    public static async Task<ExecutionRecord> PrepareAsync(ApiResources api, StateMachineVersions versions, StartExecutionRequest request, bool forSync, CancellationToken cancellationToken)
    {
        string name = request.Name is null ? Guid.NewGuid().ToString() : RequestFields.Name(request.Name);
        var (machine, versionArn, aliasArn) = await versions.ResolveAsync(request.StateMachineArn, name, cancellationToken).ConfigureAwait(false);
        if (forSync && machine.Type != ApiResources.Express)
        {
            throw new ApiException(ApiErrorTypes.StateMachineTypeNotSupported, "This operation is not supported by this type of state machine");
        }

        string input = request.Input ?? "{}";
        Input(input);

        bool express = machine.Type == ApiResources.Express;
        string arn = express
            ? api.Arns.ExpressExecution(machine.Name, name, Guid.NewGuid().ToString())
            : api.Arns.Execution(machine.Name, name);
        return new ExecutionRecord(arn, machine.Arn, name, express ? arn : machine.Name + ":" + name, input, api.Now, machine)
        {
            StateMachineVersionArn = versionArn,
            StateMachineAliasArn = aliasArn,
        };
    }

    /// <summary>Checks an execution (or TestState) input: JSON of at most 262,144 bytes, else <c>InvalidExecutionInput</c>.</summary>
    /// <param name="input">The input text.</param>
    /// <returns>The parsed input.</returns>
    public static System.Text.Json.Nodes.JsonNode? Input(string input)
    {
        if (Encoding.UTF8.GetByteCount(input) > MaxInputBytes)
        {
            throw new ApiException(ApiErrorTypes.InvalidExecutionInput, $"Invalid State Machine Execution Input: 'The input exceeds {MaxInputBytes} bytes.'");
        }

        try
        {
            return System.Text.Json.Nodes.JsonNode.Parse(input, documentOptions: new JsonDocumentOptions { MaxDepth = 512 });
        }
        catch (JsonException e)
        {
            throw new ApiException(ApiErrorTypes.InvalidExecutionInput, "Invalid State Machine Execution Input: '" + e.Message + "'");
        }
    }

    /// <summary>DescribeExecution's fields for an execution and its outcome.</summary>
    public static DescribeExecutionResponse Describe(ExecutionRecord e, ExecutionOutcome o) =>
        new(e.ExecutionArn, e.StateMachineArn, e.Name, o.Status, e.StartDate, o.StopDate, e.InputJson, PayloadDetails.Yes,
            o.Output, o.Output is null ? null : PayloadDetails.Yes, o.Error, o.Cause)
        {
            StateMachineVersionArn = e.StateMachineVersionArn,
            StateMachineAliasArn = e.StateMachineAliasArn,
        };
}
