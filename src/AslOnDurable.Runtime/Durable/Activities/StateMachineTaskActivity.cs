using AslOnDurable.Core.Engine;
using AslOnDurable.Core.Engine.Tasks;
using AslOnDurable.Core.Errors;
using AslOnDurable.Runtime.Durable.Payloads;
using Microsoft.DurableTask;

namespace AslOnDurable.Runtime.Durable.Activities;

/// <summary>
/// Runs one attempt of a Task state through an <see cref="ITaskHandler"/> (the registry of integrations, or a mock
/// configuration): <see cref="TaskActivityInput"/> in, <see cref="TaskActivityResult"/> out, as JSON text. Every way
/// the handler ends becomes a value, so Durable's own activity failure path is left for infrastructure failures.
/// </summary>
/// <param name="tasks">Resolves and runs the resource.</param>
public sealed class StateMachineTaskActivity(ITaskHandler tasks) : TaskActivity<string, string>
{
    /// <inheritdoc />
    public override Task<string> RunAsync(TaskActivityContext context, string input) => RunAsync(tasks, input);

    /// <summary>Runs one attempt; hosts that bind activities themselves (the Functions app) call this.</summary>
    /// <param name="tasks">Resolves and runs the resource.</param>
    /// <param name="input">A <see cref="TaskActivityInput"/> as JSON text.</param>
    /// <returns>A <see cref="TaskActivityResult"/> as JSON text.</returns>
    public static async Task<string> RunAsync(ITaskHandler tasks, string input)
    {
        ArgumentNullException.ThrowIfNull(tasks);
        TaskActivityInput request = DurableJson.Deserialize<TaskActivityInput>(input);
        PayloadVersion.EnsureReadable(request.Version, nameof(TaskActivityInput));
        TaskInvocation invocation = new()
        {
            StateName = request.StateName,
            Resource = request.Resource,
            Input = request.Input,
            RetryCount = request.RetryCount,
            TimeoutSeconds = request.TimeoutSeconds,
            HeartbeatSeconds = request.HeartbeatSeconds,
            ExecutionId = request.ExecutionId,
            TaskToken = request.TaskToken,
            Credentials = request.Credentials,
        };

        TaskActivityResult result;
        try
        {
            TaskOutcome outcome = await tasks.InvokeAsync(invocation).ConfigureAwait(false);
            result = outcome.Error is { } error
                ? new TaskActivityResult(PayloadVersion.Current, TaskActivityOutcomes.Failed) { Error = error.Error, Cause = error.Cause }
                : new TaskActivityResult(PayloadVersion.Current, TaskActivityOutcomes.Succeeded) { Output = outcome.Result };
        }
        catch (AslErrorException e)
        {
            result = new TaskActivityResult(PayloadVersion.Current, TaskActivityOutcomes.Thrown) { Error = e.Error.Error, Cause = e.Error.Cause };
        }
#pragma warning disable CA1031 // Every handler exception becomes a value; the orchestrator maps it exactly as the in-memory engine does.
        catch (Exception e) when (e is not OutOfMemoryException)
#pragma warning restore CA1031
        {
            result = new TaskActivityResult(PayloadVersion.Current, TaskActivityOutcomes.Crashed) { Cause = e.Message };
        }

        return DurableJson.Serialize(result);
    }
}
