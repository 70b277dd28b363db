using AslOnDurable.Jsonata.Ast;
using AslOnDurable.Jsonata.Functions;

namespace AslOnDurable.Jsonata.Evaluation;

/// <summary>Function calls, partial application, chaining, lambdas and transforms.</summary>
internal sealed partial class Evaluator
{
    private static readonly Signature TransformSignature = Signature.Parse("<(oa):o>");

    private static string ProcedureName(AstNode procedure) =>
        procedure.Kind == NodeKind.Path ? procedure.Steps[0].Name : procedure.Name;

    private object? EvaluateFunction(AstNode expr, object? input, Frame frame, object? applyTo, bool hasApplyTo)
    {
        var proc = Evaluate(expr.Procedure!, input, frame);
        if (proc is null && expr.Procedure!.Kind == NodeKind.Path && frame.Lookup(expr.Procedure.Steps[0].Name) is not null)
        {
            throw new JsonataException("T1005", expr.Position, expr.Procedure.Steps[0].Name);
        }

        var offset = hasApplyTo ? 1 : 0;
        var args = new object?[expr.Arguments.Length + offset];
        if (hasApplyTo)
        {
            args[0] = applyTo;
        }

        for (var jj = 0; jj < expr.Arguments.Length; jj++)
        {
            args[jj + offset] = Evaluate(expr.Arguments[jj], input, frame);
        }

        try
        {
            return Apply(proc, args, input, frame);
        }
        catch (JsonataException e) when (AnnotateCall(e, expr))
        {
            throw; // never reached: the filter only annotates
        }
    }

    // An exception filter, not a catch and rethrow: filters run before the stack unwinds, so an error raised deep in
    // a recursion (U1001) does not pile a catch handler per level on top of an already deep stack.
    private static bool AnnotateCall(JsonataException e, AstNode call)
    {
        if (e.Position < 0)
        {
            e.Position = call.Position;
        }

        e.Token ??= ProcedureName(call.Procedure!);
        return false;
    }

    /// <summary>Applies a function value to arguments, running the tail-call trampoline.</summary>
    public object? Apply(object? proc, object?[] args, object? input, Frame frame)
    {
        var result = ApplyInner(proc, args, input, frame);
        while (result is Lambda { Node.Thunk: true } thunk)
        {
            var call = thunk.Node.Body!;
            var next = Evaluate(call.Procedure!, thunk.Input, thunk.Environment);
            var evaluatedArgs = new object?[call.Arguments.Length];
            for (var ii = 0; ii < evaluatedArgs.Length; ii++)
            {
                evaluatedArgs[ii] = Evaluate(call.Arguments[ii], thunk.Input, thunk.Environment);
            }

            try
            {
                result = ApplyInner(next, evaluatedArgs, input, frame);
            }
            catch (JsonataException e) when (AnnotateCall(e, call))
            {
                throw; // never reached: the filter only annotates
            }
        }

        return result;
    }

    private object? ApplyInner(object? proc, object?[] args, object? input, Frame frame)
    {
        if (proc is not Callable callable)
        {
            throw new JsonataException("T1006");
        }

        var validated = callable.Signature is { } signature ? signature.Validate(args, input) : args;
        switch (callable)
        {
            case Lambda lambda:
                return ApplyProcedure(lambda, validated);
            case BuiltinFunction builtin:
                return builtin.Body(this, validated, input, frame);
            case PartialFunction partial:
                return Apply(partial.Target, partial.Fill(validated), input, frame);
            case ComposedFunction composed:
                {
                    var first = Apply(composed.First, validated.Length > 0 ? [validated[0]] : [null], input, frame);
                    return Apply(composed.Second, [first], input, frame);
                }

            case RegexMatcher regex:
                {
                    if (validated.Length == 0 || validated[0] is not string s)
                    {
                        return null;
                    }

                    var from = validated.Length > 1 && validated[1] is double d ? (int)d : 0;
                    return regex.Exec(s, from);
                }

            default:
                throw new JsonataException("T1006");
        }
    }

    private object? ApplyProcedure(Lambda lambda, object?[] args)
    {
        var env = new Frame(lambda.Environment);
        var parameters = lambda.Node.Parameters;
        for (var i = 0; i < parameters.Length; i++)
        {
            env.Bind(parameters[i], i < args.Length ? args[i] : null);
        }

        return Evaluate(lambda.Node.Body!, lambda.Input, env);
    }

    private PartialFunction EvaluatePartial(AstNode expr, object? input, Frame frame)
    {
        var args = new object?[expr.Arguments.Length];
        var open = new bool[expr.Arguments.Length];
        for (var ii = 0; ii < args.Length; ii++)
        {
            var arg = expr.Arguments[ii];
            if (arg.Kind == NodeKind.Placeholder)
            {
                open[ii] = true;
            }
            else
            {
                args[ii] = Evaluate(arg, input, frame);
            }
        }

        var proc = Evaluate(expr.Procedure!, input, frame);
        if (proc is null && expr.Procedure!.Kind == NodeKind.Path && frame.Lookup(expr.Procedure.Steps[0].Name) is not null)
        {
            throw new JsonataException("T1007", expr.Position, expr.Procedure.Steps[0].Name);
        }

        if (proc is Callable callable)
        {
            return new PartialFunction(callable, args, open);
        }

        throw new JsonataException("T1008", expr.Position, ProcedureName(expr.Procedure!));
    }

    private object? EvaluateApply(AstNode expr, object? input, Frame frame)
    {
        var lhs = Evaluate(expr.Lhs!, input, frame);
        if (expr.Rhs!.Kind == NodeKind.Function)
        {
            return EvaluateFunction(expr.Rhs, input, frame, lhs, true);
        }

        var func = Evaluate(expr.Rhs, input, frame);
        if (func is not Callable callable)
        {
            throw new JsonataException("T2006", expr.Position).WithValue(func);
        }

        if (lhs is Callable first)
        {
            return new ComposedFunction(first, callable);
        }

        return Apply(callable, [lhs], null, frame);
    }

    private static BuiltinFunction CreateTransformer(AstNode expr, Frame frame)
    {
        return new BuiltinFunction("transform", TransformSignature, (ev, args, _, _) =>
        {
            var obj = args.Length > 0 ? args[0] : null;
            if (obj is null)
            {
                return null;
            }

            var clone = frame.Lookup("clone");
            if (clone is not Callable)
            {
                throw new JsonataException("T2013", expr.Position);
            }

            var result = ev.Apply(clone, [obj], null, frame);
            var matches = ev.Evaluate(expr.Pattern!, result, frame);
            if (matches is null)
            {
                return result;
            }

            var list = matches as JList ?? JList.Sequence(matches);
            foreach (var match in list)
            {
                var update = ev.Evaluate(expr.Update!, match, frame);
                if (update is not null)
                {
                    if (update is not JObject updateObject)
                    {
                        throw new JsonataException("T2011", expr.Update!.Position).WithValue(update);
                    }

                    if (match is JObject target)
                    {
                        KeptText.ChangedInPlace(); // the match is shared where $clone does not copy: texts kept with it in them are stale
                        foreach (var kv in updateObject)
                        {
                            target[kv.Key] = kv.Value;
                        }
                    }
                }

                if (expr.Delete is not null)
                {
                    var deletions = ev.Evaluate(expr.Delete, match, frame);
                    if (deletions is not null)
                    {
                        var names = deletions as JList ?? JList.Sequence(deletions);
                        foreach (var name in names)
                        {
                            if (name is not string)
                            {
                                throw new JsonataException("T2012", expr.Delete.Position).WithValue(deletions);
                            }
                        }

                        if (match is JObject target)
                        {
                            KeptText.ChangedInPlace();
                            foreach (var name in names)
                            {
                                target.Remove((string)name!);
                            }
                        }
                    }
                }
            }

            return result;
        }, 1);
    }
}
