using System.Collections.Frozen;
using AslOnDurable.Jsonata.Evaluation;

namespace AslOnDurable.Jsonata.Functions;

/// <summary>The frozen set of functions visible at the root scope of an evaluation.</summary>
internal sealed class FunctionLibrary
{
    private readonly FrozenDictionary<string, BuiltinFunction> functions;
    private Frame? rootFrame;

    private FunctionLibrary(FrozenDictionary<string, BuiltinFunction> functions)
    {
        this.functions = functions;
    }

    /// <summary>
    /// The scope every evaluation's own scope hangs under: it binds nothing and only falls back to the library, so one
    /// instance serves every evaluation (evaluations bind into child scopes only).
    /// </summary>
    public Frame RootFrame => rootFrame ??= new Frame(this);

    /// <summary>Looks up a function by name (without <c>$</c>); null when absent.</summary>
    public object? Lookup(string name) => functions.TryGetValue(name, out var f) ? f : null;

    /// <summary>Whether a function is defined.</summary>
    public bool Contains(string name) => functions.ContainsKey(name);

    /// <summary>Builds the standard library plus <paramref name="extras"/>, optionally without <c>$eval</c>.</summary>
    public static FunctionLibrary Create(bool includeEval, IEnumerable<BuiltinFunction> extras)
    {
        var builder = new Dictionary<string, BuiltinFunction>(StringComparer.Ordinal);
        void AddFunction(string name, string? signature, int arity, BuiltinBody body) =>
            builder[name] = new BuiltinFunction(name, signature is null ? null : Signature.Parse(signature), body, arity);

        AggregateFunctions.Register(AddFunction);
        StringFunctions.Register(AddFunction);
        RegexFunctions.Register(AddFunction);
        NumericFunctions.Register(AddFunction);
        ArrayFunctions.Register(AddFunction);
        ObjectFunctions.Register(AddFunction);
        HigherOrderFunctions.Register(AddFunction);
        EncodingFunctions.Register(AddFunction);
        FormattingFunctions.Register(AddFunction);
        if (includeEval)
        {
            EvalFunction.Register(AddFunction);
        }

        foreach (var extra in extras)
        {
            builder[extra.Name] = extra;
        }

        return new FunctionLibrary(builder.ToFrozenDictionary(StringComparer.Ordinal));
    }
}
