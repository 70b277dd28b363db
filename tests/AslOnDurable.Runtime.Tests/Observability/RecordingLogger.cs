using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace AslOnDurable.Runtime.Tests.Observability;

/// <summary>Keeps what was logged: level, the event type and the record (our own seam, so a small fake).</summary>
internal sealed class RecordingLogger : ILogger
{
    private readonly ConcurrentQueue<(LogLevel Level, string Type, string Record)> entries = new();

    public IReadOnlyList<(LogLevel Level, string Type, string Record)> Entries => [.. entries];

    public IReadOnlyList<string> Types => [.. entries.Select(e => e.Type)];

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        var fields = (IReadOnlyList<KeyValuePair<string, object?>>)state!;
        entries.Enqueue((logLevel, (string)fields.Single(f => f.Key == "EventType").Value!, (string)fields.Single(f => f.Key == "Record").Value!));
    }
}
