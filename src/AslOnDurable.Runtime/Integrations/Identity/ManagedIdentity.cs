namespace AslOnDurable.Runtime.Integrations.Identity;

/// <summary>
/// An Azure identity integrations authenticate as (<c>"managedIdentity": true</c> or <c>{"clientId": "…"}</c> in the
/// configuration): the host's system-assigned managed identity, or the user-assigned one with <paramref name="ClientId"/>.
/// Off Azure, <c>DefaultAzureCredential</c>'s chain also accepts a developer sign-in (Azure CLI, Visual Studio).
/// </summary>
/// <param name="ClientId">A user-assigned identity's client id, or <see langword="null"/> for the default one.</param>
public sealed record ManagedIdentity(string? ClientId)
{
    /// <summary>The system-assigned (or default) identity.</summary>
    public static ManagedIdentity Default { get; } = new((string?)null);
}
