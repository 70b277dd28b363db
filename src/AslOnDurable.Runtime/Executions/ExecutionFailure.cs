namespace AslOnDurable.Runtime.Executions;

/// <summary>Why an instance failed, as the durable backend recorded it.</summary>
/// <param name="ErrorType">The failure's type name.</param>
/// <param name="Message">The failure's message.</param>
public sealed record ExecutionFailure(string ErrorType, string Message);
