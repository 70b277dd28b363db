namespace AslOnDurable.Runtime.Integrations.Lambda;

/// <summary>A .NET handler standing in for a Lambda function.</summary>
/// <param name="HandlerName">The <see cref="DotNet.IAslTaskHandler.Name"/> it runs.</param>
public sealed record HandlerFunction(string HandlerName) : LambdaFunction;
