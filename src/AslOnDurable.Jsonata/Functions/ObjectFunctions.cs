using System.Text.Json;
using AslOnDurable.Jsonata.Evaluation;

namespace AslOnDurable.Jsonata.Functions;

/// <summary>Object and type functions: <c>$keys</c>, <c>$lookup</c>, <c>$spread</c>, <c>$merge</c>, <c>$type</c>, <c>$exists</c>, <c>$error</c>, <c>$assert</c>, <c>$clone</c>.</summary>
internal static class ObjectFunctions
{
    /// <summary>Registers the functions.</summary>
    public static void Register(FunctionRegistration add)
    {
        add("keys", "<x-:a<s>>", 1, static (_, a, _, _) => Keys(a[0]));
        add("lookup", "<x-s:x>", 2, static (_, a, _, _) => a[1] is string key ? Evaluator.Lookup(a[0], key) : null);
        add("spread", "<x-:a<o>>", 1, static (_, a, _, _) => Spread(a[0]));
        add("merge", "<a<o>:o>", 1, static (_, a, _, _) =>
        {
            if (a[0] is not JList list)
            {
                return null;
            }

            var capacity = 0;
            foreach (var item in list)
            {
                capacity += item is JObject counted ? counted.Count : 0;
            }

            var result = new JObject(capacity);
            foreach (var item in list)
            {
                if (item is JObject obj)
                {
                    foreach (var kv in obj)
                    {
                        result[kv.Key] = kv.Value;
                    }
                }
            }

            return result;
        });
        add("exists", "<x:b>", 1, static (_, a, _, _) => ValueConverter.Box(a[0] is not null));
        add("type", "<x:s>", 1, static (_, a, _, _) => a[0] switch
        {
            null => null,
            JNull => "null",
            double => "number",
            string => "string",
            bool => "boolean",
            JList => "array",
            Callable => "function",
            _ => "object",
        });
        add("error", "<s?:x>", 1, static (_, a, _, _) =>
            throw new JsonataException("D3137", a.Length > 0 && a[0] is string { Length: > 0 } m ? m : "$error() function evaluated", -1));
        add("assert", "<bs?:x>", 2, static (_, a, _, _) =>
        {
            if (a[0] is not true)
            {
                throw new JsonataException("D3141", a.Length > 1 && a[1] is string { Length: > 0 } m ? m : "$assert() statement failed", -1);
            }

            return null;
        });
        add("clone", "<(oa)-:o>", 1, static (_, a, _, _) =>
        {
            if (a[0] is null)
            {
                return null;
            }

            var text = ValueSemantics.ToJsonataString(a[0]!);
            using var doc = JsonDocument.Parse(text, ValueDepthLimit.DocumentOptions);
            return ValueConverter.FromJsonElement(doc.RootElement);
        });
    }

    private static JList Keys(object? arg)
    {
        var result = JList.Sequence();
        if (arg is JList list)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var item in list)
            {
                foreach (var key in Keys(item))
                {
                    if (seen.Add((string)key!))
                    {
                        result.Add(key);
                    }
                }
            }
        }
        else if (arg is JObject obj)
        {
            foreach (var kv in obj)
            {
                result.Add(kv.Key);
            }
        }

        return result;
    }

    private static object? Spread(object? arg)
    {
        if (arg is JList list)
        {
            object? result = JList.Sequence();
            foreach (var item in list)
            {
                result = ValueSemantics.Append(result, Spread(item));
            }

            return result;
        }

        if (arg is JObject obj)
        {
            var result = JList.Sequence();
            foreach (var kv in obj)
            {
                result.Add(new JObject { [kv.Key] = kv.Value });
            }

            return result;
        }

        return arg;
    }
}
