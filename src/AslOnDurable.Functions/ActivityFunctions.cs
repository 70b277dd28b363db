using AslOnDurable.Runtime.Durable.Activities;
using Microsoft.Azure.Functions.Worker;

namespace AslOnDurable.Functions;

/// <summary>Activity triggers: each hands its input to the Runtime's activity class.</summary>
internal static class ActivityFunctions
{
    /// <summary>Runs <see cref="PingActivity"/>.</summary>
    /// <param name="input">The request as JSON text.</param>
    /// <returns>The reply as JSON text.</returns>
    [Function(FunctionNames.PingActivity)]
    public static string Ping([ActivityTrigger] string input) => PingActivity.Answer(input);
}
