namespace AslOnDurable.Core.Validation;

/// <summary>The stable diagnostic codes.</summary>
public static class DiagnosticCodes
{
    /// <summary>The text is not valid JSON.</summary>
    public const string InvalidJson = "INVALID_JSON_DESCRIPTION";

    /// <summary>A field is not allowed here.</summary>
    public const string UnknownField = "SCHEMA_VALIDATION_FAILED";
}
