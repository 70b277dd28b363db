using AslOnDurable.Jsonata.Evaluation;

namespace AslOnDurable.Jsonata.Functions;

/// <summary>Array functions: <c>$append</c>, <c>$reverse</c>, <c>$shuffle</c>, <c>$distinct</c>, <c>$sort</c>, <c>$zip</c>.</summary>
internal static class ArrayFunctions
{
    /// <summary>Registers the functions.</summary>
    public static void Register(FunctionRegistration add)
    {
        add("append", "<xx:a>", 2, static (_, a, _, _) => ValueSemantics.Append(a[0], a[1]));
        add("reverse", "<a:a>", 1, static (_, a, _, _) =>
        {
            if (a[0] is not JList list)
            {
                return null;
            }

            if (list.Count <= 1)
            {
                return list;
            }

            var result = new JList(list.Count);
            result.AddRange(list);
            result.Reverse();
            return result;
        });
        add("shuffle", "<a:a>", 1, static (ev, a, _, _) =>
        {
            if (a[0] is not JList list)
            {
                return null;
            }

            if (list.Count <= 1)
            {
                return list;
            }

            var result = new object?[list.Count];
            for (var i = 0; i < list.Count; i++)
            {
                var j = (int)Math.Floor(ev.Random() * (i + 1));
                if (i != j)
                {
                    result[i] = result[j];
                }

                result[j] = list[i];
            }

            return new JList(result.Length) { }.Also(result);
        });
        add("distinct", "<x:x>", 1, static (_, a, _, _) =>
        {
            if (a[0] is not JList list || list.Count <= 1)
            {
                return a[0];
            }

            var results = new JList { IsSequence = list.IsSequence };
            foreach (var value in list)
            {
                var includes = false;
                foreach (var existing in results)
                {
                    if (ValueSemantics.DeepEqual(value, existing))
                    {
                        includes = true;
                        break;
                    }
                }

                if (!includes)
                {
                    results.Add(value);
                }
            }

            return results;
        });
        add("sort", "<af?:a>", 2, static (ev, a, _, frame) =>
        {
            if (a[0] is not JList list)
            {
                return null;
            }

            if (list.Count <= 1)
            {
                return list;
            }

            Func<object?, object?, bool> swap;
            if (a.Length < 2 || a[1] is null)
            {
                if (!ValueSemantics.IsArrayOfNumbers(list) && !ValueSemantics.IsArrayOfStrings(list))
                {
                    throw new JsonataException("D3070").WithIndex(1);
                }

                swap = static (x, y) => x is double dx ? dx > (double)y! : string.CompareOrdinal((string)x!, (string)y!) > 0;
            }
            else
            {
                var comparator = a[1];
                swap = (x, y) => ValueSemantics.Boolean(ev.Apply(comparator, [x, y], null, frame)) == true;
            }

            var sorted = MergeSort.Sort([.. list], swap);
            return new JList(sorted.Length).Also(sorted);
        });
        add("zip", "<a+>", 0, static (_, a, _, _) =>
        {
            var result = new JList();
            var length = int.MaxValue;
            foreach (var arg in a)
            {
                length = Math.Min(length, arg is JList l ? l.Count : 0);
            }

            if (a.Length == 0)
            {
                length = 0;
            }

            for (var i = 0; i < length; i++)
            {
                var tuple = new JList(a.Length);
                foreach (var arg in a)
                {
                    tuple.Add(((JList)arg!)[i]);
                }

                result.Add(tuple);
            }

            return result;
        });
    }

    private static JList Also(this JList list, object?[] items)
    {
        list.AddRange(items);
        return list;
    }
}
