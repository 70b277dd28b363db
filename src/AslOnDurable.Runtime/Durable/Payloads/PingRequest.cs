namespace AslOnDurable.Runtime.Durable.Payloads;

/// <summary>Input of one <see cref="Activities.PingActivity"/> call.</summary>
/// <param name="Index">The branch number, from 0.</param>
public sealed record PingRequest(int Index);
