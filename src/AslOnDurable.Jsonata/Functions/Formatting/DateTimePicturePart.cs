namespace AslOnDurable.Jsonata.Functions.Formatting;

/// <summary>One part of an analysed date/time picture: literal text, or a variable marker such as <c>[D01]</c> or <c>[MNn,3-3]</c>.</summary>
internal sealed class DateTimePicturePart
{
    /// <summary>The literal text, or <see langword="null"/> for a variable marker.</summary>
    public string? Literal { get; init; }

    /// <summary>The component specifier (<c>Y</c>, <c>M</c>, <c>D</c>, <c>d</c>, <c>F</c>, <c>W</c>, <c>w</c>, <c>X</c>, <c>x</c>, <c>H</c>, <c>h</c>, <c>P</c>, <c>m</c>, <c>s</c>, <c>f</c>, <c>Z</c>, <c>z</c>, <c>C</c>, <c>E</c>).</summary>
    public char Component { get; init; }

    /// <summary>The first presentation modifier (e.g. <c>01</c>, <c>Nn</c>, <c>w</c>), defaulted per component.</summary>
    public string Presentation1 { get; init; } = string.Empty;

    /// <summary>The second presentation modifier (<c>a</c>, <c>t</c>, <c>c</c> or <c>o</c>), if any.</summary>
    public char? Presentation2 { get; init; }

    /// <summary>The width modifier, if any.</summary>
    public DateTimeWidth? Width { get; init; }

    /// <summary>The case of a name presentation (<c>n</c>, <c>N</c>, <c>Nn</c>), or <see langword="null"/> for a numeric one.</summary>
    public LetterCase? Names { get; init; }

    /// <summary>The integer picture of a numeric component (or of a timezone), if any.</summary>
    public IntegerPicture? IntegerFormat { get; init; }

    /// <summary>For a year: the number of digits to keep (−1 for all, NaN when the width is not a number).</summary>
    public double YearDigits { get; init; } = -1;

    /// <summary>Whether this is literal text.</summary>
    public bool IsLiteral => Literal is not null;
}
