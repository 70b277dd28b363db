using System.Collections.Immutable;
using AslOnDurable.Core.Tests.Parsing;
using AslOnDurable.Core.Validation;

namespace AslOnDurable.Core.Tests.Validation.Rules;

/// <summary>Parses a definition and runs one rule over it, returning that rule's diagnostics only.</summary>
internal static class RuleHarness
{
    public static ImmutableArray<Diagnostic> Check(IValidationRule rule, string json)
    {
        var (definition, _) = ShapeParse.Run(json);
        var diagnostics = new DiagnosticBag();
        rule.Check(Assert.IsType<AslOnDurable.Core.Model.StateMachineDefinition>(definition), diagnostics);
        return diagnostics.ToImmutableArray();
    }

    public static ImmutableArray<Diagnostic> CheckFixture(IValidationRule rule, string relativePath) =>
        Check(rule, DefinitionFixtures.Read(relativePath));

    /// <summary>Asserts that exactly one diagnostic has the code and location.</summary>
    public static Diagnostic Single(ImmutableArray<Diagnostic> diagnostics, string code, string location)
    {
        var matches = diagnostics.Where(d => d.Code == code && d.Location == location).ToList();
        Assert.True(matches.Count == 1, $"Expected one {code} at '{location}', got: {Describe(diagnostics)}");
        return matches[0];
    }

    public static string Describe(IEnumerable<Diagnostic> diagnostics) =>
        string.Join("; ", diagnostics.Select(d => $"{d.Severity} {d.Code} {d.Location}: {d.Message}"));
}
