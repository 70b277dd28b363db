namespace AslOnDurable.Runtime.Integrations.EventGrid;

/// <summary>How a publish to Event Grid ended.</summary>
/// <param name="Status">The HTTP status, or 0 when no answer came (unreachable, timed out, no token).</param>
/// <param name="Message">What went wrong, for the error's cause (no secrets); empty on success.</param>
public sealed record PublishResult(int Status, string Message)
{
    /// <summary>Whether Event Grid accepted the events.</summary>
    public bool Succeeded => Status is >= 200 and < 300;
}
