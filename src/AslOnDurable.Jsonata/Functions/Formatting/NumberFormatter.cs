using System.Text;

namespace AslOnDurable.Jsonata.Functions.Formatting;

/// <summary>
/// <c>$formatNumber(number, picture [, options])</c>: XPath F&amp;O 3.1 <c>format-number</c> as JSONata 2.0.6
/// implements it (with the later fixes for exponent pictures of zero or negative numbers and for
/// pictures without any active character).
/// </summary>
internal static class NumberFormatter
{
    /// <summary>Formats <paramref name="value"/> according to <paramref name="picture"/>.</summary>
    /// <param name="value">The number to format.</param>
    /// <param name="picture">The picture string, e.g. <c>#,##0.00</c> or <c>0.0e0</c>.</param>
    /// <param name="options">Overrides of the decimal-format properties; <see langword="null"/> for the defaults.</param>
    /// <returns>The formatted number.</returns>
    /// <exception cref="JsonataException">D3080–D3093 for an invalid picture.</exception>
    public static string FormatNumber(double value, string picture, NumberFormatOptions? options = null)
    {
        var o = options ?? NumberFormatOptions.Default;
        var family = DigitFamily(o.ZeroDigit);
        var active = new HashSet<string>(family, StringComparer.Ordinal)
        {
            o.DecimalSeparator, o.ExponentSeparator, o.GroupingSeparator, o.Digit, o.PatternSeparator,
        };

        var subPictures = JsString.Split(picture, o.PatternSeparator);
        if (subPictures.Length > 2)
        {
            throw new JsonataException("D3080");
        }

        var parts = subPictures.Select(p => SplitParts(p, o, active)).ToList();
        foreach (var part in parts)
        {
            Validate(part, o, family, active);
        }

        var analysed = parts.Select(p => Analyse(p, o, family)).ToList();
        if (analysed.Count == 1)
        {
            analysed.Add(analysed[0] with { Prefix = o.MinusSign + analysed[0].Prefix });
        }

        if (double.IsNaN(value))
        {
            return o.NaN;
        }

        var pic = value >= 0 ? analysed[0] : analysed[1];
        if (double.IsInfinity(value))
        {
            return pic.Prefix + o.Infinity + pic.Suffix;
        }

        return Format(value, pic, o, family);
    }

    private static string Format(double value, NumberSubPicture pic, NumberFormatOptions o, string[] family)
    {
        double adjusted;
        if (JsString.IndexOf(pic.Picture, o.Percent) != -1)
        {
            adjusted = value * 100;
        }
        else if (JsString.IndexOf(pic.Picture, o.PerMille) != -1)
        {
            adjusted = value * 1000;
        }
        else
        {
            adjusted = value;
        }

        var mantissa = adjusted;
        int? exponent = null;
        if (pic.MinimumExponentSize != 0)
        {
            var maxMantissa = Math.Pow(10, pic.ScalingFactor);
            var minMantissa = Math.Pow(10, pic.ScalingFactor - 1);
            var e = 0;
            if (mantissa != 0 && double.IsFinite(mantissa))
            {
                while (Math.Abs(mantissa) < minMantissa)
                {
                    mantissa *= 10;
                    e -= 1;
                }

                while (Math.Abs(mantissa) > maxMantissa)
                {
                    mantissa /= 10;
                    e += 1;
                }
            }

            exponent = e;
        }

        var rounded = JsNumber.RoundHalfEven(mantissa, pic.MaximumFractionalPartSize);
        var zero = o.ZeroDigit;
        var decimalSeparator = o.DecimalSeparator;
        var groupingSeparator = o.GroupingSeparator;

        var text = MakeString(rounded, pic.MaximumFractionalPartSize, zero, family);
        var point = text.IndexOf('.', StringComparison.Ordinal);
        text = point == -1 ? text + decimalSeparator : text[..point] + decimalSeparator + text[(point + 1)..];
        while (text.Length > 0 && JsString.CharAt(text, 0) == zero)
        {
            text = text[1..];
        }

        while (text.Length > 0 && JsString.CharAt(text, text.Length - 1) == zero)
        {
            text = text[..^1];
        }

        // Bullets 8 and 9: pad to the minimum integer and fractional sizes.
        var decimalPos = JsString.IndexOf(text, decimalSeparator);
        var padLeft = pic.MinimumIntegerPartSize - decimalPos;
        var padRight = pic.MinimumFractionalPartSize - (text.Length - decimalPos - 1);
        text = Repeat(zero, padLeft) + text + Repeat(zero, padRight);
        decimalPos = JsString.IndexOf(text, decimalSeparator);

        // Bullet 10: integer-part grouping.
        if (pic.RegularGrouping > 0)
        {
            var groupCount = decimalPos > 0 ? (decimalPos - 1) / pic.RegularGrouping : 0;

            for (var group = 1; group <= groupCount; group++)
            {
                var at = decimalPos - (group * pic.RegularGrouping);
                text = JsString.Slice(text, 0, at) + groupingSeparator + JsString.Slice(text, at);
            }
        }
        else
        {
            foreach (var position in pic.IntegerGroupingPositions)
            {
                var at = decimalPos - position;
                text = JsString.Slice(text, 0, at) + groupingSeparator + JsString.Slice(text, at);
                decimalPos++;
            }
        }

        // Bullet 11: fractional-part grouping.
        decimalPos = JsString.IndexOf(text, decimalSeparator);
        foreach (var position in pic.FractionalGroupingPositions)
        {
            var at = position + decimalPos + 1;
            text = JsString.Slice(text, 0, at) + groupingSeparator + JsString.Slice(text, at);
        }

        // Bullet 12: drop a trailing decimal separator (or the separator the picture doesn't have).
        decimalPos = JsString.IndexOf(text, decimalSeparator);
        if (JsString.IndexOf(pic.Picture, decimalSeparator) == -1 || decimalPos == text.Length - 1)
        {
            text = JsString.Substring(text, 0, text.Length - 1);
        }

        // Bullet 13: the exponent.
        if (exponent is { } exp)
        {
            var expText = MakeString(exp, 0, zero, family);
            var padExp = pic.MinimumExponentSize - expText.Length;
            expText = Repeat(zero, padExp) + expText;
            text = text + o.ExponentSeparator + (exp < 0 ? o.MinusSign : string.Empty) + expText;
        }

        return pic.Prefix + text + pic.Suffix;
    }

    private static NumberPictureParts SplitParts(string subPicture, NumberFormatOptions o, HashSet<string> active)
    {
        bool IsActiveNonExponent(char c)
        {
            var s = c.ToString();
            return active.Contains(s) && s != o.ExponentSeparator;
        }

        var prefix = string.Empty;
        for (var i = 0; i < subPicture.Length; i++)
        {
            if (IsActiveNonExponent(subPicture[i]))
            {
                prefix = subPicture[..i];
                break;
            }
        }

        var suffix = string.Empty;
        for (var i = subPicture.Length - 1; i >= 0; i--)
        {
            if (IsActiveNonExponent(subPicture[i]))
            {
                suffix = subPicture[(i + 1)..];
                break;
            }
        }

        var activePart = JsString.Substring(subPicture, prefix.Length, subPicture.Length - suffix.Length);
        var exponentPosition = JsString.IndexOf(subPicture, o.ExponentSeparator, prefix.Length);
        string mantissaPart;
        string? exponentPart;
        if (exponentPosition == -1 || exponentPosition > subPicture.Length - suffix.Length)
        {
            mantissaPart = activePart;
            exponentPart = null;
        }
        else
        {
            // The reference takes the position found in the sub-picture as an index into the active part.
            mantissaPart = JsString.Substring(activePart, 0, exponentPosition);
            exponentPart = JsString.Substring(activePart, exponentPosition + 1);
        }

        var decimalPosition = JsString.IndexOf(mantissaPart, o.DecimalSeparator);
        string integerPart;
        string fractionalPart;
        if (decimalPosition == -1)
        {
            integerPart = mantissaPart;
            fractionalPart = suffix;
        }
        else
        {
            integerPart = JsString.Substring(mantissaPart, 0, decimalPosition);
            fractionalPart = JsString.Substring(mantissaPart, decimalPosition + 1);
        }

        return new NumberPictureParts(subPicture, prefix, suffix, activePart, mantissaPart, exponentPart, integerPart, fractionalPart);
    }

    /// <summary>F&amp;O 4.7.3; like the reference, every rule is checked and the last failing one is reported.</summary>
    private static void Validate(NumberPictureParts parts, NumberFormatOptions o, string[] family, HashSet<string> active)
    {
        string? error = null;
        var sub = parts.SubPicture;
        bool IsFamily(char c) => family.Contains(c.ToString());

        var decimalPos = JsString.IndexOf(sub, o.DecimalSeparator);
        if (decimalPos != JsString.LastIndexOf(sub, o.DecimalSeparator))
        {
            error = "D3081";
        }

        if (JsString.IndexOf(sub, o.Percent) != JsString.LastIndexOf(sub, o.Percent))
        {
            error = "D3082";
        }

        if (JsString.IndexOf(sub, o.PerMille) != JsString.LastIndexOf(sub, o.PerMille))
        {
            error = "D3083";
        }

        var hasPercent = JsString.IndexOf(sub, o.Percent) != -1;
        var hasPerMille = JsString.IndexOf(sub, o.PerMille) != -1;
        if (hasPercent && hasPerMille)
        {
            error = "D3084";
        }

        if (!parts.MantissaPart.Any(c => IsFamily(c) || c.ToString() == o.Digit))
        {
            error = "D3085";
        }

        if (parts.ActivePart.Any(c => !active.Contains(c.ToString())))
        {
            error = "D3086";
        }

        if (decimalPos != -1)
        {
            if (JsString.CharAt(sub, decimalPos - 1) == o.GroupingSeparator || JsString.CharAt(sub, decimalPos + 1) == o.GroupingSeparator)
            {
                error = "D3087";
            }
        }
        else if (JsString.CharAt(parts.IntegerPart, parts.IntegerPart.Length - 1) == o.GroupingSeparator)
        {
            error = "D3088";
        }

        if (JsString.IndexOf(sub, o.GroupingSeparator + o.GroupingSeparator) != -1)
        {
            error = "D3089";
        }

        var optionalDigitPos = JsString.IndexOf(parts.IntegerPart, o.Digit);
        if (optionalDigitPos != -1 && JsString.Substring(parts.IntegerPart, 0, optionalDigitPos).Any(IsFamily))
        {
            error = "D3090";
        }

        optionalDigitPos = JsString.LastIndexOf(parts.FractionalPart, o.Digit);
        if (optionalDigitPos != -1 && JsString.Substring(parts.FractionalPart, optionalDigitPos).Any(IsFamily))
        {
            error = "D3091";
        }

        var exponent = parts.ExponentPart;
        if (exponent is { Length: > 0 } && (hasPercent || hasPerMille))
        {
            error = "D3092";
        }

        if (exponent is not null && (exponent.Length == 0 || exponent.Any(c => !IsFamily(c))))
        {
            error = "D3093";
        }

        if (error is not null)
        {
            throw new JsonataException(error);
        }
    }

    /// <summary>F&amp;O 4.7.4.</summary>
    private static NumberSubPicture Analyse(NumberPictureParts parts, NumberFormatOptions o, string[] family)
    {
        bool IsFamily(char c) => family.Contains(c.ToString());
        bool IsDigitSign(char c) => IsFamily(c) || c.ToString() == o.Digit;

        List<int> GroupingPositions(string part, bool toLeft)
        {
            var positions = new List<int>();
            var position = JsString.IndexOf(part, o.GroupingSeparator);
            while (position != -1)
            {
                var side = toLeft ? JsString.Substring(part, 0, position) : JsString.Substring(part, position);
                positions.Add(side.Count(IsDigitSign));

                // The reference looks for the next separator in the integer part, whichever part this is.
                var next = JsString.IndexOf(parts.IntegerPart, o.GroupingSeparator, position + 1);
                if (next != -1 && next <= position)
                {
                    break;
                }

                position = next;
            }

            return positions;
        }

        var integerPositions = GroupingPositions(parts.IntegerPart, false);
        var fractionalPositions = GroupingPositions(parts.FractionalPart, true);

        var minimumInteger = parts.IntegerPart.Count(IsFamily);
        var scalingFactor = minimumInteger;
        var minimumFractional = parts.FractionalPart.Count(IsFamily);
        var maximumFractional = parts.FractionalPart.Count(IsDigitSign);
        var exponentPresent = parts.ExponentPart is not null;
        if (minimumInteger == 0 && maximumFractional == 0)
        {
            if (exponentPresent)
            {
                minimumFractional = 1;
                maximumFractional = 1;
            }
            else
            {
                minimumInteger = 1;
            }
        }

        if (exponentPresent && minimumInteger == 0 && JsString.IndexOf(parts.IntegerPart, o.Digit) != -1)
        {
            minimumInteger = 1;
        }

        if (minimumInteger == 0 && minimumFractional == 0)
        {
            minimumFractional = 1;
        }

        var minimumExponent = exponentPresent ? parts.ExponentPart!.Count(IsFamily) : 0;

        return new NumberSubPicture
        {
            Picture = parts.SubPicture,
            Prefix = parts.Prefix,
            Suffix = parts.Suffix,
            IntegerGroupingPositions = integerPositions,
            RegularGrouping = RegularInterval(integerPositions),
            FractionalGroupingPositions = fractionalPositions,
            MinimumIntegerPartSize = minimumInteger,
            ScalingFactor = scalingFactor,
            MinimumFractionalPartSize = minimumFractional,
            MaximumFractionalPartSize = maximumFractional,
            MinimumExponentSize = minimumExponent,
        };
    }

    /// <summary>The common interval of grouping positions when every multiple of it up to their count is present; else 0.</summary>
    internal static int RegularInterval(IReadOnlyList<int> positions)
    {
        if (positions.Count == 0)
        {
            return 0;
        }

        var factor = positions.Aggregate(Gcd);
        for (var index = 1; index <= positions.Count; index++)
        {
            if (!positions.Contains(index * factor))
            {
                return 0;
            }
        }

        return factor;
    }

    private static int Gcd(int a, int b) => b == 0 ? a : Gcd(b, a % b);

    private static string[] DigitFamily(string zeroDigit)
    {
        if (zeroDigit.Length == 0)
        {
            return [];
        }

        var zero = zeroDigit[0];
        var family = new string[10];
        for (var i = 0; i < 10; i++)
        {
            family[i] = ((char)(zero + i)).ToString();
        }

        return family;
    }

    private static string MakeString(double value, int fractionDigits, string zero, string[] family)
    {
        var text = JsNumber.ToFixed(Math.Abs(value), fractionDigits);
        if (zero == "0")
        {
            return text;
        }

        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c is >= '0' and <= '9')
            {
                sb.Append(family.Length > 0 ? family[c - '0'] : string.Empty);
            }
            else
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }

    private static string Repeat(string s, int count)
    {
        if (count <= 0 || s.Length == 0)
        {
            return string.Empty;
        }

        var sb = new StringBuilder(s.Length * count);
        for (var i = 0; i < count; i++)
        {
            sb.Append(s);
        }

        return sb.ToString();
    }
}
