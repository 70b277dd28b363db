using System.Collections.Immutable;

namespace AslOnDurable.Jsonata;

/// <summary>
/// What a compiled expression reads, found without evaluating it (see <see cref="JsonataExpression.Analyze"/>).
/// </summary>
/// <remarks>
/// AWS Step Functions evaluates workflow expressions with no input context (the input arrives as
/// <c>$states.input</c>) and refuses a definition whose expression reads the context at the top level with
/// <c>UNSUPPORTED_JSONATA_EXPRESSION</c>; <see cref="TopLevelReferences"/> lists those reads, and
/// <see cref="FreeVariables"/> the variables the expression expects its caller to bind.
/// </remarks>
public sealed class JsonataAnalysis
{
    internal JsonataAnalysis(
        ImmutableArray<string> freeVariables,
        ImmutableArray<JsonataTopLevelReference> topLevelReferences,
        bool readsContext,
        bool readsRoot)
    {
        FreeVariables = freeVariables;
        TopLevelReferences = topLevelReferences;
        ReadsContext = readsContext;
        ReadsRoot = readsRoot;
    }

    /// <summary>
    /// The variables read but not bound by the expression (names without <c>$</c>, distinct, in the order first
    /// written): not bound by <c>:=</c>, a lambda parameter, a focus (<c>@$x</c>) or index (<c>#$i</c>) binding,
    /// and not a function of the environment's library. <c>$</c> and <c>$$</c> are not included.
    /// </summary>
    /// <remarks>
    /// The analysis leans towards "bound": a <c>:=</c> binding counts from where it is written to the end of its
    /// block, a focus or index binding for the whole enclosing block, and inside a lambda body every binding of the
    /// enclosing blocks counts wherever it is written (a lambda runs when called, possibly after later bindings).
    /// </remarks>
    public ImmutableArray<string> FreeVariables { get; }

    /// <summary>
    /// The reads of the input context at the top level, distinct and in the order written: a path's first step when
    /// it is a field name, <c>$</c> or <c>$$</c>, found through operators, function arguments, array and object
    /// constructors (keys included), blocks, conditions, <c>:=</c> values and lambda bodies. Later path steps,
    /// predicates, sort terms, grouping, transforms and descendant or wildcard steps read some other context and
    /// are not listed.
    /// </summary>
    /// <remarks>
    /// These are the positions AWS Step Functions checks: a lambda body keeps the context of the expression that
    /// defines it, so <c>$map($states.input.a, function($v){ b })</c> reads <c>b</c> at the top level.
    /// </remarks>
    public ImmutableArray<JsonataTopLevelReference> TopLevelReferences { get; }

    /// <summary>Whether the expression reads anything from the input context at the top level.</summary>
    public bool ReferencesTopLevelContext => !TopLevelReferences.IsEmpty;

    /// <summary>Whether <c>$</c> (the context item) appears anywhere, at the top level or not.</summary>
    public bool ReadsContext { get; }

    /// <summary>Whether <c>$$</c> (the root of the input) appears anywhere, at the top level or not.</summary>
    public bool ReadsRoot { get; }
}
