using System.Buffers.Binary;
using System.Text;

namespace AslOnDurable.Runtime.Durable;

/// <summary>
/// The task tokens (<c>$$.Task.Token</c>) durable executions issue: opaque to their users, but they name the instance
/// that waits for the callback, so SendTaskSuccess/Failure/Heartbeat can find it without a lookup table.
/// </summary>
/// <remarks>
/// Layout, base64url without padding: one version byte (1), the 16 bytes of a replay-safe GUID from the orchestration
/// context (one per task attempt), then the instance id as UTF-8. The GUID names the external event the orchestrator
/// waits for (<see cref="EventName"/>). AWS caps tokens at 2,048 characters (<see cref="MaxLength"/>).
/// </remarks>
public static class TaskToken
{
    /// <summary>The longest token the API accepts (AWS: taskToken length 1 to 2,048).</summary>
    public const int MaxLength = 2048;

    private const byte Version = 1;
    private const int IdOffset = 1;
    private const int InstanceOffset = IdOffset + 16;
    private static readonly UTF8Encoding StrictUtf8 = new(false, true);

    /// <summary>Makes a token for one task attempt.</summary>
    /// <param name="instanceId">The orchestration instance that waits for the callback.</param>
    /// <param name="id">A replay-safe GUID for the attempt.</param>
    /// <returns>The token.</returns>
    public static string Create(string instanceId, Guid id)
    {
        ArgumentException.ThrowIfNullOrEmpty(instanceId);
        byte[] bytes = new byte[InstanceOffset + Encoding.UTF8.GetByteCount(instanceId)];
        bytes[0] = Version;
        _ = id.TryWriteBytes(bytes.AsSpan(IdOffset, 16), bigEndian: true, out _);
        Encoding.UTF8.GetBytes(instanceId, bytes.AsSpan(InstanceOffset));
        return Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    /// <summary>Reads a token.</summary>
    /// <param name="token">The token text.</param>
    /// <param name="instanceId">The instance that waits for the callback.</param>
    /// <param name="id">The attempt's GUID.</param>
    /// <returns>Whether the text is a token this runtime issued (by shape: it is not signed).</returns>
    public static bool TryParse(string? token, out string instanceId, out Guid id)
    {
        instanceId = string.Empty;
        id = Guid.Empty;
        if (string.IsNullOrEmpty(token) || token.Length > MaxLength || token.Length % 4 == 1 || !token.All(IsBase64Url))
        {
            return false;
        }

        string padded = token.Replace('-', '+').Replace('_', '/') + new string('=', (4 - (token.Length % 4)) % 4);
        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(padded);
        }
        catch (FormatException)
        {
            return false;
        }

        if (bytes.Length <= InstanceOffset || bytes[0] != Version)
        {
            return false;
        }

        try
        {
            instanceId = StrictUtf8.GetString(bytes, InstanceOffset, bytes.Length - InstanceOffset);
        }
        catch (DecoderFallbackException)
        {
            instanceId = string.Empty;
            return false;
        }

        id = new Guid(bytes.AsSpan(IdOffset, 16), bigEndian: true);
        return true;
    }

    private static bool IsBase64Url(char c) => char.IsAsciiLetterOrDigit(c) || c is '-' or '_';

    /// <summary>The external event that carries the callbacks for one task attempt.</summary>
    /// <param name="id">The attempt's GUID (from the token).</param>
    /// <returns>The event name.</returns>
    public static string EventName(Guid id) => "AslTaskCallback-" + id.ToString("N", System.Globalization.CultureInfo.InvariantCulture);
}
