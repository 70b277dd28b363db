namespace AslOnDurable.Runtime.Api.Contracts;

/// <summary>AWS's <c>LoggingConfiguration</c>: kept and reported as given (logs are not shipped anywhere yet).</summary>
/// <param name="Level">ALL, ERROR, FATAL or OFF (the default).</param>
/// <param name="IncludeExecutionData">Whether logs would include execution data.</param>
/// <param name="Destinations">The log destinations, kept as given.</param>
public sealed record LoggingConfiguration(string? Level, bool? IncludeExecutionData, IReadOnlyList<System.Text.Json.Nodes.JsonObject>? Destinations)
{
    /// <summary>AWS's default: <c>{"level": "OFF", "includeExecutionData": false}</c>.</summary>
    public static LoggingConfiguration Off { get; } = new("OFF", false, null);
}
