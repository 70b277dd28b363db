using System.Globalization;
using System.Text;
using AslOnDurable.Core.Paths.JsonPath.Filters;
using AslOnDurable.Core.Paths.JsonPath.Segments;

namespace AslOnDurable.Core.Paths.JsonPath;

/// <summary>
/// Parses the AWS JSONPath dialect (Jayway JsonPath syntax plus <c>$$</c> and <c>$variable</c> roots) into
/// compiled segments. One instance parses one text; it is not shared.
/// </summary>
internal sealed partial class JsonPathParser
{
    private readonly string text;
    private int pos;

    private JsonPathParser(string text)
    {
        this.text = text;
    }

    /// <summary>Parses a complete path.</summary>
    /// <param name="text">The path text.</param>
    /// <param name="expression">The compiled path.</param>
    /// <param name="error">Why the text is not a valid path.</param>
    /// <returns>Whether the text is a valid path.</returns>
    public static bool TryParse(string text, out JsonPathExpression? expression, out string? error)
    {
        expression = null;
        error = null;
        if (string.IsNullOrEmpty(text))
        {
            error = "The JSONPath must not be empty.";
            return false;
        }

        var parser = new JsonPathParser(text);
        try
        {
            parser.SkipWhitespace();
            var parsed = parser.ParsePath(inFilter: false);
            parser.SkipWhitespace();
            if (parser.pos != text.Length)
            {
                throw parser.Fail($"unexpected character '{text[parser.pos]}'");
            }

            expression = parsed.Text == text ? parsed : new JsonPathExpression(text, parsed.RootKind, parsed.VariableName, parsed.Segments);
            return true;
        }
        catch (FormatException ex)
        {
            error = ex.Message;
            return false;
        }
    }

    private FormatException Fail(string reason) =>
        new($"The JSONPath '{text}' is not valid: {reason} at position {pos.ToString(CultureInfo.InvariantCulture)}.");

    private bool AtEnd => pos >= text.Length;

    private char Peek(int offset = 0) => pos + offset < text.Length ? text[pos + offset] : '\0';

    private void SkipWhitespace()
    {
        while (pos < text.Length && char.IsWhiteSpace(text[pos]))
        {
            pos++;
        }
    }

    private void Expect(char c)
    {
        if (Peek() != c || AtEnd)
        {
            throw Fail(AtEnd ? $"expected '{c}' but the path ended" : $"expected '{c}' but found '{text[pos]}'");
        }

        pos++;
    }

    private JsonPathExpression ParsePath(bool inFilter)
    {
        var start = pos;
        JsonPathRootKind root;
        string? variable = null;
        if (inFilter && Peek() == '@')
        {
            pos++;
            root = JsonPathRootKind.Current;
        }
        else if (Peek() == '$')
        {
            pos++;
            if (Peek() == '$')
            {
                pos++;
                root = JsonPathRootKind.Context;
            }
            else if (!AtEnd && (char.IsLetter(text[pos]) || text[pos] == '_'))
            {
                var nameStart = pos;
                while (!AtEnd && (char.IsLetterOrDigit(text[pos]) || text[pos] == '_'))
                {
                    pos++;
                }

                variable = text[nameStart..pos];
                root = JsonPathRootKind.Variable;
            }
            else
            {
                root = JsonPathRootKind.Input;
            }
        }
        else
        {
            throw Fail(inFilter ? "a filter path must start with '@' or '$'" : "a path must start with '$'");
        }

        var segments = new List<JsonPathSegment>();
        while (!AtEnd)
        {
            var c = text[pos];
            if (segments.Count > 0 && segments[^1] is FunctionSegment && c is '.' or '[')
            {
                throw Fail("a path function must be the last step of a path");
            }

            if (c == '.')
            {
                if (Peek(1) == '.')
                {
                    pos += 2;
                    segments.Add(new RecursiveDescentSegment(ParseAfterDot(inFilter, descent: true)));
                }
                else
                {
                    pos++;
                    segments.Add(ParseAfterDot(inFilter, descent: false));
                }
            }
            else if (c == '[')
            {
                segments.Add(ParseBracket());
            }
            else if (inFilter)
            {
                break;
            }
            else if (char.IsWhiteSpace(c))
            {
                var here = pos;
                SkipWhitespace();
                if (!AtEnd)
                {
                    pos = here;
                    throw Fail("use bracket notation ['my prop'] for property names with blank characters");
                }

                pos = here;
                break;
            }
            else
            {
                throw Fail($"unexpected character '{c}'");
            }
        }

        if (segments.Count > 0 && segments[^1] is PropertyUnionSegment union)
        {
            segments[^1] = union.AsLeaf();
        }

        return new JsonPathExpression(text[start..pos].Trim(), root, variable, [.. segments]);
    }

    private JsonPathSegment ParseAfterDot(bool inFilter, bool descent)
    {
        if (AtEnd)
        {
            throw Fail("a path must not end with '.'");
        }

        var c = text[pos];
        if (c == '[')
        {
            return ParseBracket();
        }

        if (c == '*')
        {
            pos++;
            return WildcardSegment.Instance;
        }

        if (c == '.' || (descent && char.IsWhiteSpace(c)))
        {
            throw Fail($"unexpected character '{c}'");
        }

        var start = pos;
        while (!AtEnd && !IsNameTerminator(text[pos], inFilter))
        {
            pos++;
        }

        if (start == pos)
        {
            throw Fail("a property name is missing");
        }

        if (Peek() == '(' && !AtEnd)
        {
            return descent ? throw Fail("a path function cannot follow '..'") : ParseFunction(text[start..pos]);
        }

        return new PropertySegment(text[start..pos]);
    }

    private FunctionSegment ParseFunction(string name)
    {
        JsonPathFunction? function = name switch
        {
            "length" => JsonPathFunction.Length,
            "min" => JsonPathFunction.Min,
            "max" => JsonPathFunction.Max,
            "avg" => JsonPathFunction.Avg,
            "stddev" => JsonPathFunction.Stddev,
            "sum" => JsonPathFunction.Sum,
            "keys" => JsonPathFunction.Keys,
            "first" => JsonPathFunction.First,
            "last" => JsonPathFunction.Last,
            _ => null,
        };
        if (function is null)
        {
            throw Fail($"the path function '{name}()' is not supported");
        }

        pos++;
        SkipWhitespace();
        if (Peek() != ')' || AtEnd)
        {
            throw Fail($"the path function '{name}()' takes no arguments");
        }

        pos++;
        return new FunctionSegment(function.Value, name);
    }

    private static bool IsNameTerminator(char c, bool inFilter) =>
        c is '.' or '[' or '(' || char.IsWhiteSpace(c)
        || (inFilter && c is ')' or ']' or '=' or '!' or '<' or '>' or '&' or '|' or ',');

    private JsonPathSegment ParseBracket()
    {
        pos++;
        SkipWhitespace();
        if (AtEnd)
        {
            throw Fail("'[' is not closed");
        }

        var c = text[pos];
        if (c == '*')
        {
            pos++;
            SkipWhitespace();
            Expect(']');
            return WildcardSegment.Instance;
        }

        if (c == '?')
        {
            pos++;
            SkipWhitespace();
            Expect('(');
            var filter = ParseOr();
            SkipWhitespace();
            Expect(')');
            SkipWhitespace();
            Expect(']');
            return new FilterSegment(filter);
        }

        if (c is '\'' or '"')
        {
            var names = new List<string>();
            while (true)
            {
                names.Add(ReadQuoted());
                SkipWhitespace();
                if (Peek() == ',' && !AtEnd)
                {
                    pos++;
                    SkipWhitespace();
                    if (Peek() is not ('\'' or '"') || AtEnd)
                    {
                        throw Fail("expected a quoted property name");
                    }

                    continue;
                }

                break;
            }

            Expect(']');
            return names.Count == 1 ? new PropertySegment(names[0]) : new PropertyUnionSegment([.. names], merge: false);
        }

        if (c == '-' || c == ':' || char.IsAsciiDigit(c))
        {
            var first = TryReadInt();
            SkipWhitespace();
            if (Peek() == ':' && !AtEnd)
            {
                pos++;
                SkipWhitespace();
                var end = TryReadInt();
                SkipWhitespace();
                if (Peek() == ':' && !AtEnd)
                {
                    throw Fail("slice steps are not supported");
                }

                Expect(']');
                return new SliceSegment(first, end);
            }

            if (first is null)
            {
                throw Fail("an array index is missing");
            }

            if (Peek() == ',' && !AtEnd)
            {
                var indexes = new List<int> { first.Value };
                while (Peek() == ',' && !AtEnd)
                {
                    pos++;
                    SkipWhitespace();
                    indexes.Add(TryReadInt() ?? throw Fail("an array index is missing"));
                    SkipWhitespace();
                }

                Expect(']');
                return new IndexUnionSegment([.. indexes]);
            }

            Expect(']');
            return new IndexSegment(first.Value);
        }

        throw Fail($"unexpected character '{c}' after '['");
    }

    private int? TryReadInt()
    {
        var start = pos;
        if (Peek() == '-')
        {
            pos++;
        }

        while (!AtEnd && char.IsAsciiDigit(text[pos]))
        {
            pos++;
        }

        if (pos == start)
        {
            return null;
        }

        if (!int.TryParse(text.AsSpan(start, pos - start), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            pos = start;
            throw Fail("an array index is not a valid integer");
        }

        return value;
    }

    private string ReadQuoted()
    {
        var quote = text[pos];
        pos++;
        var builder = new StringBuilder();
        while (!AtEnd)
        {
            var c = text[pos];
            if (c == '\\' && pos + 1 < text.Length)
            {
                // Only the quote itself is unescaped; other escapes stay as written (AWS finds the key
                // 'a\"b' with the path $['a\"b']).
                var next = text[pos + 1];
                if (next == quote)
                {
                    builder.Append(next);
                }
                else
                {
                    builder.Append(c).Append(next);
                }

                pos += 2;
                continue;
            }

            if (c == quote)
            {
                pos++;
                return builder.ToString();
            }

            builder.Append(c);
            pos++;
        }

        throw Fail("a quoted string is not closed");
    }
}
