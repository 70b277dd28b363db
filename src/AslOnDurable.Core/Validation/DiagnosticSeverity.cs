namespace AslOnDurable.Core.Validation;

/// <summary>How serious a diagnostic is.</summary>
public enum DiagnosticSeverity
{
    /// <summary>The definition cannot run.</summary>
    Error,

    /// <summary>The definition runs, but something looks wrong.</summary>
    Warning,
}
