using System.Collections.Frozen;
using System.Runtime.CompilerServices;
using AslOnDurable.Jsonata.Functions;
using AslOnDurable.Jsonata.Lexing;

namespace AslOnDurable.Jsonata.Parsing;

/// <summary>
/// A Pratt (top-down operator precedence) parser for JSONata producing a <see cref="ParseNode"/> tree,
/// followed by the post-processing pass that turns it into paths, steps and stages.
/// </summary>
internal sealed partial class Parser
{
    private static readonly FrozenDictionary<string, int> BindingPowers = new Dictionary<string, int>
    {
        ["."] = 75, ["["] = 80, ["{"] = 70, ["("] = 80, ["@"] = 80, ["#"] = 80, ["?"] = 20,
        ["+"] = 50, ["-"] = 50, ["*"] = 60, ["/"] = 60, ["%"] = 60, ["="] = 40, ["<"] = 40, [">"] = 40,
        ["^"] = 40, ["!="] = 40, ["<="] = 40, [">="] = 40, ["~>"] = 40, ["and"] = 30, ["or"] = 25,
        ["in"] = 40, ["&"] = 50, [":="] = 10,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FrozenSet<string> KnownSymbols = new[]
    {
        ".", "[", "]", "{", "}", "(", ")", ",", "@", "#", ";", ":", "?", "+", "-", "*", "/", "%", "|",
        "=", "<", ">", "^", "**", "..", ":=", "!=", "<=", ">=", "~>", "and", "or", "in", "&",
    }.ToFrozenSet(StringComparer.Ordinal);

    private readonly string source;
    private readonly Lexer lexer;
    private ParseNode node = new() { Id = "(end)" };

    private Parser(string source)
    {
        this.source = source;
        lexer = new Lexer(source);
    }

    /// <summary>Parses and post-processes <paramref name="source"/>.</summary>
    public static ParseNode Parse(string source)
    {
        var parser = new Parser(source);
        parser.Advance(null, false);
        var expr = parser.Expression(0);
        if (parser.node.Id != "(end)")
        {
            throw new JsonataException("S0201", parser.node.Position, parser.node.Text);
        }

        expr = parser.ProcessAst(expr);
        if (expr.Type == "parent" || expr.SeekingParent is not null)
        {
            throw new JsonataException("S0217", expr.Position, expr.Type);
        }

        return expr;
    }

    private static int Lbp(ParseNode n) => BindingPowers.TryGetValue(n.Id, out var bp) ? bp : 0;

    private ParseNode Advance(string? id, bool infix)
    {
        if (id is not null && node.Id != id)
        {
            var code = node.Id == "(end)" ? "S0203" : "S0202";
            throw new JsonataException(code, node.Position, node.Text).WithValue(id);
        }

        var token = lexer.Next(infix);
        if (token is null)
        {
            node = new ParseNode { Id = "(end)", Position = source.Length, Text = "(end)" };
            return node;
        }

        string symbolId;
        string type;
        switch (token.Type)
        {
            case TokenType.Name:
                symbolId = "(name)";
                type = "name";
                break;
            case TokenType.Variable:
                symbolId = "(name)";
                type = "variable";
                break;
            case TokenType.Operator:
                if (!KnownSymbols.Contains(token.Text))
                {
                    throw new JsonataException("S0204", token.Position, token.Text);
                }

                symbolId = token.Text;
                type = "operator";
                break;
            case TokenType.String:
                symbolId = "(literal)";
                type = "string";
                break;
            case TokenType.Number:
                symbolId = "(literal)";
                type = "number";
                break;
            case TokenType.Value:
                symbolId = "(literal)";
                type = "value";
                break;
            default:
                symbolId = "(regex)";
                type = "regex";
                break;
        }

        node = new ParseNode
        {
            Id = symbolId,
            Type = type,
            Text = token.Text,
            Literal = token.Literal,
            Position = token.Position,
            Flags = token.Flags,
        };
        return node;
    }

    private ParseNode Expression(int rbp)
    {
        if (!RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            // A pathologically nested expression: refuse it rather than overflow the stack.
            throw new JsonataException("U1001", node.Position, node.Text);
        }

        var t = node;
        Advance(null, true);
        var left = Nud(t);
        while (rbp < Lbp(node))
        {
            t = node;
            Advance(null, false);
            left = Led(t, left);
        }

        return left;
    }

    private ParseNode Nud(ParseNode t)
    {
        switch (t.Id)
        {
            case "(name)":
            case "(literal)":
            case "(regex)":
            case "(end)":
            case "and":
            case "or":
            case "in":
                return t;
            case "-":
                t.Expression = Expression(70);
                t.Type = "unary";
                return t;
            case "*":
                t.Type = "wildcard";
                return t;
            case "**":
                t.Type = "descendant";
                return t;
            case "%":
                t.Type = "parent";
                return t;
            case "(":
                return Block(t);
            case "[":
                return ArrayConstructor(t);
            case "{":
                return ObjectConstructor(t, null);
            case "|":
                t.Type = "transform";
                t.Pattern = Expression(0);
                Advance("|", false);
                t.Update = Expression(0);
                if (node.Id == ",")
                {
                    Advance(",", false);
                    t.Delete = Expression(0);
                }

                Advance("|", false);
                return t;
            default:
                throw new JsonataException("S0211", t.Position, t.Text);
        }
    }

    private ParseNode Led(ParseNode t, ParseNode left)
    {
        switch (t.Id)
        {
            case "(":
                return FunctionCall(t, left);
            case "[":
                return Filter(t, left);
            case "^":
                return OrderBy(t, left);
            case "{":
                return ObjectConstructor(t, left);
            case ":=":
                if (left.Type != "variable")
                {
                    throw new JsonataException("S0212", left.Position, left.Text);
                }

                t.Lhs = left;
                t.Rhs = Expression(BindingPowers[":="] - 1);
                t.Type = "binary";
                return t;
            case "@":
            case "#":
                t.Lhs = left;
                t.Rhs = Expression(80);
                if (t.Rhs.Type != "variable")
                {
                    throw new JsonataException("S0214", t.Rhs.Position, t.Id);
                }

                t.Type = "binary";
                return t;
            case "?":
                t.Type = "condition";
                t.Condition = left;
                t.Then = Expression(0);
                if (node.Id == ":")
                {
                    Advance(":", false);
                    t.Else = Expression(0);
                }

                return t;
            default:
                t.Lhs = left;
                t.Rhs = Expression(Lbp(t));
                t.Type = "binary";
                return t;
        }
    }

    private ParseNode FunctionCall(ParseNode t, ParseNode left)
    {
        t.Procedure = left;
        t.Type = "function";
        t.Arguments = [];
        if (node.Id != ")")
        {
            while (true)
            {
                if (node.Type == "operator" && node.Id == "?")
                {
                    t.Type = "partial";
                    t.Arguments.Add(node);
                    Advance("?", false);
                }
                else
                {
                    t.Arguments.Add(Expression(0));
                }

                if (node.Id != ",")
                {
                    break;
                }

                Advance(",", false);
            }
        }

        Advance(")", true);
        if (left.Type == "name" && (left.Text == "function" || left.Text == "\u03BB"))
        {
            for (var i = 0; i < t.Arguments.Count; i++)
            {
                var arg = t.Arguments[i];
                if (arg.Type != "variable")
                {
                    throw new JsonataException("S0208", arg.Position, arg.Text).WithValue((double)(i + 1));
                }
            }

            t.Type = "lambda";
            if (node.Id == "<")
            {
                var sigPos = node.Position;
                var depth = 1;
                var sig = "<";
                while (depth > 0 && node.Id != "{" && node.Id != "(end)")
                {
                    var tok = Advance(null, false);
                    if (tok.Id == ">")
                    {
                        depth--;
                    }
                    else if (tok.Id == "<")
                    {
                        depth++;
                    }

                    sig += tok.Text;
                }

                Advance(">", false);
                try
                {
                    t.Signature = Signature.Parse(sig);
                }
                catch (JsonataException e)
                {
                    e.Position = sigPos + e.Position;
                    throw;
                }
            }

            Advance("{", false);
            t.Body = Expression(0);
            Advance("}", false);
        }

        return t;
    }

    private ParseNode Block(ParseNode t)
    {
        var expressions = new List<ParseNode>();
        while (node.Id != ")")
        {
            expressions.Add(Expression(0));
            if (node.Id != ";")
            {
                break;
            }

            Advance(";", false);
        }

        Advance(")", true);
        t.Type = "block";
        t.Expressions = expressions;
        return t;
    }

    private ParseNode ArrayConstructor(ParseNode t)
    {
        var items = new List<ParseNode>();
        if (node.Id != "]")
        {
            while (true)
            {
                var item = Expression(0);
                if (node.Id == "..")
                {
                    var range = new ParseNode { Id = "..", Type = "binary", Text = "..", Position = node.Position, Lhs = item };
                    Advance("..", false);
                    range.Rhs = Expression(0);
                    item = range;
                }

                items.Add(item);
                if (node.Id != ",")
                {
                    break;
                }

                Advance(",", false);
            }
        }

        Advance("]", true);
        t.Expressions = items;
        t.Type = "unary";
        return t;
    }

    private ParseNode Filter(ParseNode t, ParseNode left)
    {
        if (node.Id == "]")
        {
            var step = left;
            while (step.Type == "binary" && step.Id == "[")
            {
                step = step.Lhs!;
            }

            step.KeepArray = true;
            Advance("]", false);
            return left;
        }

        t.Lhs = left;
        t.Rhs = Expression(0);
        t.Type = "binary";
        Advance("]", true);
        return t;
    }

    private ParseNode OrderBy(ParseNode t, ParseNode left)
    {
        Advance("(", false);
        var terms = new List<KeyValuePair<ParseNode, bool>>();
        while (true)
        {
            var descending = false;
            if (node.Id == "<")
            {
                Advance("<", false);
            }
            else if (node.Id == ">")
            {
                descending = true;
                Advance(">", false);
            }

            terms.Add(new KeyValuePair<ParseNode, bool>(Expression(0), descending));
            if (node.Id != ",")
            {
                break;
            }

            Advance(",", false);
        }

        Advance(")", false);
        t.Lhs = left;
        t.Terms = terms;
        t.Type = "binary";
        return t;
    }

    private ParseNode ObjectConstructor(ParseNode t, ParseNode? left)
    {
        var pairs = new List<KeyValuePair<ParseNode, ParseNode>>();
        if (node.Id != "}")
        {
            while (true)
            {
                var n = Expression(0);
                Advance(":", false);
                var v = Expression(0);
                pairs.Add(new KeyValuePair<ParseNode, ParseNode>(n, v));
                if (node.Id != ",")
                {
                    break;
                }

                Advance(",", false);
            }
        }

        Advance("}", true);
        t.Pairs = pairs;
        if (left is null)
        {
            t.Type = "unary";
        }
        else
        {
            t.Lhs = left;
            t.Type = "binary";
        }

        return t;
    }
}
