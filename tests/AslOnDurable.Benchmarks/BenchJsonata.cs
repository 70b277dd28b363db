using AslOnDurable.Core.Engine.Lifecycle;

namespace AslOnDurable.Benchmarks;

/// <summary>The JSONata evaluator the engine uses for JSONata-mode definitions, as the CLI wires it.</summary>
internal static class BenchJsonata
{
    public static IJsonataEvaluator Evaluator { get; } = new JsonataLibraryEvaluator();
}
