namespace AslOnDurable.Runtime.Durable.Payloads;

/// <summary>Result of one <see cref="Activities.PingActivity"/> call.</summary>
/// <param name="Index">The branch number the request carried.</param>
/// <param name="Message">A fixed answer naming the branch.</param>
public sealed record PingReply(int Index, string Message);
