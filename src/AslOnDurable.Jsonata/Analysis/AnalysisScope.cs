namespace AslOnDurable.Jsonata.Analysis;

/// <summary>The names one block, lambda or the whole expression binds, chained to the enclosing scope.</summary>
/// <param name="parent">The enclosing scope, or null for the expression's own scope.</param>
internal sealed class AnalysisScope(AnalysisScope? parent)
{
    private readonly HashSet<string> names = new(StringComparer.Ordinal);

    /// <summary>The enclosing scope, or null.</summary>
    public AnalysisScope? Parent { get; } = parent;

    /// <summary>Binds a name in this scope.</summary>
    public void Bind(string name) => names.Add(name);

    /// <summary>Whether this scope or an enclosing one binds <paramref name="name"/> (so far).</summary>
    public bool Binds(string name)
    {
        for (var scope = this; scope is not null; scope = scope.Parent)
        {
            if (scope.names.Contains(name))
            {
                return true;
            }
        }

        return false;
    }
}
