using System.Collections.Immutable;
using System.Text.Json;
using AslOnDurable.Core.Model;
using AslOnDurable.Core.Parsing;
using AslOnDurable.Core.Validation;

namespace AslOnDurable.Core.Tests.Parsing;

/// <summary>Runs only the parsing stage (shape checks, no semantic rules), so tests do not depend on the Paths API.</summary>
internal static class ShapeParse
{
    public static (StateMachineDefinition? Definition, ImmutableArray<Diagnostic> Diagnostics) Run(string json)
    {
        using var document = JsonDocument.Parse(json);
        var diagnostics = new DiagnosticBag();
        var definition = new StateMachineParser(diagnostics).ParseRoot(document.RootElement);
        return (definition, diagnostics.ToImmutableArray());
    }

    public static (StateMachineDefinition? Definition, ImmutableArray<Diagnostic> Diagnostics) Fixture(string relativePath) =>
        Run(DefinitionFixtures.Read(relativePath));

    /// <summary>Parses a fixture that must have no shape errors and returns its model.</summary>
    public static StateMachineDefinition Valid(string relativePath)
    {
        var (definition, diagnostics) = Fixture(relativePath);
        Assert.Empty(diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error));
        return Assert.IsType<StateMachineDefinition>(definition);
    }
}
