using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace AslOnDurable.Runtime.Durable.MapRuns;

/// <summary>
/// Names of STANDARD map-run children: a UUID (as AWS names them) derived from the map run, its redrive count, the chunk
/// and the child's position, so the activity that builds the inputs names them and every retry of that activity gives
/// the same names (no GUIDs or I/O in orchestrator code).
/// </summary>
public static class MapRunChildNames
{
    /// <summary>The name of one child.</summary>
    /// <param name="mapRunArn">The map run's ARN.</param>
    /// <param name="redriveCount">The map run's redrive count (0: its first run).</param>
    /// <param name="chunk">The chunk.</param>
    /// <param name="position">The child's position in the chunk.</param>
    /// <returns>A UUID in its <c>D</c> form.</returns>
    public static string Of(string mapRunArn, int redriveCount, int chunk, int position)
    {
        ArgumentNullException.ThrowIfNull(mapRunArn);
        var key = string.Create(CultureInfo.InvariantCulture, $"{mapRunArn}|{redriveCount}|{chunk}|{position}");
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(key), hash);
        var bytes = hash[..16];
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x50); // version 5 style (name-based), in Guid's little-endian layout
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80); // RFC 4122 variant
        return new Guid(bytes).ToString("D");
    }
}
