using AslOnDurable.Runtime.Observability;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace AslOnDurable.Cli.Output;

/// <summary>
/// The logger factory of <c>asl serve</c>: definition warnings (<see cref="TelemetryNames.DefinitionWarningsCategory"/>,
/// CreateStateMachine and UpdateStateMachine naming Task resources the integrations cannot serve) go to stderr as
/// <c>warning: …</c> lines; every other category is discarded.
/// </summary>
/// <param name="stderr">Where warnings go.</param>
internal sealed class DefinitionWarningsLog(TextWriter stderr) : ILoggerFactory
{
    /// <inheritdoc/>
    public ILogger CreateLogger(string categoryName) =>
        categoryName == TelemetryNames.DefinitionWarningsCategory ? new Writer(stderr) : NullLogger.Instance;

    /// <inheritdoc/>
    public void AddProvider(ILoggerProvider provider)
    {
    }

    /// <inheritdoc/>
    public void Dispose()
    {
    }

    private sealed class Writer(TextWriter stderr) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                lock (stderr)
                {
                    stderr.WriteLine("warning: " + formatter(state, exception));
                    stderr.Flush();
                }
            }
        }
    }
}
