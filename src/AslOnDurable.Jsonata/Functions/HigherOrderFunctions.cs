using AslOnDurable.Jsonata.Evaluation;

namespace AslOnDurable.Jsonata.Functions;

/// <summary>Higher-order functions: <c>$map</c>, <c>$filter</c>, <c>$single</c>, <c>$reduce</c>, <c>$each</c>, <c>$sift</c>.</summary>
internal static class HigherOrderFunctions
{
    /// <summary>Registers the functions.</summary>
    public static void Register(FunctionRegistration add)
    {
        add("map", "<af>", 2, static (ev, a, _, frame) =>
        {
            if (a[0] is not JList arr)
            {
                return null;
            }

            var func = (Callable)a[1]!;
            var result = new JList(arr.Count) { IsSequence = true };
            for (var i = 0; i < arr.Count; i++)
            {
                var res = ev.Apply(func, HofArgs(func, arr[i], (double)i, arr), null, frame);
                if (res is not null)
                {
                    result.Add(res);
                }
            }

            return result;
        });
        add("filter", "<af>", 2, static (ev, a, _, frame) =>
        {
            if (a[0] is not JList arr)
            {
                return null;
            }

            var func = (Callable)a[1]!;
            var result = JList.Sequence();
            for (var i = 0; i < arr.Count; i++)
            {
                var res = ev.Apply(func, HofArgs(func, arr[i], (double)i, arr), null, frame);
                if (ValueSemantics.Boolean(res) == true)
                {
                    result.Add(arr[i]);
                }
            }

            return result;
        });
        add("single", "<af?>", 2, static (ev, a, _, frame) =>
        {
            if (a[0] is not JList arr)
            {
                return null;
            }

            var func = a.Length > 1 ? a[1] as Callable : null;
            var found = false;
            object? result = null;
            for (var i = 0; i < arr.Count; i++)
            {
                var positive = func is null || ValueSemantics.Boolean(ev.Apply(func, HofArgs(func, arr[i], (double)i, arr), null, frame)) == true;
                if (!positive)
                {
                    continue;
                }

                if (found)
                {
                    throw new JsonataException("D3138").WithIndex(i);
                }

                result = arr[i];
                found = true;
            }

            if (!found)
            {
                throw new JsonataException("D3139");
            }

            return result;
        });
        add("reduce", "<afj?:j>", 3, static (ev, a, _, frame) =>
        {
            if (a[0] is not JList sequence)
            {
                return null;
            }

            var func = (Callable)a[1]!;
            var arity = func.Arity;
            if (arity < 2)
            {
                throw new JsonataException("D3050").WithIndex(1);
            }

            object? result;
            int index;
            var init = a.Length > 2 ? a[2] : null;
            if (init is null && sequence.Count > 0)
            {
                result = sequence[0];
                index = 1;
            }
            else
            {
                result = init;
                index = 0;
            }

            while (index < sequence.Count)
            {
                object?[] args = arity >= 4 ? [result, sequence[index], (double)index, sequence]
                    : arity >= 3 ? [result, sequence[index], (double)index]
                    : [result, sequence[index]];
                result = ev.Apply(func, args, null, frame);
                index++;
            }

            return result;
        });
        add("each", "<o-f:a>", 2, static (ev, a, _, frame) =>
        {
            if (a[0] is not JObject obj)
            {
                return null;
            }

            var func = (Callable)a[1]!;
            var result = JList.Sequence();
            foreach (var kv in obj)
            {
                var val = ev.Apply(func, HofArgs(func, kv.Value, kv.Key, obj), null, frame);
                if (val is not null)
                {
                    result.Add(val);
                }
            }

            return result;
        });
        add("sift", "<o-f?:o>", 2, static (ev, a, _, frame) =>
        {
            if (a[0] is not JObject obj)
            {
                return null;
            }

            var func = (Callable)a[1]!;
            var result = new JObject();
            foreach (var kv in obj)
            {
                var res = ev.Apply(func, HofArgs(func, kv.Value, kv.Key, obj), null, frame);
                if (ValueSemantics.Boolean(res) == true)
                {
                    result[kv.Key] = kv.Value;
                }
            }

            return result.Count == 0 ? null : result;
        });
    }

    private static object?[] HofArgs(Callable func, object? arg1, object? arg2, object? arg3)
    {
        var length = func.Arity;
        return length >= 3 ? [arg1, arg2, arg3] : length >= 2 ? [arg1, arg2] : [arg1];
    }
}
