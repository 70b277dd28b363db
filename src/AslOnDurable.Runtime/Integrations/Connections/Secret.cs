namespace AslOnDurable.Runtime.Integrations.Connections;

/// <summary>
/// A credential taken from the integrations configuration (an API key, a password, a client secret). Its text is
/// reachable only through <see cref="Reveal"/>; <see cref="ToString"/> prints a mask, so a secret that ends up in a
/// message, a log line or a serialized object shows <c>***</c> instead of itself.
/// </summary>
/// <param name="value">The secret text.</param>
public sealed class Secret(string value)
{
    /// <summary>The secret text, for the one place that sends it.</summary>
    /// <returns>The text.</returns>
    public string Reveal() => value;

    /// <summary>A mask, never the secret.</summary>
    /// <returns><c>***</c>.</returns>
    public override string ToString() => "***";
}
