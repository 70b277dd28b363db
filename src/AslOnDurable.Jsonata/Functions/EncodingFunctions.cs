using System.Text;
using AslOnDurable.Jsonata.Evaluation;

namespace AslOnDurable.Jsonata.Functions;

/// <summary>Base64 and URL encoding functions, with JavaScript's character sets.</summary>
internal static class EncodingFunctions
{
    private const string ComponentSafe = "-_.!~*'()";
    private const string UriReserved = ";,/?:@&=+$#";

    /// <summary>Registers the functions.</summary>
    public static void Register(FunctionRegistration add)
    {
        add("base64encode", "<s-:s>", 1, static (_, a, _, _) =>
        {
            if (a[0] is not string s)
            {
                return null;
            }

            var bytes = new byte[s.Length];
            for (var i = 0; i < s.Length; i++)
            {
                bytes[i] = (byte)s[i];
            }

            return Convert.ToBase64String(bytes);
        });
        add("base64decode", "<s-:s>", 1, static (_, a, _, _) =>
        {
            if (a[0] is not string s)
            {
                return null;
            }

            return DecodeBase64Leniently(s);
        });
        add("encodeUrlComponent", "<s-:s>", 1, static (_, a, _, _) => a[0] is string s ? Encode(s, ComponentSafe, "encodeUrlComponent") : null);
        add("encodeUrl", "<s-:s>", 1, static (_, a, _, _) => a[0] is string s ? Encode(s, ComponentSafe + UriReserved, "encodeUrl") : null);
        add("decodeUrlComponent", "<s-:s>", 1, static (_, a, _, _) => a[0] is string s ? Decode(s, string.Empty, "decodeUrlComponent") : null);
        add("decodeUrl", "<s-:s>", 1, static (_, a, _, _) => a[0] is string s ? Decode(s, UriReserved, "decodeUrl") : null);
    }

    /// <summary>
    /// Decodes like Node's <c>Buffer.from(s, 'base64')</c>, which JSONata-js uses: characters outside the standard and
    /// URL-safe alphabets are skipped, decoding stops at the first <c>=</c>, a last lone character is dropped; each
    /// byte becomes one character (a binary string). Never fails, as in JSONata-js on Node.
    /// </summary>
    private static string DecodeBase64Leniently(string s)
    {
        var sb = new StringBuilder((s.Length * 3 / 4) + 1);
        int accumulator = 0, bits = 0;
        foreach (var c in s)
        {
            var value = c switch
            {
                >= 'A' and <= 'Z' => c - 'A',
                >= 'a' and <= 'z' => c - 'a' + 26,
                >= '0' and <= '9' => c - '0' + 52,
                '+' or '-' => 62,
                '/' or '_' => 63,
                '=' => -2,
                _ => -1,
            };
            if (value == -2)
            {
                break;
            }

            if (value < 0)
            {
                continue;
            }

            accumulator = ((accumulator << 6) | value) & 0xFFFFFF;
            bits += 6;
            if (bits >= 8)
            {
                bits -= 8;
                sb.Append((char)((accumulator >> bits) & 0xFF));
            }
        }

        return sb.ToString();
    }

    private static JsonataException UrlError(string value, string functionName)
    {
        var error = new JsonataException("D3140").WithValue(value);
        error.FunctionName = functionName;
        return error;
    }

    private static string Encode(string s, string safe, string functionName)
    {
        var sb = new StringBuilder(s.Length);
        Span<byte> buffer = stackalloc byte[4];
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            if (char.IsAsciiLetterOrDigit(c) || safe.Contains(c, StringComparison.Ordinal))
            {
                sb.Append(c);
                continue;
            }

            int codePoint;
            if (char.IsHighSurrogate(c))
            {
                if (i + 1 >= s.Length || !char.IsLowSurrogate(s[i + 1]))
                {
                    throw UrlError(s, functionName);
                }

                codePoint = char.ConvertToUtf32(c, s[i + 1]);
                i++;
            }
            else if (char.IsLowSurrogate(c))
            {
                throw UrlError(s, functionName);
            }
            else
            {
                codePoint = c;
            }

            var n = new Rune(codePoint).EncodeToUtf8(buffer);
            for (var k = 0; k < n; k++)
            {
                sb.Append('%').Append(buffer[k].ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return sb.ToString();
    }

    private static string Decode(string s, string reserved, string functionName)
    {
        var sb = new StringBuilder(s.Length);
        var i = 0;
        while (i < s.Length)
        {
            var c = s[i];
            if (c != '%')
            {
                sb.Append(c);
                i++;
                continue;
            }

            var start = i;
            var b = HexByte(s, i) ?? throw UrlError(s, functionName);
            i += 3;
            if (b < 0x80)
            {
                if (reserved.Contains((char)b, StringComparison.Ordinal))
                {
                    sb.Append(s, start, 3);
                }
                else
                {
                    sb.Append((char)b);
                }

                continue;
            }

            var count = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 0;
            if (count == 0)
            {
                throw UrlError(s, functionName);
            }

            var bytes = new byte[count];
            bytes[0] = b;
            for (var k = 1; k < count; k++)
            {
                if (i >= s.Length || s[i] != '%')
                {
                    throw UrlError(s, functionName);
                }

                bytes[k] = HexByte(s, i) ?? throw UrlError(s, functionName);
                i += 3;
            }

            if (Rune.DecodeFromUtf8(bytes, out var rune, out var consumed) != System.Buffers.OperationStatus.Done || consumed != count)
            {
                throw UrlError(s, functionName);
            }

            sb.Append(rune.ToString());
        }

        return sb.ToString();
    }

    private static byte? HexByte(string s, int i)
    {
        if (i + 2 > s.Length - 1)
        {
            return null;
        }

        return Uri.IsHexDigit(s[i + 1]) && Uri.IsHexDigit(s[i + 2])
            ? (byte)Convert.ToInt32(s.Substring(i + 1, 2), 16)
            : null;
    }
}
