using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using AslOnDurable.Core.Paths.JsonPath.Filters;

namespace AslOnDurable.Core.Paths.JsonPath;

/// <summary>The filter-expression half of the parser: <c>[?( … )]</c> bodies, operands, literals and regular expressions.</summary>
internal sealed partial class JsonPathParser
{
    private static readonly TimeSpan RegexTimeout = TimeSpan.FromSeconds(1);

    private FilterExpression ParseOr()
    {
        var left = ParseAnd();
        while (true)
        {
            SkipWhitespace();
            if (Peek() == '|' && Peek(1) == '|')
            {
                pos += 2;
                left = new LogicalFilter(left, ParseAnd(), isAnd: false);
                continue;
            }

            return left;
        }
    }

    private FilterExpression ParseAnd()
    {
        var left = ParseUnary();
        while (true)
        {
            SkipWhitespace();
            if (Peek() == '&' && Peek(1) == '&')
            {
                pos += 2;
                left = new LogicalFilter(left, ParseUnary(), isAnd: true);
                continue;
            }

            return left;
        }
    }

    private FilterExpression ParseUnary()
    {
        SkipWhitespace();
        if (Peek() == '!' && Peek(1) != '=')
        {
            pos++;
            return new NotFilter(ParseUnary());
        }

        if (Peek() == '(')
        {
            pos++;
            var inner = ParseOr();
            SkipWhitespace();
            Expect(')');
            return inner;
        }

        var left = ParseOperand();
        SkipWhitespace();
        var op = TryReadOperator();
        if (op is null)
        {
            return left is PathOperand path
                ? new ExistsFilter(path.Path)
                : throw Fail("expected a comparison operator");
        }

        SkipWhitespace();
        var right = op == FilterOperator.Matches ? ParseRegex() : ParseOperand();
        return new ComparisonFilter(left, op.Value, right);
    }

    private FilterOperator? TryReadOperator()
    {
        ReadOnlySpan<char> rest = text.AsSpan(pos);
        (string Token, FilterOperator Op)[] symbols =
        [
            ("==", FilterOperator.Equal), ("!=", FilterOperator.NotEqual), ("<=", FilterOperator.LessThanOrEqual),
            (">=", FilterOperator.GreaterThanOrEqual), ("=~", FilterOperator.Matches), ("<", FilterOperator.LessThan),
            (">", FilterOperator.GreaterThan), ("nin", FilterOperator.NotIn), ("in", FilterOperator.In),
            ("contains", FilterOperator.Contains), ("size", FilterOperator.Size), ("empty", FilterOperator.Empty),
        ];
        foreach (var (token, op) in symbols)
        {
            if (!rest.StartsWith(token, StringComparison.Ordinal))
            {
                continue;
            }

            if (char.IsLetter(token[0]) && rest.Length > token.Length && char.IsLetterOrDigit(rest[token.Length]))
            {
                continue;
            }

            pos += token.Length;
            return op;
        }

        return null;
    }

    private FilterOperand ParseOperand()
    {
        SkipWhitespace();
        if (AtEnd)
        {
            throw Fail("a filter operand is missing");
        }

        var start = pos;
        var c = text[pos];
        if (c is '@' or '$')
        {
            return new PathOperand(ParsePath(inFilter: true));
        }

        var value = ParseLiteral();
        return new LiteralOperand(value, text[start..pos]);
    }

    private JsonNode? ParseLiteral()
    {
        SkipWhitespace();
        var c = Peek();
        if (AtEnd)
        {
            throw Fail("a literal is missing");
        }

        if (c is '\'' or '"')
        {
            return JsonValue.Create(ReadQuoted());
        }

        if (c == '-' || char.IsAsciiDigit(c))
        {
            return ReadNumber();
        }

        if (c == '[')
        {
            pos++;
            var array = new JsonArray();
            SkipWhitespace();
            if (Peek() == ']')
            {
                pos++;
                return array;
            }

            while (true)
            {
                array.Add(ParseLiteral());
                SkipWhitespace();
                if (Peek() == ',' && !AtEnd)
                {
                    pos++;
                    continue;
                }

                Expect(']');
                return array;
            }
        }

        if (c == '{')
        {
            return ParseObjectLiteral();
        }

        foreach (var (word, node) in new (string, JsonNode?)[] { ("true", JsonValue.Create(true)), ("false", JsonValue.Create(false)), ("null", null) })
        {
            if (text.AsSpan(pos).StartsWith(word, StringComparison.Ordinal))
            {
                pos += word.Length;
                return node;
            }
        }

        throw Fail($"unexpected character '{c}' in a filter");
    }

    private JsonNode? ParseObjectLiteral()
    {
        var start = pos;
        var depth = 0;
        char? quote = null;
        for (; pos < text.Length; pos++)
        {
            var c = text[pos];
            if (quote is not null)
            {
                if (c == '\\')
                {
                    pos++;
                }
                else if (c == quote)
                {
                    quote = null;
                }

                continue;
            }

            if (c == '"')
            {
                quote = c;
            }
            else if (c is '{' or '[')
            {
                depth++;
            }
            else if (c is '}' or ']')
            {
                depth--;
                if (depth == 0)
                {
                    pos++;
                    try
                    {
                        // Cloning materializes the lazily parsed object, so threads can share it read-only.
                        return JsonNode.Parse(text.AsSpan(start, pos - start).ToString())?.DeepClone();
                    }
                    catch (System.Text.Json.JsonException)
                    {
                        pos = start;
                        throw Fail("an object literal is not valid JSON");
                    }
                }
            }
        }

        pos = start;
        throw Fail("an object literal is not closed");
    }

    private JsonNode ReadNumber()
    {
        var start = pos;
        if (Peek() == '-')
        {
            pos++;
        }

        while (!AtEnd && (char.IsAsciiDigit(text[pos]) || text[pos] is '.' or 'e' or 'E'
            || (text[pos] is '+' or '-' && text[pos - 1] is 'e' or 'E')))
        {
            pos++;
        }

        var number = text[start..pos];
        try
        {
            return JsonNode.Parse(number) ?? throw Fail("a number is not valid");
        }
        catch (System.Text.Json.JsonException)
        {
            pos = start;
            throw Fail($"'{number}' is not a valid number");
        }
    }

    private RegexOperand ParseRegex()
    {
        var start = pos;
        Expect('/');
        var builder = new StringBuilder();
        while (!AtEnd && text[pos] != '/')
        {
            if (text[pos] == '\\' && pos + 1 < text.Length)
            {
                if (text[pos + 1] != '/')
                {
                    builder.Append('\\');
                }

                builder.Append(text[pos + 1]);
                pos += 2;
                continue;
            }

            builder.Append(text[pos]);
            pos++;
        }

        Expect('/');
        var options = RegexOptions.CultureInvariant;
        while (!AtEnd && char.IsAsciiLetter(text[pos]))
        {
            options |= text[pos] switch
            {
                'i' => RegexOptions.IgnoreCase,
                'm' => RegexOptions.Multiline,
                's' => RegexOptions.Singleline,
                'x' => RegexOptions.IgnorePatternWhitespace,
                _ => throw Fail($"unknown regular expression flag '{text[pos]}'"),
            };
            pos++;
        }

        try
        {
            var regex = new Regex(@"\A(?:" + builder + @")\z", options, RegexTimeout);
            return new RegexOperand(regex, text[start..pos]);
        }
        catch (ArgumentException)
        {
            pos = start;
            throw Fail("the regular expression is not valid");
        }
    }
}
