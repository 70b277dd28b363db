namespace AslOnDurable.Jsonata.Evaluation;

/// <summary>The JSON <c>null</c> value (distinct from "undefined", which is a C# null).</summary>
internal sealed class JNull
{
    /// <summary>The single instance.</summary>
    public static readonly JNull Value = new();

    private JNull()
    {
    }

    /// <inheritdoc />
    public override string ToString() => "null";
}
