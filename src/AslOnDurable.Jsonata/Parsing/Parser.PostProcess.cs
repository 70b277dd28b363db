using System.Globalization;
using System.Runtime.CompilerServices;

namespace AslOnDurable.Jsonata.Parsing;

/// <summary>The post-parse pass: flattens paths into steps, attaches predicates and resolves parents.</summary>
internal sealed partial class Parser
{
    private readonly List<ParseNode> ancestry = [];
    private int ancestorLabel;
    private int ancestorIndex;

    private static ParseNode TailCallOptimize(ParseNode expr)
    {
        if (expr.Type == "function" && expr.Predicate is null)
        {
            return new ParseNode { Id = "(thunk)", Type = "lambda", Thunk = true, Arguments = [], Position = expr.Position, Body = expr };
        }

        if (expr.Type == "condition")
        {
            expr.Then = TailCallOptimize(expr.Then!);
            if (expr.Else is not null)
            {
                expr.Else = TailCallOptimize(expr.Else);
            }
        }
        else if (expr.Type == "block" && expr.Expressions!.Count > 0)
        {
            var last = expr.Expressions.Count - 1;
            expr.Expressions[last] = TailCallOptimize(expr.Expressions[last]);
        }

        return expr;
    }

    private AncestorSlot SeekParent(ParseNode n, AncestorSlot slot)
    {
        switch (n.Type)
        {
            case "name":
            case "wildcard":
                slot.Level--;
                if (slot.Level == 0)
                {
                    if (n.Ancestor is not null)
                    {
                        ancestry[slot.Index].Slot!.Label = n.Ancestor.Label;
                    }

                    n.Ancestor = slot;
                    n.Tuple = true;
                }

                break;
            case "parent":
                slot.Level++;
                break;
            case "block":
                if (n.Expressions!.Count > 0)
                {
                    n.Tuple = true;
                    slot = SeekParent(n.Expressions[^1], slot);
                }

                break;
            case "path":
                n.Tuple = true;
                var index = n.Steps!.Count - 1;
                slot = SeekParent(n.Steps[index--], slot);
                while (slot.Level > 0 && index >= 0)
                {
                    slot = SeekParent(n.Steps[index--], slot);
                }

                break;
            default:
                throw new JsonataException("S0217", n.Position, n.Type);
        }

        return slot;
    }

    private static void PushAncestry(ParseNode result, ParseNode value)
    {
        if (value.SeekingParent is not null || value.Type == "parent")
        {
            var slots = value.SeekingParent ?? [];
            if (value.Type == "parent")
            {
                slots.Add(value.Slot!);
            }

            if (result.SeekingParent is null)
            {
                result.SeekingParent = slots;
            }
            else
            {
                result.SeekingParent.AddRange(slots);
            }
        }
    }

    private void ResolveAncestry(ParseNode path)
    {
        var index = path.Steps!.Count - 1;
        var laststep = path.Steps[index];
        var slots = laststep.SeekingParent ?? [];
        if (laststep.Type == "parent")
        {
            slots.Add(laststep.Slot!);
        }

        for (var i = 0; i < slots.Count; i++)
        {
            var slot = slots[i];
            index = path.Steps.Count - 2;
            while (slot.Level > 0)
            {
                if (index < 0)
                {
                    path.SeekingParent ??= [];
                    path.SeekingParent.Add(slot);
                    break;
                }

                var step = path.Steps[index--];
                while (index >= 0 && step.Focus is not null && path.Steps[index].Focus is not null)
                {
                    step = path.Steps[index--];
                }

                slot = SeekParent(step, slot);
            }
        }
    }

    private ParseNode ProcessAst(ParseNode expr)
    {
        if (!RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            throw new JsonataException("U1001", expr.Position, expr.Text);
        }

        ParseNode result;
        switch (expr.Type)
        {
            case "binary":
                result = ProcessBinary(expr);
                break;
            case "unary":
                result = new ParseNode { Id = expr.Id, Type = "unary", Text = expr.Text, Position = expr.Position };
                if (expr.Id == "[")
                {
                    result.Expressions = [];
                    foreach (var item in expr.Expressions!)
                    {
                        var value = ProcessAst(item);
                        PushAncestry(result, value);
                        result.Expressions.Add(value);
                    }
                }
                else if (expr.Id == "{")
                {
                    result.Pairs = [];
                    foreach (var pair in expr.Pairs!)
                    {
                        var key = ProcessAst(pair.Key);
                        PushAncestry(result, key);
                        var value = ProcessAst(pair.Value);
                        PushAncestry(result, value);
                        result.Pairs.Add(new KeyValuePair<ParseNode, ParseNode>(key, value));
                    }
                }
                else
                {
                    result.Expression = ProcessAst(expr.Expression!);
                    if (expr.Id == "-" && result.Expression.Type == "number")
                    {
                        result = result.Expression;
                        result.Literal = -(double)result.Literal!;
                    }
                    else
                    {
                        PushAncestry(result, result.Expression);
                    }
                }

                break;
            case "function":
            case "partial":
                result = new ParseNode { Id = expr.Id, Type = expr.Type, Text = expr.Text, Position = expr.Position, Arguments = [] };
                foreach (var arg in expr.Arguments!)
                {
                    var argAst = ProcessAst(arg);
                    PushAncestry(result, argAst);
                    result.Arguments.Add(argAst);
                }

                result.Procedure = ProcessAst(expr.Procedure!);
                break;
            case "lambda":
                result = new ParseNode
                {
                    Id = expr.Id,
                    Type = "lambda",
                    Arguments = expr.Arguments,
                    Signature = expr.Signature,
                    Position = expr.Position,
                };
                result.Body = TailCallOptimize(ProcessAst(expr.Body!));
                break;
            case "condition":
                result = new ParseNode { Id = expr.Id, Type = "condition", Position = expr.Position };
                result.Condition = ProcessAst(expr.Condition!);
                PushAncestry(result, result.Condition);
                result.Then = ProcessAst(expr.Then!);
                PushAncestry(result, result.Then);
                if (expr.Else is not null)
                {
                    result.Else = ProcessAst(expr.Else);
                    PushAncestry(result, result.Else);
                }

                break;
            case "transform":
                result = new ParseNode { Id = expr.Id, Type = "transform", Position = expr.Position };
                result.Pattern = ProcessAst(expr.Pattern!);
                result.Update = ProcessAst(expr.Update!);
                if (expr.Delete is not null)
                {
                    result.Delete = ProcessAst(expr.Delete);
                }

                break;
            case "block":
                result = new ParseNode { Id = expr.Id, Type = "block", Position = expr.Position, Expressions = [] };
                foreach (var item in expr.Expressions!)
                {
                    var part = ProcessAst(item);
                    PushAncestry(result, part);
                    if (part.ConsArray || (part.Type == "path" && part.Steps![0].ConsArray))
                    {
                        result.ConsArray = true;
                    }

                    result.Expressions.Add(part);
                }

                break;
            case "name":
                result = new ParseNode { Id = "(path)", Type = "path", Steps = [expr], Position = expr.Position };
                if (expr.KeepArray)
                {
                    result.KeepSingletonArray = true;
                }

                break;
            case "parent":
                result = new ParseNode
                {
                    Id = expr.Id,
                    Type = "parent",
                    Position = expr.Position,
                    Slot = new AncestorSlot { Label = "!" + ancestorLabel++.ToString(CultureInfo.InvariantCulture), Level = 1, Index = ancestorIndex++ },
                };
                ancestry.Add(result);
                break;
            case "string":
            case "number":
            case "value":
            case "wildcard":
            case "descendant":
            case "variable":
            case "regex":
                result = expr;
                break;
            case "operator":
                if (expr.Id is "and" or "or" or "in")
                {
                    expr.Type = "name";
                    result = ProcessAst(expr);
                }
                else if (expr.Id == "?")
                {
                    result = expr;
                }
                else
                {
                    throw new JsonataException("S0201", expr.Position, expr.Text);
                }

                break;
            default:
                throw new JsonataException(expr.Id == "(end)" ? "S0207" : "S0206", expr.Position, expr.Text);
        }

        if (expr.KeepArray)
        {
            result.KeepArray = true;
        }

        return result;
    }

    private ParseNode ProcessBinary(ParseNode expr)
    {
        ParseNode result;
        switch (expr.Id)
        {
            case ".":
                {
                    var lstep = ProcessAst(expr.Lhs!);
                    result = lstep.Type == "path" ? lstep : new ParseNode { Id = "(path)", Type = "path", Steps = [lstep], Position = lstep.Position };
                    if (lstep.Type == "parent")
                    {
                        result.SeekingParent = [lstep.Slot!];
                    }

                    var rest = ProcessAst(expr.Rhs!);
                    if (rest.Type == "path")
                    {
                        result.Steps!.AddRange(rest.Steps!);
                    }
                    else
                    {
                        if (rest.Predicate is not null)
                        {
                            rest.Stages = rest.Predicate;
                            rest.Predicate = null;
                        }

                        result.Steps!.Add(rest);
                    }

                    foreach (var step in result.Steps)
                    {
                        if (step.Type is "number" or "value")
                        {
                            throw new JsonataException("S0213", step.Position).WithValue(LiteralOf(step));
                        }

                        if (step.Type == "string")
                        {
                            step.Type = "name";
                        }
                    }

                    foreach (var step in result.Steps)
                    {
                        if (step.KeepArray)
                        {
                            result.KeepSingletonArray = true;
                            break;
                        }
                    }

                    var firststep = result.Steps[0];
                    if (firststep.Type == "unary" && firststep.Id == "[")
                    {
                        firststep.ConsArray = true;
                    }

                    var laststep = result.Steps[^1];
                    if (laststep.Type == "unary" && laststep.Id == "[")
                    {
                        laststep.ConsArray = true;
                    }

                    ResolveAncestry(result);
                    break;
                }

            case "[":
                {
                    result = ProcessAst(expr.Lhs!);
                    var step = result;
                    var isStages = false;
                    if (result.Type == "path")
                    {
                        step = result.Steps![^1];
                        isStages = true;
                    }

                    if (step.Group is not null)
                    {
                        throw new JsonataException("S0209", expr.Position);
                    }

                    var predicate = ProcessAst(expr.Rhs!);
                    if (predicate.SeekingParent is not null)
                    {
                        foreach (var slot in predicate.SeekingParent)
                        {
                            if (slot.Level == 1)
                            {
                                SeekParent(step, slot);
                            }
                            else
                            {
                                slot.Level--;
                            }
                        }

                        PushAncestry(step, predicate);
                    }

                    var stage = new ParseStage(predicate, null, expr.Position);
                    if (isStages)
                    {
                        (step.Stages ??= []).Add(stage);
                    }
                    else
                    {
                        (step.Predicate ??= []).Add(stage);
                    }

                    break;
                }

            case "{":
                result = ProcessAst(expr.Lhs!);
                if (result.Group is not null)
                {
                    throw new JsonataException("S0210", expr.Position);
                }

                result.Group = [];
                foreach (var pair in expr.Pairs!)
                {
                    result.Group.Add(new KeyValuePair<ParseNode, ParseNode>(ProcessAst(pair.Key), ProcessAst(pair.Value)));
                }

                result.GroupPosition = expr.Position;
                break;
            case "^":
                {
                    result = ProcessAst(expr.Lhs!);
                    if (result.Type != "path")
                    {
                        result = new ParseNode { Id = "(path)", Type = "path", Steps = [result], Position = result.Position };
                    }

                    var sortStep = new ParseNode { Id = "^", Type = "sort", Position = expr.Position, Terms = [] };
                    foreach (var term in expr.Terms!)
                    {
                        var expression = ProcessAst(term.Key);
                        PushAncestry(sortStep, expression);
                        sortStep.Terms.Add(new KeyValuePair<ParseNode, bool>(expression, term.Value));
                    }

                    result.Steps!.Add(sortStep);
                    ResolveAncestry(result);
                    break;
                }

            case ":=":
                result = new ParseNode { Id = ":=", Type = "bind", Text = ":=", Position = expr.Position };
                result.Lhs = ProcessAst(expr.Lhs!);
                result.Rhs = ProcessAst(expr.Rhs!);
                PushAncestry(result, result.Rhs);
                break;
            case "@":
                {
                    result = ProcessAst(expr.Lhs!);
                    var step = result;
                    if (result.Type == "path")
                    {
                        step = result.Steps![^1];
                    }

                    if (step.Stages is not null || step.Predicate is not null)
                    {
                        throw new JsonataException("S0215", expr.Position);
                    }

                    if (step.Type == "sort")
                    {
                        throw new JsonataException("S0216", expr.Position);
                    }

                    if (expr.KeepArray)
                    {
                        step.KeepArray = true;
                    }

                    step.Focus = expr.Rhs!.Text;
                    step.Tuple = true;
                    break;
                }

            case "#":
                {
                    result = ProcessAst(expr.Lhs!);
                    var step = result;
                    if (result.Type == "path")
                    {
                        step = result.Steps![^1];
                    }
                    else
                    {
                        result = new ParseNode { Id = "(path)", Type = "path", Steps = [result], Position = result.Position };
                        if (step.Predicate is not null)
                        {
                            step.Stages = step.Predicate;
                            step.Predicate = null;
                        }
                    }

                    if (step.Stages is null)
                    {
                        step.Index = expr.Rhs!.Text;
                    }
                    else
                    {
                        step.Stages.Add(new ParseStage(null, expr.Rhs!.Text, expr.Position));
                    }

                    step.Tuple = true;
                    break;
                }

            case "~>":
                result = new ParseNode { Id = "~>", Type = "apply", Text = "~>", Position = expr.Position };
                result.Lhs = ProcessAst(expr.Lhs!);
                result.Rhs = ProcessAst(expr.Rhs!);
                result.KeepArray = result.Lhs.KeepArray || result.Rhs.KeepArray;
                break;
            default:
                result = new ParseNode { Id = expr.Id, Type = "binary", Text = expr.Text, Position = expr.Position };
                result.Lhs = ProcessAst(expr.Lhs!);
                result.Rhs = ProcessAst(expr.Rhs!);
                PushAncestry(result, result.Lhs);
                PushAncestry(result, result.Rhs);
                break;
        }

        return result;
    }

    private static object? LiteralOf(ParseNode step) => step.Literal;
}
