using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using AslOnDurable.Jsonata.Ast;
using AslOnDurable.Jsonata.Evaluation;

namespace AslOnDurable.Jsonata.Parsing;

/// <summary>Freezes a processed <see cref="ParseNode"/> tree into immutable <see cref="AstNode"/>s.</summary>
internal static class AstBuilder
{
    /// <summary>Converts <paramref name="n"/> and its descendants.</summary>
    public static AstNode Build(ParseNode n)
    {
        if (!RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            throw new JsonataException("U1001", n.Position, n.Text);
        }

        var kind = KindOf(n);
        var steps = BuildAll(n.Type == "path" ? n.Steps : null);
        var pairs = kind == NodeKind.ObjectConstructor ? BuildPairs(n.Pairs) : [];
        return new AstNode
        {
            IsSimpleChain = kind == NodeKind.Path && IsSimpleChain(n, steps),
            Kind = kind,
            Position = n.Position,
            Name = kind == NodeKind.Name ? KeyNames.Register(n.Text) : n.Text,
            Literal = kind switch
            {
                NodeKind.String => KeyNames.Register(n.Text),
                NodeKind.Number or NodeKind.Value => n.Literal,
                _ => null,
            },
            Operator = kind == NodeKind.Binary ? OperatorOf(n.Id) : default,
            Lhs = n.Type == "apply" ? Build(n.Lhs!) : n.Type == "bind" ? Build(n.Lhs!) : kind == NodeKind.Binary ? Build(n.Lhs!) : null,
            Rhs = n.Type is "apply" or "bind" || kind == NodeKind.Binary ? Build(n.Rhs!) : null,
            Expression = kind == NodeKind.Negate ? Build(n.Expression!) : null,
            Steps = steps,
            Expressions = BuildAll(n.Type is "block" || kind == NodeKind.ArrayConstructor ? n.Expressions : null),
            Pairs = pairs,
            HasDistinctLiteralKeys = ObjectKeys.AreDistinctLiterals(pairs),
            Terms = n.Type == "sort" ? [.. n.Terms!.Select(t => new SortTerm(Build(t.Key), t.Value))] : [],
            Arguments = kind is NodeKind.Function or NodeKind.Partial ? BuildAll(n.Arguments) : [],
            Parameters = kind == NodeKind.Lambda ? [.. n.Arguments!.Select(a => a.Text)] : [],
            Procedure = n.Procedure is null ? null : Build(n.Procedure),
            Body = n.Body is null ? null : Build(n.Body),
            Signature = n.Signature,
            Condition = n.Condition is null ? null : Build(n.Condition),
            Then = n.Then is null ? null : Build(n.Then),
            Else = n.Else is null ? null : Build(n.Else),
            Pattern = n.Pattern is null ? null : Build(n.Pattern),
            Update = n.Update is null ? null : Build(n.Update),
            Delete = n.Delete is null ? null : Build(n.Delete),
            Predicates = n.Predicate is null ? [] : [.. n.Predicate.Select(p => Build(p.Filter!))],
            Stages = n.Stages is null ? [] : [.. n.Stages.Select(s => new Stage(s.Filter is null ? null : Build(s.Filter), s.IndexVariable, s.Position))],
            Group = n.Group is null ? null : new GroupSpec(BuildPairs(n.Group), n.GroupPosition),
            KeepArray = n.KeepArray,
            KeepSingletonArray = n.KeepSingletonArray,
            ConsArray = n.ConsArray,
            Tuple = n.Tuple,
            Thunk = n.Thunk,
            Focus = n.Focus,
            IndexVariable = n.Index,
            AncestorLabel = n.Ancestor?.Label,
            ParentLabel = n.Slot?.Label,
            Regex = kind == NodeKind.Regex ? new RegexMatcher(n.Text, n.Flags ?? string.Empty, n.Position) : null,
        };
    }

    private static bool IsSimpleChain(ParseNode path, ImmutableArray<AstNode> steps)
    {
        if (steps.IsEmpty || path.Group is not null || path.KeepSingletonArray || path.KeepArray || path.Tuple)
        {
            return false;
        }

        for (var i = 0; i < steps.Length; i++)
        {
            var step = steps[i];
            var plainKind = step.Kind == NodeKind.Name || (i == 0 && step.Kind == NodeKind.Variable);
            var indexOnly = step.Stages.IsEmpty || (step.Kind == NodeKind.Name && IsConstantIndex(step.Stages));
            if (!plainKind || !indexOnly || !step.Predicates.IsEmpty || step.Tuple || step.Group is not null
                || step.KeepArray || step.ConsArray || step.Focus is not null || step.IndexVariable is not null || step.AncestorLabel is not null)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether the stages are one number predicate (<c>items[0]</c>, <c>items[-1]</c>).</summary>
    private static bool IsConstantIndex(ImmutableArray<Stage> stages) =>
        stages.Length == 1 && stages[0].Filter is { Kind: NodeKind.Number, Predicates.IsEmpty: true, Stages.IsEmpty: true, Group: null };

    private static ImmutableArray<AstNode> BuildAll(List<ParseNode>? nodes)
    {
        if (nodes is null)
        {
            return [];
        }

        var builder = ImmutableArray.CreateBuilder<AstNode>(nodes.Count);
        foreach (var n in nodes)
        {
            builder.Add(Build(n));
        }

        return builder.MoveToImmutable();
    }

    private static ImmutableArray<KeyValuePair<AstNode, AstNode>> BuildPairs(List<KeyValuePair<ParseNode, ParseNode>>? pairs)
    {
        if (pairs is null)
        {
            return [];
        }

        var builder = ImmutableArray.CreateBuilder<KeyValuePair<AstNode, AstNode>>(pairs.Count);
        foreach (var p in pairs)
        {
            builder.Add(new KeyValuePair<AstNode, AstNode>(Build(p.Key), Build(p.Value)));
        }

        return builder.MoveToImmutable();
    }

    private static NodeKind KindOf(ParseNode n) => n.Type switch
    {
        "path" => NodeKind.Path,
        "binary" => NodeKind.Binary,
        "unary" => n.Id switch
        {
            "[" => NodeKind.ArrayConstructor,
            "{" => NodeKind.ObjectConstructor,
            _ => NodeKind.Negate,
        },
        "name" => NodeKind.Name,
        "string" => NodeKind.String,
        "number" => NodeKind.Number,
        "value" => NodeKind.Value,
        "wildcard" => NodeKind.Wildcard,
        "descendant" => NodeKind.Descendant,
        "parent" => NodeKind.Parent,
        "condition" => NodeKind.Condition,
        "block" => NodeKind.Block,
        "bind" => NodeKind.Bind,
        "regex" => NodeKind.Regex,
        "function" => NodeKind.Function,
        "partial" => NodeKind.Partial,
        "operator" => NodeKind.Placeholder,
        "variable" => NodeKind.Variable,
        "lambda" => NodeKind.Lambda,
        "apply" => NodeKind.Apply,
        "transform" => NodeKind.Transform,
        "sort" => NodeKind.Sort,
        _ => throw new JsonataException("S0206", n.Position, n.Text),
    };

    private static BinaryOperator OperatorOf(string op) => op switch
    {
        "+" => BinaryOperator.Add,
        "-" => BinaryOperator.Subtract,
        "*" => BinaryOperator.Multiply,
        "/" => BinaryOperator.Divide,
        "%" => BinaryOperator.Modulo,
        "=" => BinaryOperator.Equal,
        "!=" => BinaryOperator.NotEqual,
        "<" => BinaryOperator.Less,
        "<=" => BinaryOperator.LessOrEqual,
        ">" => BinaryOperator.Greater,
        ">=" => BinaryOperator.GreaterOrEqual,
        "&" => BinaryOperator.Concat,
        "and" => BinaryOperator.And,
        "or" => BinaryOperator.Or,
        ".." => BinaryOperator.Range,
        "in" => BinaryOperator.In,
        _ => throw new JsonataException("S0201", -1, op),
    };
}
