namespace AslOnDurable.Core.Engine.Lifecycle;

/// <summary>
/// Compiles JSONata expressions for JSONata-mode states. The JSONata library provides the implementation; the
/// engine depends only on this interface so the two evolve independently.
/// </summary>
public interface IJsonataEvaluator
{
    /// <summary>Compiles one expression (the text between <c>{%</c> and <c>%}</c>).</summary>
    /// <param name="expression">The expression text.</param>
    /// <returns>The compiled expression, immutable and thread-safe.</returns>
    /// <exception cref="Errors.AslErrorException">With <c>States.QueryEvaluationError</c> when it does not parse.</exception>
    IJsonataExpression Compile(string expression);
}
