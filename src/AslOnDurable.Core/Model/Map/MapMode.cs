namespace AslOnDurable.Core.Model.Map;

/// <summary>How a Map state processes its items.</summary>
public enum MapMode
{
    /// <summary>Iterations run inside the parent execution (<c>INLINE</c>).</summary>
    Inline,

    /// <summary>Iterations run as child executions (<c>DISTRIBUTED</c>).</summary>
    Distributed,
}
