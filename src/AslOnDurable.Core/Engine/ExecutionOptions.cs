using AslOnDurable.Core.Engine.History;

namespace AslOnDurable.Core.Engine;

/// <summary>Engine settings for one execution.</summary>
public sealed record ExecutionOptions
{
    /// <summary>The AWS default payload quota: 256 KiB.</summary>
    public const int DefaultMaxPayloadBytes = 256 * 1024;

    /// <summary>The payload size quota in UTF-8 bytes (states' inputs/outputs, task results).</summary>
    public int MaxPayloadBytes { get; init; } = DefaultMaxPayloadBytes;

    /// <summary>Where history events go, or <see langword="null"/> to record none (event ids are still counted).</summary>
    public IHistorySink? History { get; init; }
}
