namespace AslOnDurable.Runtime.Api.Contracts;

/// <summary>AWS's <c>TracingConfiguration</c> (X-Ray): kept and reported as given.</summary>
/// <param name="Enabled">Whether tracing is on.</param>
public sealed record TracingConfiguration(bool? Enabled);
