namespace AslOnDurable.Jsonata.Ast;

/// <summary>The binary operators evaluated by <see cref="NodeKind.Binary"/> nodes.</summary>
internal enum BinaryOperator
{
    /// <summary><c>+</c></summary>
    Add,

    /// <summary><c>-</c></summary>
    Subtract,

    /// <summary><c>*</c></summary>
    Multiply,

    /// <summary><c>/</c></summary>
    Divide,

    /// <summary><c>%</c></summary>
    Modulo,

    /// <summary><c>=</c></summary>
    Equal,

    /// <summary><c>!=</c></summary>
    NotEqual,

    /// <summary><c>&lt;</c></summary>
    Less,

    /// <summary><c>&lt;=</c></summary>
    LessOrEqual,

    /// <summary><c>&gt;</c></summary>
    Greater,

    /// <summary><c>&gt;=</c></summary>
    GreaterOrEqual,

    /// <summary><c>&amp;</c></summary>
    Concat,

    /// <summary><c>and</c></summary>
    And,

    /// <summary><c>or</c></summary>
    Or,

    /// <summary><c>..</c></summary>
    Range,

    /// <summary><c>in</c></summary>
    In,
}
