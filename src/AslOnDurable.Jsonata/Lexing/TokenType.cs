namespace AslOnDurable.Jsonata.Lexing;

/// <summary>The kinds of token the lexer produces.</summary>
internal enum TokenType
{
    /// <summary>A field name (plain or back-quoted).</summary>
    Name,

    /// <summary>A variable reference; the value is the name without <c>$</c>.</summary>
    Variable,

    /// <summary>An operator or punctuation symbol.</summary>
    Operator,

    /// <summary>A string literal.</summary>
    String,

    /// <summary>A number literal.</summary>
    Number,

    /// <summary>One of <c>true</c>, <c>false</c>, <c>null</c>.</summary>
    Value,

    /// <summary>A regular expression literal.</summary>
    Regex,
}
