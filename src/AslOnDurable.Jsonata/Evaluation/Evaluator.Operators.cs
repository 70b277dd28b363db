using AslOnDurable.Jsonata.Ast;

namespace AslOnDurable.Jsonata.Evaluation;

/// <summary>Operators and constructors.</summary>
internal sealed partial class Evaluator
{
    private object? EvaluateBinary(AstNode expr, object? input, Frame frame)
    {
        var lhs = Evaluate(expr.Lhs!, input, frame);
        var op = expr.Operator;
        if (op == BinaryOperator.And)
        {
            return ValueConverter.Box(ValueSemantics.Boolean(lhs) == true && ValueSemantics.Boolean(Evaluate(expr.Rhs!, input, frame)) == true);
        }

        if (op == BinaryOperator.Or)
        {
            return ValueConverter.Box(ValueSemantics.Boolean(lhs) == true || ValueSemantics.Boolean(Evaluate(expr.Rhs!, input, frame)) == true);
        }

        var rhs = Evaluate(expr.Rhs!, input, frame);
        try
        {
            switch (op)
            {
                case BinaryOperator.Add:
                case BinaryOperator.Subtract:
                case BinaryOperator.Multiply:
                case BinaryOperator.Divide:
                case BinaryOperator.Modulo:
                    return Arithmetic(lhs, rhs, op);
                case BinaryOperator.Equal:
                    return ValueConverter.Box(lhs is not null && rhs is not null && ValueSemantics.DeepEqual(lhs, rhs));
                case BinaryOperator.NotEqual:
                    return ValueConverter.Box(lhs is not null && rhs is not null && !ValueSemantics.DeepEqual(lhs, rhs));
                case BinaryOperator.Less:
                case BinaryOperator.LessOrEqual:
                case BinaryOperator.Greater:
                case BinaryOperator.GreaterOrEqual:
                    return Compare(lhs, rhs, op);
                case BinaryOperator.Concat:
                    StringSizeLimit.Check((lhs as string)?.Length + (rhs as string)?.Length ?? 0);
                    return (lhs is null ? string.Empty : ValueSemantics.ToJsonataString(lhs)) + (rhs is null ? string.Empty : ValueSemantics.ToJsonataString(rhs));
                case BinaryOperator.Range:
                    return Range(lhs, rhs);
                case BinaryOperator.In:
                    return ValueConverter.Box(Includes(lhs, rhs));
                default:
                    return null;
            }
        }
        catch (JsonataException e) when (AnnotateOperator(e, expr))
        {
            throw; // never reached: the filter only annotates (see AnnotateCall)
        }
    }

    private static bool AnnotateOperator(JsonataException e, AstNode expr)
    {
        e.Position = expr.Position;
        e.Token = expr.Name;
        return false;
    }

    private static double? Arithmetic(object? lhs, object? rhs, BinaryOperator op)
    {
        if (lhs is not null && !ValueSemantics.IsNumeric(lhs))
        {
            throw new JsonataException("T2001").WithValue(lhs);
        }

        if (rhs is not null && !ValueSemantics.IsNumeric(rhs))
        {
            throw new JsonataException("T2002").WithValue(rhs);
        }

        if (lhs is null || rhs is null)
        {
            return null;
        }

        var l = (double)lhs;
        var r = (double)rhs;
        return op switch
        {
            BinaryOperator.Add => l + r,
            BinaryOperator.Subtract => l - r,
            BinaryOperator.Multiply => l * r,
            BinaryOperator.Divide => l / r,
            _ => l % r,
        };
    }

    private static object? Compare(object? lhs, object? rhs, BinaryOperator op)
    {
        var lcomparable = lhs is null or string || (lhs is double ld && ValueSemantics.CheckFinite(ld));
        var rcomparable = rhs is null or string || (rhs is double rd && ValueSemantics.CheckFinite(rd));
        if (!lcomparable || !rcomparable)
        {
            throw new JsonataException("T2010").WithValue(lhs is not (string or double) ? lhs : rhs);
        }

        if (lhs is null || rhs is null)
        {
            return null;
        }

        if (lhs.GetType() != rhs.GetType())
        {
            var err = new JsonataException("T2009").WithValue(lhs);
            err.RawValue2 = rhs;
            throw err;
        }

        var c = lhs is string s ? string.CompareOrdinal(s, (string)rhs) : ((double)lhs).CompareTo((double)rhs);
        return ValueConverter.Box(op switch
        {
            BinaryOperator.Less => c < 0,
            BinaryOperator.LessOrEqual => c <= 0,
            BinaryOperator.Greater => c > 0,
            _ => c >= 0,
        });
    }

    private static JList? Range(object? lhs, object? rhs)
    {
        if (lhs is not null && !(lhs is double l0 && l0 == Math.Floor(l0) && double.IsFinite(l0)))
        {
            throw new JsonataException("T2003").WithValue(lhs);
        }

        if (rhs is not null && !(rhs is double r0 && r0 == Math.Floor(r0) && double.IsFinite(r0)))
        {
            throw new JsonataException("T2004").WithValue(rhs);
        }

        if (lhs is null || rhs is null)
        {
            return null;
        }

        var l = (double)lhs;
        var r = (double)rhs;
        if (l > r)
        {
            return null;
        }

        var size = r - l + 1;
        if (size > 1e7)
        {
            throw new JsonataException("D2014").WithValue(size);
        }

        var count = (int)size;
        var result = new JList(count) { IsSequence = true };
        for (var i = 0; i < count; i++)
        {
            result.Add(l + i);
        }

        return result;
    }

    private static bool Includes(object? lhs, object? rhs)
    {
        if (lhs is null || rhs is null)
        {
            return false;
        }

        if (rhs is JList list)
        {
            foreach (var item in list)
            {
                if (ValueSemantics.StrictEqual(item, lhs))
                {
                    return true;
                }
            }

            return false;
        }

        return ValueSemantics.StrictEqual(rhs, lhs);
    }

    private object? EvaluateNegate(AstNode expr, object? input, Frame frame)
    {
        var result = Evaluate(expr.Expression!, input, frame);
        if (result is null)
        {
            return null;
        }

        if (ValueSemantics.IsNumeric(result))
        {
            return -(double)result;
        }

        throw new JsonataException("D1002", expr.Position, "-").WithValue(result);
    }

    private JList EvaluateArray(AstNode expr, object? input, Frame frame)
    {
        var result = new JList(expr.Expressions.Length);
        foreach (var item in expr.Expressions)
        {
            var value = Evaluate(item, input, frame);
            if (value is null)
            {
                continue;
            }

            if (item.Kind == NodeKind.ArrayConstructor)
            {
                result.Add(value);
            }
            else if (value is JList list)
            {
                result.AddRange(list);
            }
            else
            {
                result.Add(value);
            }
        }

        result.Cons = expr.ConsArray;
        return result;
    }
}
