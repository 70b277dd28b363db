namespace AslOnDurable.Jsonata;

/// <summary>A read of the input context made at the top level of an expression.</summary>
/// <param name="Kind">A field, the context item <c>$</c>, or the root <c>$$</c>.</param>
/// <param name="Name">The field name, or <c>$</c> / <c>$$</c>.</param>
public readonly record struct JsonataTopLevelReference(JsonataReferenceKind Kind, string Name)
{
    /// <summary>The reference as written: the field name, <c>$</c> or <c>$$</c>.</summary>
    /// <returns>The name.</returns>
    public override string ToString() => Name;
}
