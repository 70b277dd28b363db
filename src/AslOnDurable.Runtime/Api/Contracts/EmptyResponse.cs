namespace AslOnDurable.Runtime.Api.Contracts;

/// <summary>The response of actions that answer nothing: <c>{}</c>.</summary>
public sealed record EmptyResponse
{
    /// <summary>Gets the one instance.</summary>
    public static EmptyResponse Instance { get; } = new();
}
