namespace AslOnDurable.Runtime.Integrations.DynamoDb;

/// <summary>Splits a DynamoDB condition, key condition, update or projection expression into tokens.</summary>
internal static class ExpressionLexer
{
    /// <summary>Tokenizes an expression.</summary>
    /// <param name="text">The expression.</param>
    /// <param name="field">The request field (for messages).</param>
    /// <returns>The tokens, ending with <see cref="ExpressionTokenKind.End"/>.</returns>
    public static List<ExpressionToken> Tokenize(string text, string field)
    {
        List<ExpressionToken> tokens = [];
        int i = 0;
        while (i < text.Length)
        {
            char c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }

            int start = i;
            if (c is '#' or ':' || char.IsAsciiLetter(c) || c == '_')
            {
                i++;
                while (i < text.Length && (char.IsAsciiLetterOrDigit(text[i]) || text[i] == '_'))
                {
                    i++;
                }

                ExpressionTokenKind kind = c switch { '#' => ExpressionTokenKind.NameReference, ':' => ExpressionTokenKind.ValueReference, _ => ExpressionTokenKind.Name };
                if (i - start == 1 && kind != ExpressionTokenKind.Name)
                {
                    throw Syntax(field, text, start);
                }

                tokens.Add(new(kind, text[start..i], start));
            }
            else if (char.IsAsciiDigit(c))
            {
                while (i < text.Length && char.IsAsciiDigit(text[i]))
                {
                    i++;
                }

                tokens.Add(new(ExpressionTokenKind.Number, text[start..i], start));
            }
            else if (i + 1 < text.Length && text.Substring(i, 2) is "<=" or ">=" or "<>")
            {
                tokens.Add(new(ExpressionTokenKind.Symbol, text.Substring(i, 2), start));
                i += 2;
            }
            else if (c is '=' or '<' or '>' or '(' or ')' or '[' or ']' or ',' or '.' or '+' or '-')
            {
                tokens.Add(new(ExpressionTokenKind.Symbol, c.ToString(), start));
                i++;
            }
            else
            {
                throw Syntax(field, text, start);
            }
        }

        tokens.Add(new(ExpressionTokenKind.End, string.Empty, text.Length));
        return tokens;
    }

    /// <summary>DynamoDB's syntax error.</summary>
    public static DynamoDbRequestException Syntax(string field, string text, int position)
    {
        string near = position >= text.Length ? "<EOF>" : text[position..Math.Min(text.Length, position + 10)];
        return new DynamoDbRequestException($"Invalid {field}: Syntax error; token: \"{near}\", near: \"{text[Math.Max(0, position - 5)..Math.Min(text.Length, position + 5)]}\"");
    }
}
