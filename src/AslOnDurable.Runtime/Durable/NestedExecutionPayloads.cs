using AslOnDurable.Core.Engine.StateMachines;
using AslOnDurable.Runtime.Durable.Payloads;

namespace AslOnDurable.Runtime.Durable;

/// <summary>Converts a child execution request to and from its history record <see cref="NestedExecutionStart"/>.</summary>
internal static class NestedExecutionPayloads
{
    private const string RequestResponse = "startExecution";
    private const string Sync = "sync";
    private const string Sync2 = "sync:2";

    /// <summary>The record of a request.</summary>
    public static NestedExecutionStart ToPayload(NestedExecutionRequest request) =>
        new(request.StateMachine.Text, request.Definition, request.InputText, request.Pattern switch
        {
            NestedExecutionPattern.Sync => Sync,
            NestedExecutionPattern.Sync2 => Sync2,
            _ => RequestResponse,
        })
        {
            Input = request.Input,
            Name = request.Name,
        };

    /// <summary>The request a record describes.</summary>
    /// <exception cref="NotSupportedException">The record names an unknown pattern or an invalid ARN.</exception>
    public static NestedExecutionRequest ToRequest(NestedExecutionStart start) => new()
    {
        StateMachine = StateMachineArn.TryParse(start.StateMachineArn, out StateMachineArn? arn)
            ? arn
            : throw new NotSupportedException($"'{start.StateMachineArn}' is not a state machine ARN."),
        Definition = start.Definition,
        Input = start.Input,
        InputText = start.InputText,
        Name = start.Name,
        Pattern = start.Pattern switch
        {
            RequestResponse => NestedExecutionPattern.RequestResponse,
            Sync => NestedExecutionPattern.Sync,
            Sync2 => NestedExecutionPattern.Sync2,
            _ => throw new NotSupportedException($"Unknown nested execution pattern '{start.Pattern}'."),
        },
    };
}
