namespace AslOnDurable.Jsonata.Evaluation;

/// <summary>JSONata's rules for truthiness, equality, numbers and strings over evaluator values.</summary>
internal static class ValueSemantics
{
    /// <summary>The effective boolean value; null for undefined.</summary>
    public static bool? Boolean(object? arg)
    {
        switch (arg)
        {
            case null:
                return null;
            case bool b:
                return b;
            case string s:
                return s.Length > 0;
            case double d:
                return IsNumeric(d) && d != 0;
            case JList list:
                if (list.Count == 1)
                {
                    return Boolean(list[0]) ?? false;
                }

                foreach (var item in list)
                {
                    if (Boolean(item) == true)
                    {
                        return true;
                    }
                }

                return false;
            case JObject obj:
                return obj.Count > 0;
            default:
                return false;
        }
    }

    /// <summary>Throws D1001 for infinite numbers; returns true otherwise.</summary>
    public static bool CheckFinite(double d)
    {
        if (double.IsInfinity(d))
        {
            throw new JsonataException("D1001").WithValue(d);
        }

        return true;
    }

    /// <summary>Whether <paramref name="value"/> is a (non-NaN) number; throws D1001 when infinite.</summary>
    public static bool IsNumeric(object? value) => value is double d && !double.IsNaN(d) && CheckFinite(d);

    /// <summary>Whether every item is a number.</summary>
    public static bool IsArrayOfNumbers(JList list)
    {
        foreach (var item in list)
        {
            if (!IsNumeric(item))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether every item is a string.</summary>
    public static bool IsArrayOfStrings(JList list)
    {
        foreach (var item in list)
        {
            if (item is not string)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>JavaScript's <c>===</c>: primitives by value, containers by reference.</summary>
    public static bool StrictEqual(object? a, object? b) => (a, b) switch
    {
        (null, null) => true,
        (double x, double y) => x == y,
        (string x, string y) => string.Equals(x, y, StringComparison.Ordinal),
        (bool x, bool y) => x == y,
        _ => ReferenceEquals(a, b),
    };

    /// <summary>Deep equality (arrays in order, objects by key set).</summary>
    public static bool DeepEqual(object? a, object? b)
    {
        if (StrictEqual(a, b))
        {
            return true;
        }

        if (a is JList la && b is JList lb)
        {
            if (la.Count != lb.Count)
            {
                return false;
            }

            for (var i = 0; i < la.Count; i++)
            {
                if (!DeepEqual(la[i], lb[i]))
                {
                    return false;
                }
            }

            return true;
        }

        if (a is JObject oa && b is JObject ob)
        {
            if (oa.Count != ob.Count)
            {
                return false;
            }

            foreach (var kv in oa)
            {
                if (!ob.TryGetValue(kv.Key, out var other) || !DeepEqual(kv.Value, other))
                {
                    return false;
                }
            }

            return true;
        }

        return false;
    }

    /// <summary>The <c>$string</c> conversion (undefined stays undefined).</summary>
    public static string ToJsonataString(object value, bool prettify = false)
    {
        switch (value)
        {
            case string s:
                return s;
            case Callable:
                return string.Empty;
            case double d when !double.IsFinite(d):
                throw new JsonataException("D3001").WithValue(d);
            default:
                return JsonWriter.Stringify(value, prettify, true);
        }
    }

    /// <summary>JSONata's append: concatenates, treating non-arrays as singletons; undefined is ignored.</summary>
    public static object? Append(object? arg1, object? arg2)
    {
        if (arg1 is null)
        {
            return arg2;
        }

        if (arg2 is null)
        {
            return arg1;
        }

        var result = new JList();
        if (arg1 is JList l1)
        {
            result.AddRange(l1);
        }
        else
        {
            result.Add(arg1);
        }

        if (arg2 is JList l2)
        {
            result.AddRange(l2);
        }
        else
        {
            result.Add(arg2);
        }

        return result;
    }
}
