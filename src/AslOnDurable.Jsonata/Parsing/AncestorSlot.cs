namespace AslOnDurable.Jsonata.Parsing;

/// <summary>A pending parent (<c>%</c>) reference while the tree is being processed.</summary>
internal sealed class AncestorSlot
{
    /// <summary>The tuple key the parent value is stored under.</summary>
    public required string Label { get; set; }

    /// <summary>How many steps up the parent still is.</summary>
    public int Level { get; set; }

    /// <summary>The slot's index in the ancestry list.</summary>
    public int Index { get; set; }
}
