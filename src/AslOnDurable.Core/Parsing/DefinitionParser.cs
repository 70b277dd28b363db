namespace AslOnDurable.Core.Parsing;

/// <summary>Parses and validates an ASL definition into the immutable model.</summary>
public static class DefinitionParser
{
    /// <summary>Parses the JSON text of a definition and validates it, reporting every problem.</summary>
    /// <param name="json">The definition text.</param>
    /// <returns>The definition (when valid) and all diagnostics.</returns>
    public static ParseResult Parse(string json)
    {
        throw new NotImplementedException(json);
    }
}
