namespace AslOnDurable.Jsonata.Ast;

/// <summary>The kinds of node in a processed JSONata syntax tree.</summary>
internal enum NodeKind
{
    /// <summary>A location path: a list of steps.</summary>
    Path,

    /// <summary>A binary operator (arithmetic, comparison, boolean, concatenation, range, <c>in</c>).</summary>
    Binary,

    /// <summary>Unary minus.</summary>
    Negate,

    /// <summary>An array constructor <c>[...]</c>.</summary>
    ArrayConstructor,

    /// <summary>An object constructor <c>{...}</c>.</summary>
    ObjectConstructor,

    /// <summary>A field name step.</summary>
    Name,

    /// <summary>A string literal.</summary>
    String,

    /// <summary>A number literal.</summary>
    Number,

    /// <summary>A <c>true</c>/<c>false</c>/<c>null</c> literal.</summary>
    Value,

    /// <summary>The <c>*</c> wildcard.</summary>
    Wildcard,

    /// <summary>The <c>**</c> descendant wildcard.</summary>
    Descendant,

    /// <summary>The <c>%</c> parent operator.</summary>
    Parent,

    /// <summary>The <c>?:</c> conditional.</summary>
    Condition,

    /// <summary>A block <c>( ...; ... )</c>.</summary>
    Block,

    /// <summary>A variable binding <c>$x := ...</c>.</summary>
    Bind,

    /// <summary>A regular expression literal.</summary>
    Regex,

    /// <summary>A function call.</summary>
    Function,

    /// <summary>A partial application (a call with <c>?</c> placeholders).</summary>
    Partial,

    /// <summary>A <c>?</c> placeholder inside a partial application.</summary>
    Placeholder,

    /// <summary>A variable reference (<c>$</c> alone is the context).</summary>
    Variable,

    /// <summary>A lambda definition (or a tail-call thunk).</summary>
    Lambda,

    /// <summary>The <c>~&gt;</c> chain operator.</summary>
    Apply,

    /// <summary>A transform <c>| pattern | update, delete |</c>.</summary>
    Transform,

    /// <summary>The order-by step <c>^(...)</c>.</summary>
    Sort,
}
