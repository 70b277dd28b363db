namespace AslOnDurable.Jsonata.Evaluation;

/// <summary>Guards against runaway expressions; exceeding any of them raises <c>U1001</c>.</summary>
/// <param name="MaxDepth">Maximum nesting of evaluation steps.</param>
/// <param name="MaxSteps">Maximum number of evaluation steps.</param>
/// <param name="ElapsedMilliseconds">Optional elapsed-time source for a time limit.</param>
/// <param name="TimeLimitMilliseconds">The time limit when <paramref name="ElapsedMilliseconds"/> is set.</param>
internal sealed record EvaluationLimits(int MaxDepth, long MaxSteps, Func<long>? ElapsedMilliseconds, long TimeLimitMilliseconds);
