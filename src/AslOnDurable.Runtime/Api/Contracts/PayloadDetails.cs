namespace AslOnDurable.Runtime.Api.Contracts;

/// <summary>AWS's <c>CloudWatchEventsExecutionDataDetails</c>: whether the input or output is included.</summary>
/// <param name="Included">Whether it is.</param>
public sealed record PayloadDetails(bool Included)
{
    /// <summary>Gets <c>{"included": true}</c>.</summary>
    public static PayloadDetails Yes { get; } = new(true);
}
