using System.Text.Json.Nodes;
using AslOnDurable.Jsonata.Analysis;
using AslOnDurable.Jsonata.Ast;
using AslOnDurable.Jsonata.Evaluation;
using AslOnDurable.Jsonata.Parsing;

namespace AslOnDurable.Jsonata;

/// <summary>
/// A compiled JSONata expression. Compile once, evaluate many times: instances are immutable and
/// thread-safe, so they can be cached and shared.
/// </summary>
public sealed class JsonataExpression
{
    private readonly AstNode ast;

    private JsonataExpression(string source, AstNode ast)
    {
        Source = source;
        this.ast = ast;
    }

    /// <summary>The expression text.</summary>
    public string Source { get; }

    /// <summary>Parses <paramref name="expression"/>.</summary>
    /// <exception cref="JsonataException">A syntax error (codes S01xx–S04xx).</exception>
    public static JsonataExpression Compile(string expression)
    {
        ArgumentNullException.ThrowIfNull(expression);
        return new JsonataExpression(expression, AstBuilder.Build(Parser.Parse(expression)));
    }

    /// <summary>
    /// Finds, without evaluating, the variables the expression reads but does not bind and the reads of the input
    /// context it makes at the top level.
    /// </summary>
    /// <param name="environment">
    /// Decides which <c>$name</c>s are functions rather than variables: the standard library (without <c>$eval</c> in
    /// Step Functions mode) plus the environment's extra functions; <see cref="JsonataEnvironment.Default"/> when null.
    /// </param>
    /// <returns>The analysis.</returns>
    public JsonataAnalysis Analyze(JsonataEnvironment? environment = null) =>
        ExpressionAnalyzer.Analyze(ast, (environment ?? JsonataEnvironment.Default).Library);

    /// <summary>Evaluates against a JSON input (a null node is JSON <c>null</c>).</summary>
    /// <param name="input">The input document.</param>
    /// <param name="bindings">Variables to bind (names without <c>$</c>).</param>
    /// <param name="environment">Settings; <see cref="JsonataEnvironment.Default"/> when null.</param>
    /// <returns>The result, possibly undefined.</returns>
    /// <exception cref="JsonataException">An evaluation error.</exception>
    public JsonataValue Evaluate(JsonNode? input, IReadOnlyDictionary<string, JsonNode?>? bindings = null, JsonataEnvironment? environment = null)
    {
        Dictionary<string, JsonataValue>? converted = null;
        if (bindings is not null)
        {
            converted = new Dictionary<string, JsonataValue>(bindings.Count, StringComparer.Ordinal);
            foreach (var kv in bindings)
            {
                converted[kv.Key] = JsonataValue.FromNode(kv.Value);
            }
        }

        return Evaluate(JsonataValue.FromNode(input), converted, environment);
    }

    /// <summary>Evaluates against an input that may be undefined; pre-converted values can be reused.</summary>
    /// <param name="input">The input (use <see cref="JsonataValue.Undefined"/> for no input).</param>
    /// <param name="bindings">Variables to bind (names without <c>$</c>).</param>
    /// <param name="environment">Settings; <see cref="JsonataEnvironment.Default"/> when null.</param>
    /// <returns>The result, possibly undefined.</returns>
    /// <exception cref="JsonataException">An evaluation error.</exception>
    public JsonataValue Evaluate(JsonataValue input, IReadOnlyDictionary<string, JsonataValue>? bindings = null, JsonataEnvironment? environment = null)
    {
        environment ??= JsonataEnvironment.Default;
        return Evaluate(input, bindings, default, environment, Limits(environment));
    }

    /// <summary>
    /// Evaluates as <see cref="Evaluate(JsonataValue, IReadOnlyDictionary{string, JsonataValue}?, JsonataEnvironment?)"/>
    /// does, with the variables given as name/value pairs (a later pair binds a name an earlier one bound again): a host
    /// that binds the same few variables for every evaluation fills a buffer of its own instead of a dictionary.
    /// </summary>
    /// <param name="input">The input (use <see cref="JsonataValue.Undefined"/> for no input).</param>
    /// <param name="environment">Settings; <see cref="JsonataEnvironment.Default"/> when null.</param>
    /// <param name="bindings">Variables to bind (names without <c>$</c>).</param>
    /// <returns>The result, possibly undefined.</returns>
    /// <exception cref="JsonataException">An evaluation error.</exception>
    public JsonataValue Evaluate(JsonataValue input, JsonataEnvironment? environment, ReadOnlySpan<KeyValuePair<string, JsonataValue>> bindings)
    {
        environment ??= JsonataEnvironment.Default;
        return Evaluate(input, null, bindings, environment, Limits(environment));
    }

    private static EvaluationLimits Limits(JsonataEnvironment environment) =>
        environment.ElapsedMilliseconds is null ? environment.UntimedLimits : TimedLimits(environment);

    // A method of its own: the closure is allocated on entry to the scope that declares what it captures, so in
    // Evaluate itself it was allocated for untimed evaluations too.
    private static EvaluationLimits TimedLimits(JsonataEnvironment environment)
    {
        var elapsed = environment.ElapsedMilliseconds!;
        var start = elapsed();
        return new EvaluationLimits(environment.MaxDepth, environment.MaxSteps, () => elapsed() - start, environment.TimeLimitMilliseconds);
    }

    internal JsonataValue Evaluate(JsonataValue input, IReadOnlyDictionary<string, JsonataValue>? bindings, JsonataEnvironment environment, EvaluationLimits limits) =>
        Evaluate(input, bindings, default, environment, limits);

    /// <summary>Evaluates with the variables of <paramref name="bindings"/>, then those of <paramref name="pairs"/>.</summary>
    private JsonataValue Evaluate(
        JsonataValue input,
        IReadOnlyDictionary<string, JsonataValue>? bindings,
        ReadOnlySpan<KeyValuePair<string, JsonataValue>> pairs,
        JsonataEnvironment environment,
        EvaluationLimits limits)
    {
        var library = environment.Library;
        var random = environment.Random ?? new SplitMix64(0x5EED).NextDouble;
        var evaluator = Evaluator.Rent(library, limits, environment.Clock, random);
        try
        {
            var frame = evaluator.EvaluationFrame(library.RootFrame, (bindings?.Count ?? 0) + pairs.Length + 1);
            Bind(frame, bindings);
            foreach (var (name, value) in pairs)
            {
                frame.Bind(name, value.Raw);
            }

            return Evaluate(evaluator, frame, input);
        }
        catch (System.Text.RegularExpressions.RegexMatchTimeoutException e)
        {
            throw new JsonataException("U1002").WithValue(e.Pattern);
        }
        finally
        {
            evaluator.Return();
        }
    }

    private static void Bind(Frame frame, IReadOnlyDictionary<string, JsonataValue>? bindings)
    {
        if (bindings is Dictionary<string, JsonataValue> dictionary)
        {
            foreach (var kv in dictionary)
            {
                frame.Bind(kv.Key, kv.Value.Raw);
            }
        }
        else if (bindings is not null)
        {
            foreach (var kv in bindings)
            {
                frame.Bind(kv.Key, kv.Value.Raw);
            }
        }
    }

    private JsonataValue Evaluate(Evaluator evaluator, Frame frame, JsonataValue input)
    {
        var raw = input.Raw;
        frame.Bind("$", raw);
        if (raw is JList { IsSequence: false } array)
        {
            var wrapper = new JList(1) { IsSequence = true, OuterWrapper = true };
            wrapper.Add(array);
            raw = wrapper;
        }

        var result = evaluator.Evaluate(ast, raw, frame);
        if (result is JList { IsSequence: true } seq)
        {
            result = Unwrap(seq);
        }

        return new JsonataValue(result);
    }

    private static object? Unwrap(JList seq)
    {
        if (seq.TupleStream)
        {
            return seq;
        }

        return seq.Count switch
        {
            0 => null,
            1 when !seq.KeepSingleton => seq[0],
            _ => seq,
        };
    }
}
