using System.Text.Json.Nodes;
using AslOnDurable.Core.Errors;
using AslOnDurable.Core.Paths;

namespace AslOnDurable.Core.Engine.StateMachines;

/// <summary>
/// The task results AWS gives a state that started another state machine, built the same way by every host.
/// </summary>
/// <remarks>
/// <para>
/// <c>startExecution</c>: StartExecution's response, <c>{"ExecutionArn", "StartDate"}</c>. <c>.sync</c>: DescribeExecution's
/// response (<c>ExecutionArn</c>, <c>Input</c>, <c>InputDetails</c>, <c>Name</c>, <c>Output</c>, <c>OutputDetails</c>,
/// <c>StartDate</c>, <c>StateMachineArn</c>, <c>Status</c>, <c>StopDate</c>) with <c>Input</c> and <c>Output</c> as JSON
/// text; <c>.sync:2</c> the same with both as JSON. A child that does not succeed fails the task with
/// <c>States.TaskFailed</c> whose cause is that DescribeExecution response as JSON text (with the child's <c>Error</c> and
/// <c>Cause</c>, without <c>Output</c>), as AWS records it.
/// </para>
/// <para>
/// Dates are epoch milliseconds (numbers), as AWS's Java integrations serialize timestamps; keys follow the order of
/// the AWS recordings we compare against (alphabetical).
/// </para>
/// </remarks>
public static class NestedExecutionResults
{
    /// <summary>The longest cause DescribeExecution reports (AWS API reference: 32,768 characters).</summary>
    public const int MaxCauseLength = AslError.MaxCauseLength;

    /// <summary>The result of <c>startExecution</c> (the parent does not wait).</summary>
    /// <param name="executionArn">The child's ARN.</param>
    /// <param name="startDate">When it started.</param>
    /// <returns>The task result.</returns>
    public static TaskOutcome Started(string executionArn, DateTimeOffset startDate) =>
        TaskOutcome.Success(new JsonObject { ["ExecutionArn"] = executionArn, ["StartDate"] = startDate.ToUnixTimeMilliseconds() });

    /// <summary>The outcome of <c>.sync</c> or <c>.sync:2</c> once the child has ended.</summary>
    /// <param name="request">The child as the task asked for it.</param>
    /// <param name="executionName">The child's execution name.</param>
    /// <param name="startDate">When it started.</param>
    /// <param name="stopDate">When it ended.</param>
    /// <param name="result">How it ended.</param>
    /// <returns>The task outcome: the DescribeExecution shape, or <c>States.TaskFailed</c>.</returns>
    public static TaskOutcome Completed(NestedExecutionRequest request, string executionName, DateTimeOffset startDate, DateTimeOffset stopDate, ExecutionResult result)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(executionName);
        ArgumentNullException.ThrowIfNull(result);
        var asJson = request.Pattern == NestedExecutionPattern.Sync2;
        var description = new JsonObject();
        if (result.Status != ExecutionStatus.Succeeded)
        {
            if (result.Error?.Cause is { } cause)
            {
                // DescribeExecution's cause holds at most 32,768 characters; without the cut, a chain of failing
                // children would double its escapes at every level.
                description["Cause"] = cause.Length > MaxCauseLength ? cause[..MaxCauseLength] : cause;
            }

            if (result.Error?.Error is { Length: > 0 } error)
            {
                description["Error"] = error;
            }
        }

        description["ExecutionArn"] = request.StateMachine.ExecutionArn(executionName);
        description["Input"] = asJson ? request.Input?.DeepClone() : request.InputText;
        description["InputDetails"] = new JsonObject { ["Included"] = true };
        description["Name"] = executionName;
        if (result.Status == ExecutionStatus.Succeeded)
        {
            description["Output"] = asJson ? result.Output?.DeepClone() : JavaJsonText.Compact(result.Output);
            description["OutputDetails"] = new JsonObject { ["Included"] = true };
        }

        description["StartDate"] = startDate.ToUnixTimeMilliseconds();
        description["StateMachineArn"] = request.StateMachine.Text;
        description["Status"] = result.StatusName;
        description["StopDate"] = stopDate.ToUnixTimeMilliseconds();
        return result.Status == ExecutionStatus.Succeeded
            ? TaskOutcome.Success(description)
            : TaskOutcome.Failure(new AslError(StatesErrorNames.TaskFailed, JavaJsonText.Compact(description)));
    }
}
