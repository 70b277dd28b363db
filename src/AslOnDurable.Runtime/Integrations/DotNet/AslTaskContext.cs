namespace AslOnDurable.Runtime.Integrations.DotNet;

/// <summary>What an <see cref="IAslTaskHandler"/> knows about the attempt it runs.</summary>
public sealed record AslTaskContext
{
    /// <summary>The Task state's name.</summary>
    public required string StateName { get; init; }

    /// <summary>The execution's ARN.</summary>
    public required string ExecutionId { get; init; }

    /// <summary>The zero-based retry count.</summary>
    public int RetryCount { get; init; }

    /// <summary>The task token for <c>.waitForTaskToken</c> Tasks, else <see langword="null"/>.</summary>
    public string? TaskToken { get; init; }
}
