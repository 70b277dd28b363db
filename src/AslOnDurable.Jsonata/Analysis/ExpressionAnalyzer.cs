using System.Collections.Immutable;
using AslOnDurable.Jsonata.Ast;
using AslOnDurable.Jsonata.Functions;

namespace AslOnDurable.Jsonata.Analysis;

/// <summary>Walks a compiled syntax tree once for its free variables and once for its top-level context reads.</summary>
internal sealed class ExpressionAnalyzer
{
    private readonly List<(string Name, AnalysisScope? Scope)> reads = [];
    private readonly List<JsonataTopLevelReference> topLevel = [];
    private bool readsContext;
    private bool readsRoot;

    /// <summary>Analyzes <paramref name="root"/>; names <paramref name="library"/> defines are functions, not variables.</summary>
    public static JsonataAnalysis Analyze(AstNode root, FunctionLibrary library)
    {
        var analyzer = new ExpressionAnalyzer();
        analyzer.Walk(root, new AnalysisScope(null), inLambda: false);
        var free = new List<string>();
        foreach (var (name, scope) in analyzer.reads)
        {
            if ((scope is null || !scope.Binds(name)) && !library.Contains(name) && !free.Contains(name))
            {
                free.Add(name);
            }
        }

        analyzer.TopLevel(root);
        return new JsonataAnalysis([.. free], [.. analyzer.topLevel.Distinct()], analyzer.readsContext, analyzer.readsRoot);
    }

    private void Walk(AstNode? node, AnalysisScope scope, bool inLambda)
    {
        if (node is null)
        {
            return;
        }

        switch (node.Kind)
        {
            case NodeKind.Path:
                BindPathVariables(node, scope);
                foreach (var step in node.Steps)
                {
                    Walk(step, scope, inLambda);
                }

                break;
            case NodeKind.Variable:
                Read(node.Name, scope, inLambda);
                break;
            case NodeKind.Bind:
                Walk(node.Rhs, scope, inLambda);
                scope.Bind(node.Lhs!.Name);
                break;
            case NodeKind.Block:
                var block = new AnalysisScope(scope);
                foreach (var expression in node.Expressions)
                {
                    Walk(expression, block, inLambda);
                }

                break;
            case NodeKind.Lambda:
                var lambda = new AnalysisScope(scope);
                foreach (var parameter in node.Parameters)
                {
                    lambda.Bind(parameter);
                }

                Walk(node.Body, lambda, inLambda: true);
                break;
            case NodeKind.Binary:
            case NodeKind.Apply:
                Walk(node.Lhs, scope, inLambda);
                Walk(node.Rhs, scope, inLambda);
                break;
            case NodeKind.Negate:
                Walk(node.Expression, scope, inLambda);
                break;
            case NodeKind.ArrayConstructor:
                WalkAll(node.Expressions, scope, inLambda);
                break;
            case NodeKind.ObjectConstructor:
                WalkPairs(node.Pairs, scope, inLambda);
                break;
            case NodeKind.Function:
            case NodeKind.Partial:
                Walk(node.Procedure, scope, inLambda);
                WalkAll(node.Arguments, scope, inLambda);
                break;
            case NodeKind.Condition:
                Walk(node.Condition, scope, inLambda);
                Walk(node.Then, scope, inLambda);
                Walk(node.Else, scope, inLambda);
                break;
            case NodeKind.Transform:
                Walk(node.Pattern, scope, inLambda);
                Walk(node.Update, scope, inLambda);
                Walk(node.Delete, scope, inLambda);
                break;
            case NodeKind.Sort:
                foreach (var term in node.Terms)
                {
                    Walk(term.Expression, scope, inLambda);
                }

                break;
        }

        foreach (var stage in node.Stages)
        {
            Walk(stage.Filter, scope, inLambda);
        }

        WalkAll(node.Predicates, scope, inLambda);
        if (node.Group is { } group)
        {
            WalkPairs(group.Pairs, scope, inLambda);
        }
    }

    private static void BindPathVariables(AstNode path, AnalysisScope scope)
    {
        foreach (var step in path.Steps)
        {
            if (step.Focus is { } focus)
            {
                scope.Bind(focus);
            }

            if (step.IndexVariable is { } index)
            {
                scope.Bind(index);
            }

            foreach (var stage in step.Stages)
            {
                if (stage.IndexVariable is { } stageIndex)
                {
                    scope.Bind(stageIndex);
                }
            }
        }
    }

    private void Read(string name, AnalysisScope scope, bool inLambda)
    {
        if (name.Length == 0)
        {
            readsContext = true;
        }
        else if (name == "$")
        {
            readsRoot = true;
        }
        else if (inLambda)
        {
            // Resolved once the walk is over: a lambda runs when called, after bindings written later.
            reads.Add((name, scope));
        }
        else
        {
            // Resolved now, against the bindings written so far; null marks "unbound here".
            reads.Add((name, scope.Binds(name) ? scope : null));
        }
    }

    private void WalkAll(ImmutableArray<AstNode> nodes, AnalysisScope scope, bool inLambda)
    {
        foreach (var node in nodes)
        {
            Walk(node, scope, inLambda);
        }
    }

    private void WalkPairs(ImmutableArray<KeyValuePair<AstNode, AstNode>> pairs, AnalysisScope scope, bool inLambda)
    {
        foreach (var (key, value) in pairs)
        {
            Walk(key, scope, inLambda);
            Walk(value, scope, inLambda);
        }
    }

    /// <summary>
    /// Collects the reads evaluated against the expression's own context: only a path's first step is, while its
    /// later steps, predicates, stages, sort terms and grouping run against what the step before produced.
    /// </summary>
    private void TopLevel(AstNode? node)
    {
        if (node is null)
        {
            return;
        }

        switch (node.Kind)
        {
            case NodeKind.Path:
                if (!node.Steps.IsEmpty)
                {
                    TopLevel(node.Steps[0]);
                }

                break;
            case NodeKind.Name:
                topLevel.Add(new JsonataTopLevelReference(JsonataReferenceKind.Field, node.Name));
                break;
            case NodeKind.Variable when node.Name.Length == 0:
                topLevel.Add(new JsonataTopLevelReference(JsonataReferenceKind.Context, "$"));
                break;
            case NodeKind.Variable when node.Name == "$":
                topLevel.Add(new JsonataTopLevelReference(JsonataReferenceKind.Root, "$$"));
                break;
            case NodeKind.Binary:
            case NodeKind.Apply:
                TopLevel(node.Lhs);
                TopLevel(node.Rhs);
                break;
            case NodeKind.Bind:
                TopLevel(node.Rhs);
                break;
            case NodeKind.Negate:
                TopLevel(node.Expression);
                break;
            case NodeKind.ArrayConstructor:
            case NodeKind.Block:
                foreach (var expression in node.Expressions)
                {
                    TopLevel(expression);
                }

                break;
            case NodeKind.ObjectConstructor:
                foreach (var (key, value) in node.Pairs)
                {
                    TopLevel(key);
                    TopLevel(value);
                }

                break;
            case NodeKind.Function:
            case NodeKind.Partial:
                TopLevel(node.Procedure);
                foreach (var argument in node.Arguments)
                {
                    TopLevel(argument);
                }

                break;
            case NodeKind.Lambda:
                TopLevel(node.Body);
                break;
            case NodeKind.Condition:
                TopLevel(node.Condition);
                TopLevel(node.Then);
                TopLevel(node.Else);
                break;
        }
    }
}
