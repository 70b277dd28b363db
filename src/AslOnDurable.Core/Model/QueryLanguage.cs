namespace AslOnDurable.Core.Model;

/// <summary>The query language a state machine or state uses for its data flow.</summary>
public enum QueryLanguage
{
    /// <summary>JSONPath with InputPath, Parameters, ResultSelector, ResultPath and OutputPath (the default).</summary>
    JSONPath,

    /// <summary>JSONata with Arguments, Output and <c>{% ... %}</c> expressions.</summary>
    JSONata,
}
