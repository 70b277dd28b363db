using AslOnDurable.Jsonata.Ast;
using AslOnDurable.Jsonata.Functions;

namespace AslOnDurable.Jsonata.Evaluation;

/// <summary>A user-defined function closed over its defining scope and context.</summary>
internal sealed class Lambda(AstNode node, object? input, Frame environment) : Callable
{
    /// <summary>The lambda node (parameters, signature, body).</summary>
    public AstNode Node { get; } = node;

    /// <summary>The context value at the definition site.</summary>
    public object? Input { get; } = input;

    /// <summary>The defining scope.</summary>
    public Frame Environment { get; } = environment;

    /// <inheritdoc />
    public override int Arity => Node.Parameters.Length;

    /// <inheritdoc />
    public override Signature? Signature => Node.Signature;
}
