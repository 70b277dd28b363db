using System.Text.Json.Nodes;
using AslOnDurable.Jsonata.Errors;
using AslOnDurable.Jsonata.Evaluation;

namespace AslOnDurable.Jsonata;

/// <summary>
/// A JSONata compile-time or evaluation-time error, with the same code, position and token as the
/// reference implementation reports.
/// </summary>
public sealed class JsonataException : Exception
{
    private readonly string? message;

    /// <summary>Creates an error with a code and the offset in the expression.</summary>
    /// <param name="code">The JSONata error code (for example <c>T2001</c>).</param>
    /// <param name="position">The offset in the expression, or -1 when unknown.</param>
    /// <param name="token">The offending token, if any.</param>
    public JsonataException(string code, int position = -1, string? token = null)
    {
        Code = code;
        Position = position;
        Token = token;
    }

    /// <summary>Creates an error with a custom message (used by <c>$error</c> and <c>$assert</c>).</summary>
    /// <param name="code">The JSONata error code.</param>
    /// <param name="message">The message to report.</param>
    /// <param name="position">The offset in the expression, or -1 when unknown.</param>
    public JsonataException(string code, string message, int position)
    {
        Code = code;
        this.message = message;
        Position = position;
    }

    /// <summary>The JSONata error code, e.g. <c>S0201</c>, <c>T2001</c>, <c>D3001</c>, <c>U1001</c>.</summary>
    public string Code { get; }

    /// <summary>The offset in the expression the error refers to, or -1 when unknown.</summary>
    public int Position { get; internal set; }

    /// <summary>The token (operator, function name or symbol) the error refers to, if any.</summary>
    public string? Token { get; internal set; }

    /// <summary>The offending value as JSON, if the error carries one.</summary>
    public JsonNode? Value => HasValue ? ValueConverter.ToJsonNode(RawValue) : null;

    /// <summary>Whether the error carries a value (which may be JSON null).</summary>
    public bool HasValue { get; internal set; }

    /// <summary>The offending value in the evaluator's representation.</summary>
    internal object? RawValue { get; private set; }

    /// <summary>A second value (for comparison errors).</summary>
    internal object? RawValue2 { get; set; }

    /// <summary>1-based argument index for signature errors.</summary>
    internal int? ArgumentIndex { get; set; }

    /// <summary>The expected item type for array-signature errors.</summary>
    internal string? ExpectedType { get; set; }

    /// <summary>The exponent in a <c>$power</c> error.</summary>
    internal object? Exponent { get; set; }

    /// <summary>The function name for URL errors.</summary>
    public string? FunctionName { get; internal set; }

    /// <inheritdoc />
    public override string Message => message ?? ErrorMessages.Format(this);

    /// <summary>Attaches a 1-based argument index and returns this error.</summary>
    internal JsonataException WithIndex(int index)
    {
        ArgumentIndex = index;
        return this;
    }

    /// <summary>Attaches a value and returns this error (fluent helper for throw sites).</summary>
    internal JsonataException WithValue(object? value)
    {
        RawValue = value;
        HasValue = true;
        return this;
    }
}
