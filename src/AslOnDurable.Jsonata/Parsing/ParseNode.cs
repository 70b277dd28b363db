using AslOnDurable.Jsonata.Functions;

namespace AslOnDurable.Jsonata.Parsing;

/// <summary>
/// A mutable node used while parsing and post-processing; it is frozen into an immutable
/// <see cref="Ast.AstNode"/> before evaluation.
/// </summary>
internal sealed class ParseNode
{
    /// <summary>The symbol id: an operator, or (name), (literal), (regex), (end).</summary>
    public required string Id { get; set; }

    /// <summary>The node type, using the reference implementation's names.</summary>
    public string? Type { get; set; }

    /// <summary>The token text (name, operator, string literal).</summary>
    public string Text { get; set; } = string.Empty;

    /// <summary>The literal value for numbers and values.</summary>
    public object? Literal { get; set; }

    /// <summary>The offset in the expression.</summary>
    public int Position { get; set; }

    /// <summary>Regex flags.</summary>
    public string? Flags { get; set; }

    /// <summary>Left operand.</summary>
    public ParseNode? Lhs { get; set; }

    /// <summary>Right operand.</summary>
    public ParseNode? Rhs { get; set; }

    /// <summary>Operand of unary minus.</summary>
    public ParseNode? Expression { get; set; }

    /// <summary>Items of an array constructor or block.</summary>
    public List<ParseNode>? Expressions { get; set; }

    /// <summary>Key/value pairs of an object constructor.</summary>
    public List<KeyValuePair<ParseNode, ParseNode>>? Pairs { get; set; }

    /// <summary>Order-by terms.</summary>
    public List<KeyValuePair<ParseNode, bool>>? Terms { get; set; }

    /// <summary>Call arguments or lambda parameters.</summary>
    public List<ParseNode>? Arguments { get; set; }

    /// <summary>The invoked procedure.</summary>
    public ParseNode? Procedure { get; set; }

    /// <summary>Lambda body.</summary>
    public ParseNode? Body { get; set; }

    /// <summary>Lambda signature.</summary>
    public Signature? Signature { get; set; }

    /// <summary>Conditional parts.</summary>
    public ParseNode? Condition { get; set; }

    /// <summary>Conditional then-branch.</summary>
    public ParseNode? Then { get; set; }

    /// <summary>Conditional else-branch.</summary>
    public ParseNode? Else { get; set; }

    /// <summary>Transform pattern.</summary>
    public ParseNode? Pattern { get; set; }

    /// <summary>Transform update.</summary>
    public ParseNode? Update { get; set; }

    /// <summary>Transform delete.</summary>
    public ParseNode? Delete { get; set; }

    /// <summary>Path steps.</summary>
    public List<ParseNode>? Steps { get; set; }

    /// <summary>Predicates on a non-path expression.</summary>
    public List<ParseStage>? Predicate { get; set; }

    /// <summary>Stages on a step.</summary>
    public List<ParseStage>? Stages { get; set; }

    /// <summary>Grouping pairs.</summary>
    public List<KeyValuePair<ParseNode, ParseNode>>? Group { get; set; }

    /// <summary>Grouping position.</summary>
    public int GroupPosition { get; set; }

    /// <summary>The <c>[]</c> flag.</summary>
    public bool KeepArray { get; set; }

    /// <summary>Path flag: keep singleton arrays.</summary>
    public bool KeepSingletonArray { get; set; }

    /// <summary>Array constructor at the start or end of a path.</summary>
    public bool ConsArray { get; set; }

    /// <summary>Whether the step produces a tuple stream.</summary>
    public bool Tuple { get; set; }

    /// <summary>The focus variable (<c>@$v</c>).</summary>
    public string? Focus { get; set; }

    /// <summary>The index variable (<c>#$i</c>).</summary>
    public string? Index { get; set; }

    /// <summary>The ancestor slot this step records.</summary>
    public AncestorSlot? Ancestor { get; set; }

    /// <summary>The slot of a parent node.</summary>
    public AncestorSlot? Slot { get; set; }

    /// <summary>Unresolved parent references below this node.</summary>
    public List<AncestorSlot>? SeekingParent { get; set; }

    /// <summary>Whether a lambda is a tail-call thunk.</summary>
    public bool Thunk { get; set; }
}
