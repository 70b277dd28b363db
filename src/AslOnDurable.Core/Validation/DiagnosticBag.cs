using System.Collections.Immutable;

namespace AslOnDurable.Core.Validation;

/// <summary>Collects the diagnostics of one parse and validation run, in the order they are found.</summary>
internal sealed class DiagnosticBag
{
    private readonly List<Diagnostic> _diagnostics = [];

    /// <summary>Whether any error (not warning) was reported.</summary>
    public bool HasErrors { get; private set; }

    /// <summary>The number of diagnostics so far.</summary>
    public int Count => _diagnostics.Count;

    /// <summary>Reports an error.</summary>
    public void Error(string code, string message, string location)
    {
        _diagnostics.Add(new Diagnostic(code, message, location));
        HasErrors = true;
    }

    /// <summary>Reports a warning.</summary>
    public void Warning(string code, string message, string location) =>
        _diagnostics.Add(new Diagnostic(code, message, location, DiagnosticSeverity.Warning));

    /// <summary>The diagnostics found so far.</summary>
    public ImmutableArray<Diagnostic> ToImmutableArray() => [.. _diagnostics];
}
