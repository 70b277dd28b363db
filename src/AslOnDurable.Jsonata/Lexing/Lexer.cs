using System.Globalization;
using System.Text;

namespace AslOnDurable.Jsonata.Lexing;

/// <summary>Splits a JSONata expression into tokens on demand.</summary>
internal sealed class Lexer(string source)
{
    private const string OperatorChars = ".[]{}(),@#;:?+-*/%|=<>^&!~";
    private int position;

    /// <summary>Whether <paramref name="c"/> is an operator or stop character.</summary>
    internal static bool IsOperatorChar(char c) => OperatorChars.Contains(c, StringComparison.Ordinal);

    private static bool IsWhitespace(char c) => c is ' ' or '\t' or '\n' or '\r' or '\v';

    private char At(int i) => i < source.Length && i >= 0 ? source[i] : '\0';

    /// <summary>Returns the next token or null at the end.</summary>
    /// <param name="infix">True when a '/' must be read as division rather than a regex.</param>
    public Token? Next(bool infix)
    {
        while (true)
        {
            if (position >= source.Length)
            {
                return null;
            }

            var c = source[position];
            while (position < source.Length && IsWhitespace(c))
            {
                position++;
                c = At(position);
            }

            if (c == '/' && At(position + 1) == '*')
            {
                var commentStart = position;
                position += 2;
                c = At(position);
                while (!(c == '*' && At(position + 1) == '/'))
                {
                    c = At(++position);
                    if (position >= source.Length)
                    {
                        throw new JsonataException("S0106", commentStart);
                    }
                }

                position += 2;
                continue;
            }

            return Scan(c, infix);
        }
    }

    private Token? Scan(char c, bool infix)
    {
        if (!infix && c == '/')
        {
            position++;
            return ScanRegex();
        }

        var n = At(position + 1);
        string? two = (c, n) switch
        {
            ('.', '.') => "..",
            (':', '=') => ":=",
            ('!', '=') => "!=",
            ('>', '=') => ">=",
            ('<', '=') => "<=",
            ('*', '*') => "**",
            ('~', '>') => "~>",
            _ => null,
        };
        if (two is not null)
        {
            position += 2;
            return new Token(TokenType.Operator, two, null, position);
        }

        if (position < source.Length && IsOperatorChar(c))
        {
            position++;
            return new Token(TokenType.Operator, c.ToString(), null, position);
        }

        if (c is '"' or '\'')
        {
            return ScanString(c);
        }

        var numberLength = MatchNumber();
        if (numberLength > 0)
        {
            var text = source.Substring(position, numberLength);
            var value = double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
            if (double.IsFinite(value))
            {
                position += numberLength;
                return new Token(TokenType.Number, text, value, position);
            }

            throw new JsonataException("S0102", position, text);
        }

        if (c == '`')
        {
            position++;
            var end = source.IndexOf('`', position);
            if (end != -1)
            {
                var quoted = source[position..end];
                position = end + 1;
                return new Token(TokenType.Name, quoted, null, position);
            }

            position = source.Length;
            throw new JsonataException("S0105", position);
        }

        var i = position;
        while (i < source.Length && !IsWhitespace(source[i]) && !IsOperatorChar(source[i]))
        {
            i++;
        }

        if (At(position) == '$')
        {
            var variable = source[(position + 1)..i];
            position = i;
            return new Token(TokenType.Variable, variable, null, position);
        }

        var name = source[position..i];
        position = i;
        switch (name)
        {
            case "or":
            case "in":
            case "and":
                return new Token(TokenType.Operator, name, null, position);
            case "true":
                return new Token(TokenType.Value, name, BoxedTrue, position);
            case "false":
                return new Token(TokenType.Value, name, BoxedFalse, position);
            case "null":
                return new Token(TokenType.Value, name, NullLiteral, position);
            default:
                if (position == source.Length && name.Length == 0)
                {
                    return null;
                }

                return new Token(TokenType.Name, name, null, position);
        }
    }

    /// <summary>The boxed literal <c>true</c>.</summary>
    internal static readonly object BoxedTrue = true;

    /// <summary>The boxed literal <c>false</c>.</summary>
    internal static readonly object BoxedFalse = false;

    /// <summary>Marker for the literal <c>null</c> (replaced by the evaluator's null).</summary>
    internal static readonly object NullLiteral = Evaluation.JNull.Value;

    private int MatchNumber()
    {
        // -?(0|([1-9][0-9]*))(\.[0-9]+)?([Ee][-+]?[0-9]+)?
        var i = position;
        if (At(i) == '-')
        {
            i++;
        }

        if (At(i) == '0')
        {
            i++;
        }
        else if (At(i) is >= '1' and <= '9')
        {
            while (char.IsAsciiDigit(At(i)))
            {
                i++;
            }
        }
        else
        {
            return 0;
        }

        if (At(i) == '.' && char.IsAsciiDigit(At(i + 1)))
        {
            i += 2;
            while (char.IsAsciiDigit(At(i)))
            {
                i++;
            }
        }

        if (At(i) is 'e' or 'E')
        {
            var j = i + 1;
            if (At(j) is '+' or '-')
            {
                j++;
            }

            if (char.IsAsciiDigit(At(j)))
            {
                while (char.IsAsciiDigit(At(j)))
                {
                    j++;
                }

                i = j;
            }
        }

        return i - position;
    }

    private Token ScanString(char quote)
    {
        position++;
        var sb = new StringBuilder();
        while (position < source.Length)
        {
            var c = source[position];
            if (c == '\\')
            {
                position++;
                c = At(position);
                switch (c)
                {
                    case '"': sb.Append('"'); break;
                    case '\\': sb.Append('\\'); break;
                    case '/': sb.Append('/'); break;
                    case 'b': sb.Append('\b'); break;
                    case 'f': sb.Append('\f'); break;
                    case 'n': sb.Append('\n'); break;
                    case 'r': sb.Append('\r'); break;
                    case 't': sb.Append('\t'); break;
                    case 'u':
                        var hex = position + 5 <= source.Length ? source.Substring(position + 1, 4) : string.Empty;
                        if (hex.Length == 4 && int.TryParse(hex, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code))
                        {
                            sb.Append((char)code);
                            position += 4;
                        }
                        else
                        {
                            throw new JsonataException("S0104", position);
                        }

                        break;
                    default:
                        throw new JsonataException("S0103", position, c.ToString());
                }
            }
            else if (c == quote)
            {
                position++;
                return new Token(TokenType.String, sb.ToString(), null, position);
            }
            else
            {
                sb.Append(c);
            }

            position++;
        }

        throw new JsonataException("S0101", position);
    }

    private Token ScanRegex()
    {
        var start = position;
        var depth = 0;
        while (position < source.Length)
        {
            var c = source[position];
            if (c == '/' && depth == 0)
            {
                var backslashes = 0;
                while (At(position - (backslashes + 1)) == '\\')
                {
                    backslashes++;
                }

                if (backslashes % 2 == 0)
                {
                    var pattern = source[start..position];
                    if (pattern.Length == 0)
                    {
                        throw new JsonataException("S0301", position);
                    }

                    position++;
                    var flagStart = position;
                    while (At(position) is 'i' or 'm')
                    {
                        position++;
                    }

                    var flags = source[flagStart..position];
                    return new Token(TokenType.Regex, pattern, null, position, flags);
                }
            }

            if (c is '(' or '[' or '{' && At(position - 1) != '\\')
            {
                depth++;
            }

            if (c is ')' or ']' or '}' && At(position - 1) != '\\')
            {
                depth--;
            }

            position++;
        }

        throw new JsonataException("S0302", position);
    }
}
