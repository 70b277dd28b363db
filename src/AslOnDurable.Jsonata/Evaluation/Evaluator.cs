using System.Runtime.CompilerServices;
using AslOnDurable.Jsonata.Ast;
using AslOnDurable.Jsonata.Functions;

namespace AslOnDurable.Jsonata.Evaluation;

/// <summary>
/// One evaluation of a compiled expression: walks the immutable tree with its own depth and step
/// counters (the guards), so a compiled expression can be evaluated concurrently. An evaluator serves one
/// evaluation at a time; <see cref="Rent"/> reuses the thread's spare one.
/// </summary>
internal sealed partial class Evaluator
{
    [ThreadStatic]
    private static Evaluator? spare;
    private int maxDepth;
    private long maxSteps;
    private Func<long>? elapsedMilliseconds;
    private long timeLimitMilliseconds;
    private Func<DateTimeOffset>? clock;
    private int depth;
    private long steps;
    private bool shallowStackChecked; // see StackSufficient
    private long timestampMillis;
    private bool timestampRead;
    private Frame? evaluationFrame;
    private Frame? spareFrame;
    private bool framesCaptured;

    /// <summary>Creates an evaluator.</summary>
    /// <param name="library">The function library.</param>
    /// <param name="limits">The guards.</param>
    /// <param name="clock">The clock behind <c>$now()</c>/<c>$millis()</c>, read at most once (on first use); the Unix epoch when null.</param>
    /// <param name="random">The randomness source.</param>
    public Evaluator(FunctionLibrary library, EvaluationLimits limits, Func<DateTimeOffset>? clock, Func<double> random)
    {
        Start(library, limits, clock, random);
    }

    /// <summary>The function library in effect.</summary>
    public FunctionLibrary Library { get; private set; }

    /// <summary>
    /// An evaluator for one evaluation: this thread's spare one when it is free (evaluations on a thread mostly follow
    /// one another; one that starts inside another gets a new evaluator), else a new one. Give it back with
    /// <see cref="Return"/> once the evaluation is over.
    /// </summary>
    public static Evaluator Rent(FunctionLibrary library, EvaluationLimits limits, Func<DateTimeOffset>? clock, Func<double> random)
    {
        var evaluator = spare;
        if (evaluator is null)
        {
            return new Evaluator(library, limits, clock, random);
        }

        spare = null;
        evaluator.Start(library, limits, clock, random);
        return evaluator;
    }

    /// <summary>
    /// The scope of the evaluation's bindings, a child of <paramref name="root"/>: the one of this evaluator's previous
    /// evaluation, emptied, unless a function value (a lambda or transform, which keeps its defining scope) was made then.
    /// </summary>
    public Frame EvaluationFrame(Frame root, int capacity)
    {
        var frame = spareFrame is { } kept && ReferenceEquals(kept.Parent, root) ? kept : new Frame(root, capacity);
        spareFrame = null;
        evaluationFrame = frame;
        return frame;
    }

    /// <summary>Makes this evaluator the thread's spare again; it keeps no reference to the evaluation's sources.</summary>
    public void Return()
    {
        if (evaluationFrame is not null && !framesCaptured)
        {
            evaluationFrame.Clear();
            spareFrame = evaluationFrame;
        }

        evaluationFrame = null;
        framesCaptured = false;
        elapsedMilliseconds = null;
        clock = null;
        Random = null!;
        spare = this;
    }

    /// <summary>
    /// The evaluation's timestamp (ms since the epoch), returned by <c>$now()</c> and <c>$millis()</c>: the clock is read
    /// on first use only (most expressions never ask), and every later use in the same evaluation sees the same value.
    /// </summary>
    public long TimestampMillis
    {
        get
        {
            if (!timestampRead)
            {
                timestampMillis = clock is null ? 0L : clock().ToUnixTimeMilliseconds();
                timestampRead = true;
            }

            return timestampMillis;
        }
    }

    /// <summary>The randomness source (uniform in [0, 1)).</summary>
    public Func<double> Random { get; private set; }

    [System.Diagnostics.CodeAnalysis.MemberNotNull(nameof(Library), nameof(Random))]
    private void Start(FunctionLibrary library, EvaluationLimits limits, Func<DateTimeOffset>? clock, Func<double> random)
    {
        Library = library;
        maxDepth = limits.MaxDepth;
        maxSteps = limits.MaxSteps;
        elapsedMilliseconds = limits.ElapsedMilliseconds;
        timeLimitMilliseconds = limits.TimeLimitMilliseconds;
        this.clock = clock;
        Random = random;
        depth = 0;
        steps = 0;
        shallowStackChecked = false;
        timestampMillis = 0;
        timestampRead = false;
    }

    /// <summary>Evaluates <paramref name="expr"/> against <paramref name="input"/> in <paramref name="frame"/>.</summary>
    public object? Evaluate(AstNode expr, object? input, Frame frame)
    {
        Enter();
        object? result;
        switch (expr.Kind)
        {
            case NodeKind.Path:
                result = EvaluatePath(expr, input, frame);
                break;
            case NodeKind.Binary:
                result = EvaluateBinary(expr, input, frame);
                break;
            case NodeKind.Negate:
                result = EvaluateNegate(expr, input, frame);
                break;
            case NodeKind.ArrayConstructor:
                result = EvaluateArray(expr, input, frame);
                break;
            case NodeKind.ObjectConstructor:
                result = EvaluateGroup(expr.Pairs, expr.HasDistinctLiteralKeys, expr.Position, input, frame);
                break;
            case NodeKind.Name:
                result = Lookup(input, expr.Name);
                break;
            case NodeKind.String:
            case NodeKind.Number:
            case NodeKind.Value:
                result = expr.Literal;
                break;
            case NodeKind.Wildcard:
                result = EvaluateWildcard(input);
                break;
            case NodeKind.Descendant:
                result = EvaluateDescendants(input);
                break;
            case NodeKind.Parent:
                result = frame.Lookup(expr.ParentLabel!);
                break;
            case NodeKind.Condition:
                result = EvaluateCondition(expr, input, frame);
                break;
            case NodeKind.Block:
                result = EvaluateBlock(expr, input, frame);
                break;
            case NodeKind.Bind:
                {
                    var value = Evaluate(expr.Rhs!, input, frame);
                    frame.Bind(expr.Lhs!.Name, value);
                    result = value;
                    break;
                }

            case NodeKind.Regex:
                result = expr.Regex;
                break;
            case NodeKind.Function:
                result = EvaluateFunction(expr, input, frame, null, false);
                break;
            case NodeKind.Variable:
                result = expr.Name.Length == 0
                    ? (input is JList { OuterWrapper: true } wrapped ? wrapped[0] : input)
                    : frame.Lookup(expr.Name);
                break;
            case NodeKind.Lambda:
                framesCaptured = true;
                result = new Lambda(expr, input, frame);
                break;
            case NodeKind.Partial:
                result = EvaluatePartial(expr, input, frame);
                break;
            case NodeKind.Apply:
                result = EvaluateApply(expr, input, frame);
                break;
            case NodeKind.Transform:
                framesCaptured = true;
                result = CreateTransformer(expr, frame);
                break;
            default:
                result = null;
                break;
        }

        var predicates = expr.Predicates;
        for (var i = 0; i < predicates.Length; i++)
        {
            result = EvaluateFilter(predicates[i], result, frame);
        }

        if (expr.Kind != NodeKind.Path && expr.Group is not null)
        {
            result = EvaluateGroup(expr.Group.Pairs, expr.Group.HasDistinctLiteralKeys, expr.Group.Position, result, frame);
        }

        depth--;
        if (result is JList { IsSequence: true, TupleStream: false } seq)
        {
            if (expr.KeepArray)
            {
                seq.KeepSingleton = true;
            }

            if (seq.Count == 0)
            {
                result = null;
            }
            else if (seq.Count == 1)
            {
                result = seq.KeepSingleton ? seq : seq[0];
            }
        }

        return result;
    }

    /// <summary>
    /// Counts a level and a step against the guards (depth, stack, steps, time). Small enough to be inlined into every
    /// caller, which enters once per node evaluated: the failure is raised out of line.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Enter()
    {
        depth++;
        steps++;
        if (depth > maxDepth || ((depth & 3) == 0 && !StackSufficient()) || steps > maxSteps
            || (elapsedMilliseconds is not null && (steps & 255) == 0 && elapsedMilliseconds() > timeLimitMilliseconds))
        {
            ThrowLimitReached();
        }
    }

    [System.Diagnostics.CodeAnalysis.DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowLimitReached() => throw new JsonataException("U1001");

    /// <summary>
    /// Whether the stack has room for more levels (checked on every fourth level). The check reads thread-local limits:
    /// four levels of evaluation take far less than the margin it keeps (64 KB or more). Below
    /// <see cref="ShallowDepth"/> it runs once per evaluation: every shallow level lies within that many levels of the
    /// evaluation's start, which the first check passed beyond, so a shallow expression (most of them, one check per
    /// path step before) asks the runtime once.
    /// </summary>
    private bool StackSufficient()
    {
        if (depth < ShallowDepth)
        {
            if (shallowStackChecked)
            {
                return true;
            }

            shallowStackChecked = RuntimeHelpers.TryEnsureSufficientExecutionStack();
            return shallowStackChecked;
        }

        return RuntimeHelpers.TryEnsureSufficientExecutionStack();
    }

    /// <summary>The depth below which <see cref="StackSufficient"/> checks once per evaluation.</summary>
    private const int ShallowDepth = 16;

    private object? EvaluateCondition(AstNode expr, object? input, Frame frame)
    {
        var condition = Evaluate(expr.Condition!, input, frame);
        if (ValueSemantics.Boolean(condition) == true)
        {
            return Evaluate(expr.Then!, input, frame);
        }

        return expr.Else is null ? null : Evaluate(expr.Else, input, frame);
    }

    private object? EvaluateBlock(AstNode expr, object? input, Frame frame)
    {
        var block = new Frame(frame);
        object? result = null;
        var expressions = expr.Expressions;
        for (var i = 0; i < expressions.Length; i++)
        {
            result = Evaluate(expressions[i], input, block);
        }

        return result;
    }

    /// <summary>Looks a field up in an object, or in every item of an array (flattening).</summary>
    public static object? Lookup(object? input, string key)
    {
        if (input is JObject obj)
        {
            return obj.TryGetValue(key, out var v) ? v : null;
        }

        if (input is JList list)
        {
            var result = new JList { IsSequence = true };
            for (var i = 0; i < list.Count; i++)
            {
                var res = Lookup(list[i], key);
                if (res is null)
                {
                    continue;
                }

                if (res is JList inner)
                {
                    result.AddRange(inner);
                }
                else
                {
                    result.Add(res);
                }
            }

            return result;
        }

        return null;
    }

    private static JList EvaluateWildcard(object? input)
    {
        var results = JList.Sequence();
        if (input is JList { OuterWrapper: true } wrapper && wrapper.Count > 0)
        {
            input = wrapper[0];
        }

        if (input is JObject obj)
        {
            foreach (var kv in obj)
            {
                AddWildcardValue(results, kv.Value);
            }
        }
        else if (input is JList list)
        {
            foreach (var item in list)
            {
                AddWildcardValue(results, item);
            }
        }

        return results;
    }

    private static void AddWildcardValue(JList results, object? value)
    {
        if (value is JList arr)
        {
            Flatten(arr, results);
        }
        else if (value is not null)
        {
            results.Add(value);
        }
    }

    private static void Flatten(JList arr, JList into)
    {
        foreach (var item in arr)
        {
            if (item is JList inner)
            {
                Flatten(inner, into);
            }
            else
            {
                into.Add(item);
            }
        }
    }

    private static object? EvaluateDescendants(object? input)
    {
        if (input is null)
        {
            return null;
        }

        var results = JList.Sequence();
        RecurseDescendants(input, results);
        return results.Count == 1 ? results[0] : results;
    }

    private static void RecurseDescendants(object? input, JList results)
    {
        if (input is JList list)
        {
            foreach (var member in list)
            {
                RecurseDescendants(member, results);
            }

            return;
        }

        results.Add(input);
        if (input is JObject obj)
        {
            foreach (var kv in obj)
            {
                RecurseDescendants(kv.Value, results);
            }
        }
    }

    /// <summary>Creates a scope binding every key of <paramref name="tuple"/>.</summary>
    private static Frame FrameFromTuple(Frame frame, BindingTuple tuple)
    {
        var f = new Frame(frame);
        foreach (var kv in tuple)
        {
            f.Bind(kv.Key, kv.Value);
        }

        return f;
    }
}
