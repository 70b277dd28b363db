namespace AslOnDurable.Runtime.Integrations;

/// <summary>CRC-32 (ISO-HDLC, the zlib one): S3's <c>ChecksumCRC32</c> and DynamoDB's <c>x-amz-crc32</c> header.</summary>
internal static class Crc32
{
    private static readonly uint[] Table = BuildTable();

    /// <summary>The checksum of some bytes.</summary>
    /// <param name="data">The bytes.</param>
    /// <returns>The CRC-32.</returns>
    public static uint Compute(ReadOnlySpan<byte> data)
    {
        uint crc = 0xFFFFFFFFu;
        foreach (byte b in data)
        {
            crc = Table[(crc ^ b) & 0xFF] ^ (crc >> 8);
        }

        return ~crc;
    }

    /// <summary>The checksum as S3 reports it: the four big-endian bytes in Base64.</summary>
    /// <param name="data">The bytes.</param>
    /// <returns>The Base64 text.</returns>
    public static string ComputeBase64(ReadOnlySpan<byte> data)
    {
        uint crc = Compute(data);
        return Convert.ToBase64String([(byte)(crc >> 24), (byte)(crc >> 16), (byte)(crc >> 8), (byte)crc]);
    }

    private static uint[] BuildTable()
    {
        uint[] table = new uint[256];
        for (uint i = 0; i < 256; i++)
        {
            uint c = i;
            for (int k = 0; k < 8; k++)
            {
                c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            }

            table[i] = c;
        }

        return table;
    }
}
