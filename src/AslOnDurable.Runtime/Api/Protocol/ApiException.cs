namespace AslOnDurable.Runtime.Api.Protocol;

/// <summary>
/// An action refused its request: the dispatcher answers <c>{"__type": ErrorType, "message": Message}</c> with
/// <see cref="StatusCode"/> (400 for every client error the Step Functions API reference lists).
/// </summary>
public sealed class ApiException : Exception
{
    /// <summary>Initializes a new instance of the <see cref="ApiException"/> class.</summary>
    /// <param name="errorType">The error name from <see cref="ApiErrorTypes"/>.</param>
    /// <param name="message">What is wrong.</param>
    /// <param name="statusCode">The HTTP status (400 unless the service failed).</param>
    public ApiException(string errorType, string message, int statusCode = 400)
        : base(message)
    {
        ErrorType = errorType;
        StatusCode = statusCode;
    }

    /// <summary>Gets the error name (<c>__type</c>).</summary>
    public string ErrorType { get; }

    /// <summary>Gets the HTTP status code.</summary>
    public int StatusCode { get; }

    /// <summary>AWS's ValidationException for one field: <c>1 validation error detected: Value ... at 'field' failed to satisfy constraint: ...</c>.</summary>
    /// <param name="field">The field name.</param>
    /// <param name="value">The value as shown, or <c>null</c>.</param>
    /// <param name="constraint">The constraint, for example <c>Member must not be null</c>.</param>
    /// <returns>The exception.</returns>
    public static ApiException Validation(string field, string? value, string constraint) =>
        new(ApiErrorTypes.ValidationException, $"1 validation error detected: Value {(value is null ? "null" : "'" + value + "'")} at '{field}' failed to satisfy constraint: {constraint}");
}
