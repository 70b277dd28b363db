using AslOnDurable.Core.Errors;

namespace AslOnDurable.Core.Engine.Lifecycle;

/// <summary>Turns errors raised while evaluating a state's fields into AWS's state-level errors.</summary>
internal static class StateFailure
{
    /// <summary>
    /// AWS prefixes <c>States.Runtime</c> and <c>States.QueryEvaluationError</c> causes with the state and the id of its
    /// StateEntered event: <c>An error occurred while executing the state 'X' (entered at the event id #2). ...</c>.
    /// </summary>
    public static AslError FromEvaluation(AslError error, ExecutionFrame frame)
    {
        if (error.Error is StatesErrorNames.Runtime or StatesErrorNames.QueryEvaluationError)
        {
            var environment = frame.Environment;
            return error with
            {
                Cause = $"An error occurred while executing the state '{environment.StateName}' (entered at the event id #{environment.EnteredEventId}). {error.Cause}",
            };
        }

        return error;
    }

    /// <summary>A States.Runtime error for the current state.</summary>
    public static AslErrorException Runtime(string cause) => new(StatesErrorNames.Runtime, cause);

    /// <summary>Whether Retry and Catch must not see this evaluation error (AWS: runtime errors are terminal).</summary>
    public static bool IsTerminal(AslError error) => error.Error == StatesErrorNames.Runtime;
}
