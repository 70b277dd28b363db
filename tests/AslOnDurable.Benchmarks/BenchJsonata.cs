using AslOnDurable.Core.Engine.Lifecycle;

namespace AslOnDurable.Benchmarks;

/// <summary>The JSONata evaluator the engine uses for JSONata-mode definitions (none until it is wired).</summary>
internal static class BenchJsonata
{
    public static IJsonataEvaluator? Evaluator => null;
}
