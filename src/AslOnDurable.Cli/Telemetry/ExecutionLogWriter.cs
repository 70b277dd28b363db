using Microsoft.Extensions.Logging;

namespace AslOnDurable.Cli.Telemetry;

/// <summary>
/// The logger behind <c>asl run --log-level</c>: writes each logged execution event's record (the JSON line AWS
/// writes to CloudWatch Logs) as one line to standard error, so standard output keeps only the result.
/// </summary>
/// <param name="writer">Standard error.</param>
internal sealed class ExecutionLogWriter(TextWriter writer) : ILogger
{
    private readonly Lock gate = new();

    /// <inheritdoc />
    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    /// <inheritdoc />
    public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

    /// <inheritdoc />
    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        ArgumentNullException.ThrowIfNull(formatter);
        string line = state is IReadOnlyList<KeyValuePair<string, object?>> fields && fields.FirstOrDefault(f => f.Key == "Record").Value is string record
            ? record
            : formatter(state, exception);
        lock (gate)
        {
            writer.WriteLine(line);
        }
    }
}
