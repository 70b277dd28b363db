using AslOnDurable.Core.Validation;
using AslOnDurable.Runtime.Api.Protocol;
using AslOnDurable.Runtime.Durable;

namespace AslOnDurable.Runtime.Api.Operations;

/// <summary>
/// What the Describe actions answer about a definition: the text itself, or <c>{}</c> when the caller asked for
/// <c>includedData = METADATA_ONLY</c> (as AWS answers for an encrypted definition the caller may not decrypt), and the
/// variables each state reads (<c>variableReferences</c>, left out when no state reads one or with METADATA_ONLY).
/// </summary>
internal static class DefinitionData
{
    /// <summary>The value that asks for the definition.</summary>
    public const string AllData = "ALL_DATA";

    /// <summary>The value that leaves the definition out.</summary>
    public const string MetadataOnly = "METADATA_ONLY";

    /// <summary>Whether the request asks for the definition; a value other than AWS's two is a ValidationException.</summary>
    /// <param name="includedData">The request's <c>includedData</c>.</param>
    /// <returns>False for METADATA_ONLY.</returns>
    public static bool Included(string? includedData) =>
        RequestFields.Enum(includedData, "includedData", AllData, AllData, MetadataOnly) == AllData;

    /// <summary>The definition as answered.</summary>
    /// <param name="definition">The stored definition text.</param>
    /// <param name="included">Whether the caller asked for it.</param>
    /// <returns>The text, or <c>{}</c>.</returns>
    public static string Text(string definition, bool included) => included ? definition : "{}";

    /// <summary>The variables each state of <paramref name="definition"/> reads, or <see langword="null"/> when none does (or not included).</summary>
    /// <param name="plans">The compiled definitions (the one a start compiles, parsed once).</param>
    /// <param name="definition">The stored definition text (valid: it was checked when stored).</param>
    /// <param name="included">Whether the caller asked for the definition's data.</param>
    /// <returns>State name → variable names, or <see langword="null"/>.</returns>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>>? VariableReferencesOf(ExecutionPlanCache plans, string definition, bool included)
    {
        if (!included || plans.Get(definition).Plan is not { } plan)
        {
            return null;
        }

        var references = VariableReferences.Of(plan.Definition);
        return references.Count == 0 ? null : references;
    }
}
