namespace AslOnDurable.Runtime.Api.Registry;

/// <summary>A client token RedriveExecution was called with, and the redrive it made.</summary>
/// <param name="Token">The client token.</param>
/// <param name="RedriveDate">When that redrive was made.</param>
public sealed record RedriveClientToken(string Token, DateTimeOffset RedriveDate);
