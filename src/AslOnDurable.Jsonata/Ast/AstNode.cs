using System.Collections.Immutable;
using AslOnDurable.Jsonata.Evaluation;
using AslOnDurable.Jsonata.Functions;

namespace AslOnDurable.Jsonata.Ast;

/// <summary>
/// One node of a processed, immutable JSONata syntax tree. The members used depend on <see cref="Kind"/>;
/// a compiled tree is shared by all evaluations and threads.
/// </summary>
internal sealed class AstNode
{
    /// <summary>The node kind.</summary>
    public required NodeKind Kind { get; init; }

    /// <summary>The offset in the expression.</summary>
    public int Position { get; init; }

    /// <summary>Field name, variable name, or operator text.</summary>
    public string Name { get; init; } = string.Empty;

    /// <summary>The value of a literal (boxed double, string, boxed bool or <see cref="JNull"/>).</summary>
    public object? Literal { get; init; }

    /// <summary>The operator of a binary node.</summary>
    public BinaryOperator Operator { get; init; }

    /// <summary>Left operand, bound variable (bind) or chained value (apply).</summary>
    public AstNode? Lhs { get; init; }

    /// <summary>Right operand.</summary>
    public AstNode? Rhs { get; init; }

    /// <summary>Operand of unary minus.</summary>
    public AstNode? Expression { get; init; }

    /// <summary>Path steps.</summary>
    public ImmutableArray<AstNode> Steps { get; init; } = [];

    /// <summary>Items of an array constructor or block.</summary>
    public ImmutableArray<AstNode> Expressions { get; init; } = [];

    /// <summary>Object constructor pairs.</summary>
    public ImmutableArray<KeyValuePair<AstNode, AstNode>> Pairs { get; init; } = [];

    /// <summary>
    /// Whether every key of <see cref="Pairs"/> is a plain string literal and no two are the same (see
    /// <see cref="ObjectKeys"/>), found once when the tree is built rather than on every evaluation.
    /// </summary>
    public bool HasDistinctLiteralKeys { get; init; }

    /// <summary>Order-by terms.</summary>
    public ImmutableArray<SortTerm> Terms { get; init; } = [];

    /// <summary>Call arguments (placeholders included for partial application).</summary>
    public ImmutableArray<AstNode> Arguments { get; init; } = [];

    /// <summary>Lambda parameter names (without <c>$</c>).</summary>
    public ImmutableArray<string> Parameters { get; init; } = [];

    /// <summary>The invoked procedure.</summary>
    public AstNode? Procedure { get; init; }

    /// <summary>Lambda body.</summary>
    public AstNode? Body { get; init; }

    /// <summary>Lambda signature, if declared.</summary>
    public Signature? Signature { get; init; }

    /// <summary>Condition of a conditional.</summary>
    public AstNode? Condition { get; init; }

    /// <summary>Then-branch.</summary>
    public AstNode? Then { get; init; }

    /// <summary>Else-branch.</summary>
    public AstNode? Else { get; init; }

    /// <summary>Transform pattern.</summary>
    public AstNode? Pattern { get; init; }

    /// <summary>Transform update.</summary>
    public AstNode? Update { get; init; }

    /// <summary>Transform delete.</summary>
    public AstNode? Delete { get; init; }

    /// <summary>Predicates applied to a non-step expression.</summary>
    public ImmutableArray<AstNode> Predicates { get; init; } = [];

    /// <summary>Stages applied to a step.</summary>
    public ImmutableArray<Stage> Stages { get; init; } = [];

    /// <summary>Grouping applied to the result.</summary>
    public GroupSpec? Group { get; init; }

    /// <summary>The <c>[]</c> flag.</summary>
    public bool KeepArray { get; init; }

    /// <summary>Path: keep singleton arrays.</summary>
    public bool KeepSingletonArray { get; init; }

    /// <summary>An array constructor at the start or end of a path.</summary>
    public bool ConsArray { get; init; }

    /// <summary>The step/path produces a tuple stream.</summary>
    public bool Tuple { get; init; }

    /// <summary>Lambda is a tail-call thunk.</summary>
    public bool Thunk { get; init; }

    /// <summary>Focus variable name.</summary>
    public string? Focus { get; init; }

    /// <summary>Index variable name.</summary>
    public string? IndexVariable { get; init; }

    /// <summary>Tuple key under which the step records its parent.</summary>
    public string? AncestorLabel { get; init; }

    /// <summary>Tuple key a parent node reads.</summary>
    public string? ParentLabel { get; init; }

    /// <summary>
    /// Whether this is a path of plain field-name steps (optionally after a variable), without stages other than
    /// one number predicate (<c>items[0]</c>), bindings, grouping or array flags, which the evaluator can walk
    /// without building sequences.
    /// </summary>
    public bool IsSimpleChain { get; init; }

    /// <summary>The compiled regex of a regex literal.</summary>
    public RegexMatcher? Regex { get; init; }
}
