namespace AslOnDurable.Runtime.Integrations.Connections;

/// <summary>A connection that adds no credentials (<c>"type": "NONE"</c>): only its parameters and network rules apply.</summary>
public sealed record NoAuthorization : ConnectionAuthorization
{
    /// <summary>The one instance.</summary>
    public static NoAuthorization Instance { get; } = new();
}
