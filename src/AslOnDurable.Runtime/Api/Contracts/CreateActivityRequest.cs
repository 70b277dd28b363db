namespace AslOnDurable.Runtime.Api.Contracts;

/// <summary>CreateActivity's request.</summary>
/// <param name="Name">The name (1-80 characters, AWS's naming rules).</param>
/// <param name="Tags">Tags.</param>
/// <param name="EncryptionConfiguration">The encryption settings (only <c>AWS_OWNED_KEY</c> is available here).</param>
public sealed record CreateActivityRequest(string? Name, IReadOnlyList<Tag>? Tags, EncryptionConfiguration? EncryptionConfiguration = null);
