namespace AslOnDurable.Jsonata.Evaluation;

/// <summary>The implementation of a built-in function.</summary>
/// <param name="evaluator">The running evaluation (for calling back into functions).</param>
/// <param name="args">The validated arguments (missing ones are null).</param>
/// <param name="input">The context value at the call site.</param>
/// <param name="frame">The scope at the call site.</param>
/// <returns>The result, or null for undefined.</returns>
internal delegate object? BuiltinBody(Evaluator evaluator, object?[] args, object? input, Frame frame);
