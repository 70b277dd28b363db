namespace AslOnDurable.Runtime.Integrations.Lambda;

/// <summary>What a Lambda function name stands for here (the integrations configuration's <c>functions</c> section).</summary>
public abstract record LambdaFunction;
