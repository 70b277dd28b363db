using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using AslOnDurable.Core.Paths.Intrinsics.Arguments;
using AslOnDurable.Core.Paths.JsonPath;

namespace AslOnDurable.Core.Paths.Intrinsics;

/// <summary>
/// Parses an intrinsic call: <c>States.Name(arg, …)</c> with quoted string literals (escapes <c>\'</c> <c>\{</c>
/// <c>\}</c> <c>\\</c>), numbers, <c>true</c>, <c>false</c>, <c>null</c>, paths (<c>$.x</c>, <c>$$.x</c>,
/// <c>$var</c>) and nested calls. One instance parses one text.
/// </summary>
internal sealed class IntrinsicParser
{
    /// <summary>The most intrinsic functions AWS allows in one field.</summary>
    public const int MaxCallsPerField = 10;

    private readonly string text;
    private readonly IntrinsicRegistry registry;
    private int pos;
    private int calls;

    private IntrinsicParser(string text, IntrinsicRegistry registry)
    {
        this.text = text;
        this.registry = registry;
    }

    /// <summary>Parses a complete call.</summary>
    /// <param name="text">The text.</param>
    /// <param name="registry">The functions that exist.</param>
    /// <param name="call">The compiled call.</param>
    /// <param name="error">Why the text is not a valid call.</param>
    /// <returns>Whether the text is a valid call.</returns>
    public static bool TryParse(string text, IntrinsicRegistry registry, out IntrinsicCall? call, out string? error)
    {
        call = null;
        error = null;
        var parser = new IntrinsicParser(text, registry);
        try
        {
            parser.SkipWhitespace();
            var parsed = parser.ParseCall();
            parser.SkipWhitespace();
            if (parser.pos != text.Length)
            {
                throw parser.Fail($"unexpected '{text[parser.pos..]}' after the call");
            }

            call = parsed;
            return true;
        }
        catch (FormatException ex)
        {
            error = ex.Message;
            return false;
        }
    }

    private FormatException Fail(string reason) =>
        new($"The intrinsic function call '{text}' is not valid: {reason} (at position {pos.ToString(CultureInfo.InvariantCulture)}).");

    private bool AtEnd => pos >= text.Length;

    private void SkipWhitespace()
    {
        while (!AtEnd && char.IsWhiteSpace(text[pos]))
        {
            pos++;
        }
    }

    private IntrinsicCall ParseCall()
    {
        var start = pos;
        while (!AtEnd && (char.IsAsciiLetterOrDigit(text[pos]) || text[pos] == '.'))
        {
            pos++;
        }

        var name = text[start..pos];
        if (!name.StartsWith("States.", StringComparison.Ordinal))
        {
            pos = start;
            throw Fail("an intrinsic function name must start with 'States.'");
        }

        if (!registry.TryGet(name, out var function))
        {
            pos = start;
            throw Fail($"'{name}' is not an intrinsic function");
        }

        if (++calls > MaxCallsPerField)
        {
            pos = start;
            throw Fail($"a field can use at most {MaxCallsPerField.ToString(CultureInfo.InvariantCulture)} intrinsic functions");
        }

        SkipWhitespace();
        if (AtEnd || text[pos] != '(')
        {
            throw Fail($"expected '(' after {name}");
        }

        pos++;
        var arguments = new List<IntrinsicArgument>();
        SkipWhitespace();
        if (!AtEnd && text[pos] == ')')
        {
            pos++;
        }
        else
        {
            while (true)
            {
                arguments.Add(ParseArgument());
                SkipWhitespace();
                if (AtEnd)
                {
                    throw Fail($"the argument list of {name} is not closed");
                }

                if (text[pos] == ',')
                {
                    pos++;
                    continue;
                }

                if (text[pos] == ')')
                {
                    pos++;
                    break;
                }

                throw Fail($"expected ',' or ')' but found '{text[pos]}'");
            }
        }

        if (arguments.Count < function.MinArguments || arguments.Count > function.MaxArguments)
        {
            throw Fail($"{name} takes {Expected(function)} but was given {arguments.Count.ToString(CultureInfo.InvariantCulture)}");
        }

        var problem = function.Prepare(arguments, out var prepared);
        if (problem is not null)
        {
            throw Fail(problem);
        }

        return new IntrinsicCall(function, [.. arguments], prepared, text[start..pos]);
    }

    private static string Expected(IntrinsicFunction function)
    {
        var min = function.MinArguments.ToString(CultureInfo.InvariantCulture);
        if (function.MaxArguments == int.MaxValue)
        {
            return $"at least {min} argument(s)";
        }

        return function.MinArguments == function.MaxArguments
            ? $"{min} argument(s)"
            : $"{min} to {function.MaxArguments.ToString(CultureInfo.InvariantCulture)} arguments";
    }

    private IntrinsicArgument ParseArgument()
    {
        SkipWhitespace();
        if (AtEnd)
        {
            throw Fail("an argument is missing");
        }

        var c = text[pos];
        if (c == '\'')
        {
            return ParseString();
        }

        if (c == '$')
        {
            return ParsePath();
        }

        if (c == '-' || char.IsAsciiDigit(c))
        {
            return ParseNumber();
        }

        if (text.AsSpan(pos).StartsWith("States.", StringComparison.Ordinal))
        {
            return new CallArgument(ParseCall());
        }

        foreach (var (word, value) in new (string, JsonNode?)[] { ("true", JsonValue.Create(true)), ("false", JsonValue.Create(false)), ("null", null) })
        {
            if (text.AsSpan(pos).StartsWith(word, StringComparison.Ordinal)
                && (pos + word.Length == text.Length || !char.IsAsciiLetterOrDigit(text[pos + word.Length])))
            {
                pos += word.Length;
                return new LiteralArgument(value, word, rawString: null);
            }
        }

        throw Fail($"unexpected '{c}' where an argument was expected");
    }

    private IntrinsicArgument ParseString()
    {
        var start = pos;
        pos++;
        var value = new StringBuilder();
        var openEscape = false;
        while (!AtEnd)
        {
            var c = text[pos];
            if (c == '\\')
            {
                if (pos + 1 >= text.Length)
                {
                    break;
                }

                if (text[pos + 1] is not ('\'' or '{' or '}' or '\\'))
                {
                    openEscape = true;
                    value.Append(c);
                    pos++;
                    continue;
                }

                value.Append(text[pos + 1]);
                pos += 2;
                continue;
            }

            if (c == '\'')
            {
                pos++;
                return openEscape
                    ? new OpenEscapeArgument(text[start..pos])
                    : new LiteralArgument(JsonValue.Create(value.ToString()), text[start..pos], text[(start + 1)..(pos - 1)]);
            }

            value.Append(c);
            pos++;
        }

        pos = start;
        throw Fail("a string literal is not closed");
    }

    private PathArgument ParsePath()
    {
        var start = pos;
        var depth = 0;
        char quote = '\0';
        for (; pos < text.Length; pos++)
        {
            var c = text[pos];
            if (quote != '\0')
            {
                if (c == '\\')
                {
                    pos++;
                }
                else if (c == quote)
                {
                    quote = '\0';
                }

                continue;
            }

            if (depth > 0 && c is '\'' or '"')
            {
                quote = c;
            }
            else if (c is '[' or '(')
            {
                depth++;
            }
            else if (c is ']')
            {
                depth--;
            }
            else if (c is ')')
            {
                if (depth == 0)
                {
                    break;
                }

                depth--;
            }
            else if (c == ',' && depth == 0)
            {
                break;
            }
        }

        var pathText = text[start..pos].TrimEnd();
        if (!JsonPathExpression.TryParse(pathText, out var path, out var error))
        {
            pos = start;
            throw Fail(error);
        }

        return new PathArgument(path);
    }

    private LiteralArgument ParseNumber()
    {
        var start = pos;
        if (text[pos] == '-')
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
            var value = JsonNode.Parse(number);
            if (value is JsonValue)
            {
                return new LiteralArgument(value, number, rawString: null);
            }
        }
        catch (System.Text.Json.JsonException)
        {
        }

        pos = start;
        throw Fail($"'{number}' is not a valid number");
    }
}
