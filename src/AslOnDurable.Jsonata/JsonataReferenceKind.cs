namespace AslOnDurable.Jsonata;

/// <summary>What a <see cref="JsonataTopLevelReference"/> reads from the evaluation's input context.</summary>
public enum JsonataReferenceKind
{
    /// <summary>A field of the input context, by name (<c>phone</c> in <c>phone.number</c>).</summary>
    Field,

    /// <summary>The context item itself, <c>$</c>.</summary>
    Context,

    /// <summary>The root of the input, <c>$$</c>.</summary>
    Root,
}
