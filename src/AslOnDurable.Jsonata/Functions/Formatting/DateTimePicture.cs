using System.Text;

namespace AslOnDurable.Jsonata.Functions.Formatting;

/// <summary>Analysis of XPath F&amp;O 3.1 <c>format-dateTime</c> picture strings (§9.8.4) as JSONata 2.0.6 does it.</summary>
internal static class DateTimePicture
{
    /// <summary>The picture <c>$fromMillis</c> uses when it is given none (ISO 8601 with milliseconds).</summary>
    public const string Iso8601 = "[Y0001]-[M01]-[D01]T[H01]:[m01]:[s01].[f001][Z01:01t]";

    private const string IntegerComponents = "YMDdFWwXxHhmsf";

    /// <summary>Splits a picture into literals and analysed variable markers.</summary>
    /// <exception cref="JsonataException">D3135 for a marker without <c>]</c>, D3132 for an unknown component, D3131 for mixed digit families.</exception>
    public static IReadOnlyList<DateTimePicturePart> Analyse(string picture)
    {
        var parts = new List<DateTimePicturePart>();
        void AddLiteral(int start, int end)
        {
            if (end > start)
            {
                parts.Add(new DateTimePicturePart { Literal = picture[start..end].Replace("]]", "]", StringComparison.Ordinal) });
            }
        }

        var literalStart = 0;
        var pos = 0;
        while (pos < picture.Length)
        {
            if (picture[pos] == '[')
            {
                if (pos + 1 < picture.Length && picture[pos + 1] == '[')
                {
                    AddLiteral(literalStart, pos);
                    parts.Add(new DateTimePicturePart { Literal = "[" });
                    pos += 2;
                    literalStart = pos;
                    continue;
                }

                AddLiteral(literalStart, pos);
                var close = picture.IndexOf(']', pos);
                if (close == -1)
                {
                    throw new JsonataException("D3135");
                }

                parts.Add(AnalyseMarker(picture[(pos + 1)..close]));
                pos = close;
                literalStart = pos + 1;
            }

            pos++;
        }

        AddLiteral(literalStart, pos);
        return parts;
    }

    private static DateTimePicturePart AnalyseMarker(string rawMarker)
    {
        // White space inside a variable marker is ignored.
        var sb = new StringBuilder(rawMarker.Length);
        foreach (var c in rawMarker)
        {
            if (!JsNumber.IsJsWhiteSpace(c))
            {
                sb.Append(c);
            }
        }

        var marker = sb.ToString();
        var componentText = JsString.CharAt(marker, 0);
        var component = componentText.Length == 1 ? componentText[0] : '\0';

        DateTimeWidth? width = null;
        string presentation;
        var comma = marker.LastIndexOf(',');
        if (comma != -1)
        {
            var widthModifier = marker[(comma + 1)..];
            var dash = widthModifier.IndexOf('-', StringComparison.Ordinal);
            width = dash == -1
                ? new DateTimeWidth(ParseWidth(widthModifier), null)
                : new DateTimeWidth(ParseWidth(widthModifier[..dash]), ParseWidth(widthModifier[(dash + 1)..]));
            presentation = JsString.Substring(marker, 1, comma);
        }
        else
        {
            presentation = JsString.Substring(marker, 1);
        }

        string? presentation1;
        char? presentation2 = null;
        if (presentation.Length == 1)
        {
            presentation1 = presentation;
        }
        else if (presentation.Length > 1)
        {
            var last = presentation[^1];
            if ("atco".Contains(last, StringComparison.Ordinal))
            {
                presentation2 = last;
                presentation1 = presentation[..^1];
            }
            else
            {
                presentation1 = presentation;
            }
        }
        else
        {
            presentation1 = DefaultPresentation(component);
        }

        if (presentation1 is null)
        {
            throw new JsonataException("D3132").WithValue(componentText);
        }

        LetterCase? names = null;
        IntegerPicture? integerFormat = null;
        double yearDigits = -1;
        if (presentation1[0] == 'n')
        {
            names = LetterCase.Lower;
        }
        else if (presentation1[0] == 'N')
        {
            names = presentation1.Length > 1 && presentation1[1] == 'n' ? LetterCase.Title : LetterCase.Upper;
        }
        else if (component != '\0' && IntegerComponents.Contains(component, StringComparison.Ordinal))
        {
            var integerPattern = presentation2 is { } p2 ? presentation1 + ";" + p2 : presentation1;
            integerFormat = IntegerPicture.Analyse(integerPattern);

            // Only decimal patterns have a digit count (the reference compares with undefined otherwise).
            var isDecimal = integerFormat.Primary == IntegerPrimaryFormat.Decimal;
            if (isDecimal && width?.Min is { } min && integerFormat.MandatoryDigits < min)
            {
                integerFormat.MandatoryDigits = (int)min;
            }

            if (component is 'Y' or 'M' or 'D')
            {
                // §9.8.4.4; JSONata 2.0.6 also uses this width to parse months and days.
                if (width?.Max is { } max)
                {
                    yearDigits = max;
                    integerFormat.MandatoryDigits = double.IsNaN(max) ? 0 : (int)max;
                }
                else
                {
                    var w = integerFormat.MandatoryDigits + integerFormat.OptionalDigits;
                    if (isDecimal && w >= 2)
                    {
                        yearDigits = w;
                    }
                }

                integerFormat.ParseWidth = yearDigits;
            }
        }

        if (component is 'Z' or 'z')
        {
            integerFormat = IntegerPicture.Analyse(presentation1);
        }

        return new DateTimePicturePart
        {
            Component = component,
            Presentation1 = presentation1,
            Presentation2 = presentation2,
            Width = width,
            Names = names,
            IntegerFormat = integerFormat,
            YearDigits = yearDigits,
        };
    }

    private static double? ParseWidth(string text) => text == "*" ? null : JsNumber.ParseInt(text);

    private static string? DefaultPresentation(char component) => component switch
    {
        'Y' or 'M' or 'D' or 'd' or 'W' or 'w' or 'X' or 'x' or 'H' or 'h' or 'f' => "1",
        'F' or 'P' or 'C' or 'E' => "n",
        'm' or 's' => "01",
        'Z' or 'z' => "01:01",
        _ => null,
    };
}
