using System.Collections.Immutable;
using System.Globalization;

namespace AslOnDurable.Runtime.Integrations.DynamoDb;

/// <summary>
/// Parses DynamoDB's expression language: conditions (comparisons, BETWEEN, IN, AND/OR/NOT, parentheses,
/// <c>attribute_exists</c>, <c>attribute_not_exists</c>, <c>attribute_type</c>, <c>begins_with</c>, <c>contains</c>,
/// <c>size</c>), update expressions (SET with <c>+</c>/<c>-</c>, <c>if_not_exists</c>, <c>list_append</c>; REMOVE; ADD;
/// DELETE) and projections, resolving <c>#names</c> and <c>:values</c> through <see cref="ExpressionAttributes"/>.
/// </summary>
internal sealed class ExpressionParser
{
    private static readonly string[] ConditionFunctions = ["attribute_exists", "attribute_not_exists", "attribute_type", "begins_with", "contains"];
    private static readonly string[] Comparators = ["=", "<>", "<", "<=", ">", ">="];
    private readonly string text;
    private readonly string field;
    private readonly ExpressionAttributes attributes;
    private readonly List<ExpressionToken> tokens;
    private int position;

    private ExpressionParser(string text, string field, ExpressionAttributes attributes)
    {
        this.text = text;
        this.field = field;
        this.attributes = attributes;
        tokens = ExpressionLexer.Tokenize(text, field);
    }

    private ExpressionToken Current => tokens[position];

    /// <summary>Parses a condition.</summary>
    /// <param name="text">The expression.</param>
    /// <param name="field">The request field it came from (<c>ConditionExpression</c>, …).</param>
    /// <param name="attributes">The request's names and values.</param>
    /// <returns>The condition.</returns>
    public static Condition ParseCondition(string text, string field, ExpressionAttributes attributes)
    {
        ExpressionParser parser = new(text, field, attributes);
        Condition condition = parser.Or();
        parser.ExpectEnd();
        return condition;
    }

    /// <summary>Parses an update expression.</summary>
    /// <param name="text">The expression.</param>
    /// <param name="attributes">The request's names and values.</param>
    /// <returns>Its actions, in order.</returns>
    public static ImmutableArray<UpdateAction> ParseUpdate(string text, ExpressionAttributes attributes)
    {
        ExpressionParser parser = new(text, "UpdateExpression", attributes);
        var actions = ImmutableArray.CreateBuilder<UpdateAction>();
        HashSet<string> clauses = new(StringComparer.OrdinalIgnoreCase);
        while (parser.Current.Kind != ExpressionTokenKind.End)
        {
            ExpressionToken clause = parser.Current;
            if (!(clause.Kind == ExpressionTokenKind.Name && clause.Text.ToUpperInvariant() is "SET" or "REMOVE" or "ADD" or "DELETE"))
            {
                throw parser.Syntax();
            }

            if (!clauses.Add(clause.Text))
            {
                throw new DynamoDbRequestException($"Invalid UpdateExpression: The \"{clause.Text.ToUpperInvariant()}\" section can only be used once in an update expression;");
            }

            parser.position++;
            do
            {
                actions.Add(parser.Action(clause.Text.ToUpperInvariant()));
            }
            while (parser.Accept(","));
        }

        if (actions.Count == 0)
        {
            throw new DynamoDbRequestException("Invalid UpdateExpression: The expression can not be empty;");
        }

        for (int i = 0; i < actions.Count; i++)
        {
            for (int j = i + 1; j < actions.Count; j++)
            {
                if (actions[i].Path.Overlaps(actions[j].Path))
                {
                    throw new DynamoDbRequestException($"Invalid UpdateExpression: Two document paths overlap with each other; must remove or rewrite one of these paths; path one: [{actions[i].Path}], path two: [{actions[j].Path}]");
                }
            }
        }

        return actions.ToImmutable();
    }

    /// <summary>Parses a projection (<c>a, b.c, #n</c>).</summary>
    /// <param name="text">The expression.</param>
    /// <param name="attributes">The request's names and values.</param>
    /// <returns>The paths.</returns>
    public static ImmutableArray<DocumentPath> ParseProjection(string text, ExpressionAttributes attributes)
    {
        ExpressionParser parser = new(text, "ProjectionExpression", attributes);
        var paths = ImmutableArray.CreateBuilder<DocumentPath>();
        do
        {
            paths.Add(parser.Path());
        }
        while (parser.Accept(","));
        parser.ExpectEnd();
        return paths.ToImmutable();
    }

    private UpdateAction Action(string clause)
    {
        DocumentPath path = Path();
        switch (clause)
        {
            case "SET":
                Expect("=");
                Operand value = SetOperand();
                if (Current.Is("+") || Current.Is("-"))
                {
                    char op = Current.Text[0];
                    position++;
                    value = new Operand.ArithmeticOperand(value, op, SetOperand());
                }

                return new UpdateAction.Set(path, value);
            case "REMOVE":
                return new UpdateAction.Remove(path);
            case "ADD":
                return new UpdateAction.Add(path, ValueReference());
            default:
                return new UpdateAction.Delete(path, ValueReference());
        }
    }

    private Operand SetOperand()
    {
        if (Current.Kind == ExpressionTokenKind.Name && tokens[position + 1].Is("("))
        {
            string function = Current.Text;
            position += 2;
            Operand result;
            if (function == "if_not_exists")
            {
                DocumentPath path = Path();
                Expect(",");
                result = new Operand.IfNotExistsOperand(path, SetOperand());
            }
            else if (function == "list_append")
            {
                Operand first = SetOperand();
                Expect(",");
                result = new Operand.ListAppendOperand(first, SetOperand());
            }
            else
            {
                throw new DynamoDbRequestException($"Invalid UpdateExpression: Invalid function name; function: {function}");
            }

            Expect(")");
            return result;
        }

        return Current.Kind == ExpressionTokenKind.ValueReference
            ? new Operand.ValueOperand(ValueReference())
            : new Operand.PathOperand(Path());
    }

    private Condition Or()
    {
        Condition left = And();
        while (Accept("OR"))
        {
            left = new Condition.Or(left, And());
        }

        return left;
    }

    private Condition And()
    {
        Condition left = Not();
        while (Accept("AND"))
        {
            left = new Condition.And(left, Not());
        }

        return left;
    }

    private Condition Not() => Accept("NOT") ? new Condition.Not(Not()) : Primary();

    private Condition Primary()
    {
        if (Accept("("))
        {
            Condition inner = Or();
            Expect(")");
            return inner;
        }

        if (Current.Kind == ExpressionTokenKind.Name && tokens[position + 1].Is("(") && ConditionFunctions.Contains(Current.Text))
        {
            string function = Current.Text;
            position += 2;
            Operand subject = new Operand.PathOperand(Path());
            Operand? argument = null;
            if (function is not ("attribute_exists" or "attribute_not_exists"))
            {
                Expect(",");
                argument = ComparisonOperand();
            }

            Expect(")");
            return new Condition.Function(function, subject, argument);
        }

        Operand left = ComparisonOperand();
        if (Accept("BETWEEN"))
        {
            Operand low = ComparisonOperand();
            Expect("AND");
            return new Condition.Between(left, low, ComparisonOperand());
        }

        if (Accept("IN"))
        {
            Expect("(");
            var candidates = ImmutableArray.CreateBuilder<Operand>();
            do
            {
                candidates.Add(ComparisonOperand());
            }
            while (Accept(","));
            Expect(")");
            return new Condition.In(left, candidates.ToImmutable());
        }

        string comparator = Current.Text;
        if (Current.Kind != ExpressionTokenKind.Symbol || !Comparators.Contains(comparator))
        {
            throw Syntax();
        }

        position++;
        return new Condition.Comparison(left, comparator, ComparisonOperand());
    }

    private Operand ComparisonOperand()
    {
        if (Current.Kind == ExpressionTokenKind.ValueReference)
        {
            return new Operand.ValueOperand(ValueReference());
        }

        if (Current.Is("size") && tokens[position + 1].Is("("))
        {
            position += 2;
            DocumentPath path = Path();
            Expect(")");
            return new Operand.SizeOperand(path);
        }

        return new Operand.PathOperand(Path());
    }

    private DocumentPath Path()
    {
        var segments = ImmutableArray.CreateBuilder<object>();
        segments.Add(PathName());
        while (true)
        {
            if (Accept("."))
            {
                segments.Add(PathName());
            }
            else if (Accept("["))
            {
                if (Current.Kind != ExpressionTokenKind.Number)
                {
                    throw Syntax();
                }

                segments.Add(int.Parse(Current.Text, CultureInfo.InvariantCulture));
                position++;
                Expect("]");
            }
            else
            {
                return new DocumentPath(segments.ToImmutable());
            }
        }
    }

    private string PathName()
    {
        ExpressionToken token = Current;
        position++;
        return token.Kind switch
        {
            ExpressionTokenKind.NameReference => attributes.Name(token.Text),
            ExpressionTokenKind.Name when !ExpressionKeywords.IsReserved(token.Text) => token.Text,
            ExpressionTokenKind.Name => throw new DynamoDbRequestException(
                $"Invalid {field}: Attribute name is a reserved keyword; reserved keyword: {token.Text}"),
            _ => throw ExpressionLexer.Syntax(field, text, token.Position),
        };
    }

    private System.Text.Json.Nodes.JsonNode ValueReference()
    {
        ExpressionToken token = Current;
        if (token.Kind != ExpressionTokenKind.ValueReference)
        {
            throw Syntax();
        }

        position++;
        return attributes.Value(token.Text);
    }

    private bool Accept(string symbol)
    {
        if (Current.Is(symbol))
        {
            position++;
            return true;
        }

        return false;
    }

    private void Expect(string symbol)
    {
        if (!Accept(symbol))
        {
            throw Syntax();
        }
    }

    private void ExpectEnd()
    {
        if (Current.Kind != ExpressionTokenKind.End)
        {
            throw Syntax();
        }
    }

    private DynamoDbRequestException Syntax() => ExpressionLexer.Syntax(field, text, Current.Position);
}
