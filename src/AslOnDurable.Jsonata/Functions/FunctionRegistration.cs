using AslOnDurable.Jsonata.Evaluation;

namespace AslOnDurable.Jsonata.Functions;

/// <summary>Adds a built-in function to a library under construction.</summary>
/// <param name="name">The name without <c>$</c>.</param>
/// <param name="signature">The signature text, or null for none.</param>
/// <param name="arity">The declared parameter count (used by higher-order functions).</param>
/// <param name="body">The implementation.</param>
internal delegate void FunctionRegistration(string name, string? signature, int arity, BuiltinBody body);
