using System.Buffers;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AslOnDurable.Jsonata.Evaluation;

/// <summary>Converts between System.Text.Json values and the evaluator's values.</summary>
internal static class ValueConverter
{
    /// <summary>The boxed <c>true</c>.</summary>
    public static readonly object True = true;

    /// <summary>The boxed <c>false</c>.</summary>
    public static readonly object False = false;

    /// <summary>Boxes a boolean without allocating.</summary>
    public static object Box(bool value) => value ? True : False;

    /// <summary>Converts a JSON node (null means JSON null).</summary>
    public static object FromJsonNode(JsonNode? node) => FromJsonNode(node, 0, null);

    /// <summary>Converts a JSON node, taking objects and arrays <paramref name="known"/> has converted before as they are.</summary>
    public static object FromJsonNode(JsonNode? node, IConvertedNodes? known) => FromJsonNode(node, 0, known);

    private static object FromJsonNode(JsonNode? node, int depth, IConvertedNodes? known)
    {
        switch (node)
        {
            case null:
                return JNull.Value;
            case JsonObject obj:
                {
                    ValueDepthLimit.Check(depth);
                    if (known is not null && known.TryGetConverted(obj, out var cached) && cached.Raw is not null)
                    {
                        return cached.Raw;
                    }

                    var result = new JObject(obj.Count);
                    foreach (var kv in obj)
                    {
                        result.AddNew(KeyNames.Canonical(kv.Key), FromJsonNode(kv.Value, depth + 1, known)); // a JsonObject's keys are distinct
                    }

                    return result;
                }

            case JsonArray arr:
                {
                    ValueDepthLimit.Check(depth);
                    if (known is not null && known.TryGetConverted(arr, out var cached) && cached.Raw is not null)
                    {
                        return cached.Raw;
                    }

                    var result = new JList(arr.Count);
                    foreach (var item in arr)
                    {
                        result.Add(FromJsonNode(item, depth + 1, known));
                    }

                    return result;
                }

            default:
                {
                    var value = node.AsValue();
                    if (value.TryGetValue<JsonElement>(out var element))
                    {
                        return FromJsonElement(element);
                    }

                    return value.GetValueKind() switch
                    {
                        JsonValueKind.String => value.TryGetValue<string>(out var text) ? text : FromJsonText(value),
                        JsonValueKind.True => True,
                        JsonValueKind.False => False,
                        JsonValueKind.Number => FromClrNumber(value),
                        JsonValueKind.Object or JsonValueKind.Array => FromJsonText(value),
                        _ => JNull.Value,
                    };
                }
        }
    }

    /// <summary>
    /// Reads a number held as a CLR value (<c>JsonValue.Create(1)</c>, <c>JsonValue.Create(2.5m)</c>, …), not only
    /// numbers parsed from text. Numbers become doubles, as in JavaScript.
    /// </summary>
    private static object FromClrNumber(JsonValue value)
    {
        if (value.TryGetValue<double>(out var d))
        {
            return d;
        }

        if (value.TryGetValue<int>(out var i))
        {
            return (double)i;
        }

        if (value.TryGetValue<long>(out var l))
        {
            return (double)l;
        }

        if (value.TryGetValue<decimal>(out var m))
        {
            return (double)m;
        }

        // Any other numeric CLR type (float, short, byte, unsigned, Half, …): its JSON text is exact enough.
        return FromJsonText(value);
    }

    /// <summary>Converts a value through its JSON text (CLR values the typed accessors cannot read, such as a char or a date).</summary>
    private static object FromJsonText(JsonValue value)
    {
        using var document = JsonDocument.Parse(value.ToJsonString(), ValueDepthLimit.DocumentOptions);
        return FromJsonElement(document.RootElement);
    }

    /// <summary>Converts a JSON element.</summary>
    public static object FromJsonElement(JsonElement element) => FromJsonElement(element, 0);

    private static object FromJsonElement(JsonElement element, int depth)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                {
                    ValueDepthLimit.Check(depth);
                    var result = new JObject();
                    foreach (var p in element.EnumerateObject())
                    {
                        result[KeyNames.Canonical(p.Name)] = FromJsonElement(p.Value, depth + 1); // the last of repeated names wins
                    }

                    return result;
                }

            case JsonValueKind.Array:
                {
                    ValueDepthLimit.Check(depth);
                    var result = new JList(element.GetArrayLength());
                    foreach (var item in element.EnumerateArray())
                    {
                        result.Add(FromJsonElement(item, depth + 1));
                    }

                    return result;
                }

            case JsonValueKind.String:
                return element.GetString()!;
            case JsonValueKind.Number:
                return element.GetDouble();
            case JsonValueKind.True:
                return True;
            case JsonValueKind.False:
                return False;
            default:
                return JNull.Value;
        }
    }

    /// <summary>
    /// Whether <paramref name="value"/> is what converting its JSON form back would give: only JSON values, no sequences
    /// or flagged arrays, no functions, no non-finite numbers, no undefined members. Such a value can stand for the node
    /// <see cref="ToJsonNode(object?)"/> makes of it.
    /// </summary>
    public static bool IsPlainJson(object? value) => IsPlainJson(value, 0);

    private static bool IsPlainJson(object? value, int depth)
    {
        switch (value)
        {
            case string or bool or JNull:
                return true;
            case double d:
                return double.IsFinite(d);
            case JList list:
                if (depth >= JsonataLimits.MaxValueDepth || list.IsSequence || list.KeepSingleton || list.Cons || list.OuterWrapper || list.TupleStream)
                {
                    return false;
                }

                foreach (var item in list)
                {
                    if (!IsPlainJson(item, depth + 1))
                    {
                        return false;
                    }
                }

                return true;
            case JObject obj:
                if (depth >= JsonataLimits.MaxValueDepth)
                {
                    return false;
                }

                foreach (var kv in obj)
                {
                    if (!IsPlainJson(kv.Value, depth + 1))
                    {
                        return false;
                    }
                }

                return true;
            default:
                return false;
        }
    }

    /// <summary>
    /// Measures <paramref name="value"/> as plain JSON (see <see cref="IsPlainJson(object?)"/>) in one walk: the UTF-8
    /// size of the compact JSON text of the node <see cref="ToJsonNode(object?)"/> makes of it (non-ASCII text counted as
    /// UTF-8, only <c>"</c>, <c>\</c> and control characters escaped, numbers in their shortest round-trip form), and
    /// whether all its text is well-formed UTF-16.
    /// </summary>
    /// <returns>False when the value is not plain JSON (nothing measured).</returns>
    public static bool TryMeasurePlainJson(object? value, out long size, out bool wellFormed)
    {
        size = 0;
        wellFormed = true;
        var deepest = 0;
        return TryMeasure(value, 0, ref size, ref wellFormed, ref deepest);
    }

    /// <param name="value">The value.</param>
    /// <param name="depth">Its depth (objects and arrays around it).</param>
    /// <param name="size">Adds its size.</param>
    /// <param name="wellFormed">Cleared when its text holds a lone surrogate.</param>
    /// <param name="deepest">Raised to the depth of its deepest object or array.</param>
    private static bool TryMeasure(object? value, int depth, ref long size, ref bool wellFormed, ref int deepest)
    {
        switch (value)
        {
            case string s:
                size += MeasureString(s, ref wellFormed);
                return true;
            case bool b:
                size += b ? 4 : 5;
                return true;
            case JNull:
                size += 4;
                return true;
            case double d:
                {
                    if (d == Math.Floor(d) && Math.Abs(d) < 1e15 && (d != 0 || !double.IsNegative(d)))
                    {
                        // An integer below 1e15 is written as its digits (and a minus sign): no formatting needed.
                        var magnitude = (long)Math.Abs(d);
                        var digits = 1;
                        while (magnitude >= 10)
                        {
                            magnitude /= 10;
                            digits++;
                        }

                        size += (d < 0 ? 1 : 0) + digits;
                        return true;
                    }

                    Span<char> buffer = stackalloc char[32];
                    if (!double.IsFinite(d) || !d.TryFormat(buffer, out var written, default, System.Globalization.CultureInfo.InvariantCulture))
                    {
                        return false;
                    }

                    size += written;
                    return true;
                }

            case JList list:
                {
                    if (list.IsSequence || list.KeepSingleton || list.Cons || list.OuterWrapper || list.TupleStream)
                    {
                        return false;
                    }

                    var measure = list.Measure;
                    if (measure is null)
                    {
                        long own = 2 + Math.Max(0, list.Count - 1);
                        var ownWellFormed = true;
                        var ownDeepest = depth;
                        if (depth >= JsonataLimits.MaxValueDepth)
                        {
                            return false;
                        }

                        foreach (var item in list)
                        {
                            if (!TryMeasure(item, depth + 1, ref own, ref ownWellFormed, ref ownDeepest))
                            {
                                return false;
                            }
                        }

                        measure = new PlainJsonMeasure(own, ownDeepest - depth, ownWellFormed);
                        list.Measure = measure;
                    }

                    return Add(measure.Value, depth, ref size, ref wellFormed, ref deepest);
                }

            case JObject obj:
                {
                    var measure = obj.Measure;
                    if (measure is null)
                    {
                        long own = 2 + Math.Max(0, obj.Count - 1);
                        var ownWellFormed = true;
                        var ownDeepest = depth;
                        if (depth >= JsonataLimits.MaxValueDepth)
                        {
                            return false;
                        }

                        foreach (var kv in obj)
                        {
                            own += MeasureString(kv.Key, ref ownWellFormed) + 1;
                            if (!TryMeasure(kv.Value, depth + 1, ref own, ref ownWellFormed, ref ownDeepest))
                            {
                                return false;
                            }
                        }

                        measure = new PlainJsonMeasure(own, ownDeepest - depth, ownWellFormed);
                        obj.Measure = measure;
                    }

                    return Add(measure.Value, depth, ref size, ref wellFormed, ref deepest);
                }

            default:
                return false;
        }
    }

    /// <summary>Adds a container's measure at <paramref name="depth"/>; false when its deepest level passes the depth limit there.</summary>
    private static bool Add(PlainJsonMeasure measure, int depth, ref long size, ref bool wellFormed, ref int deepest)
    {
        if (depth + measure.Height >= JsonataLimits.MaxValueDepth)
        {
            return false;
        }

        size += measure.Size;
        wellFormed = wellFormed && measure.WellFormed;
        deepest = Math.Max(deepest, depth + measure.Height);
        return true;
    }

    /// <summary>
    /// Printable ASCII but <c>"</c> and <c>\</c>: a string of these only is its length plus its quotes in UTF-8 text and
    /// well-formed (no surrogates), known from one search.
    /// </summary>
    private static readonly SearchValues<char> PlainAscii =
        SearchValues.Create(" !#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[]^_`abcdefghijklmnopqrstuvwxyz{|}~\u007f");

    /// <summary>The size of <paramref name="text"/> as a JSON string (<see cref="StringSize"/>); clears <paramref name="wellFormed"/> for a lone surrogate.</summary>
    private static long MeasureString(string text, ref bool wellFormed)
    {
        if (!text.AsSpan().ContainsAnyExcept(PlainAscii))
        {
            return text.Length + 2;
        }

        wellFormed = wellFormed && IsWellFormed(text);
        return StringSize(text);
    }

    private static long StringSize(string text)
    {
        long size = 2 + System.Text.Encoding.UTF8.GetByteCount(text);
        var span = text.AsSpan();
        var i = span.IndexOfAnyInRange('\0', '\u001F');
        var j = span.IndexOfAny('"', '\\');
        if (i < 0 && j < 0)
        {
            return size;
        }

        foreach (var c in span)
        {
            if (c is '"' or '\\' or '\b' or '\f' or '\n' or '\r' or '\t')
            {
                size += 1;
            }
            else if (c < 0x20)
            {
                size += 5;
            }
        }

        return size;
    }

    /// <summary>
    /// The plain JSON value (see <see cref="IsPlainJson(object?)"/>) equal to converting the node
    /// <see cref="ToJsonNode(object?)"/> makes of <paramref name="value"/> back, without building that node: plain parts
    /// are taken as they are, sequences and flagged arrays become arrays, functions and non-finite numbers become what
    /// their nodes hold. Undefined and JSON null both give JSON null.
    /// </summary>
    public static object ToPlainJson(object? value) => ToPlainJson(value, 0);

    private static object ToPlainJson(object? value, int depth)
    {
        switch (value)
        {
            case string or bool:
                return value;
            case double d:
                return double.IsFinite(d) ? value : JNull.Value;
            case JList list:
                {
                    ValueDepthLimit.Check(depth);
                    var flagged = list.IsSequence || list.KeepSingleton || list.Cons || list.OuterWrapper || list.TupleStream;
                    if (!flagged && list.Measure is { } measure && depth + measure.Height < JsonataLimits.MaxValueDepth)
                    {
                        return list;
                    }

                    var items = list.OuterWrapper && list.Count == 1 && list[0] is JList inner ? inner : list;
                    JList? result = flagged ? new JList(items.Count) : null;
                    for (var i = 0; i < items.Count; i++)
                    {
                        var item = items[i];
                        var plain = item is Callable ? JNull.Value : ToPlainJson(item, depth + 1);
                        if (result is null && !ReferenceEquals(plain, item))
                        {
                            // The first changed item: copy the list up to here, then go on into the copy.
                            result = new JList(items.Count);
                            for (var j = 0; j < i; j++)
                            {
                                result.Add(items[j]);
                            }
                        }

                        result?.Add(plain);
                    }

                    return result ?? list;
                }

            case JObject obj:
                {
                    ValueDepthLimit.Check(depth);
                    if (obj.Measure is { } measure && depth + measure.Height < JsonataLimits.MaxValueDepth)
                    {
                        return obj;
                    }

                    // The copy takes the members as they come: their names are distinct already (no search per name).
                    JObject? result = null;
                    var members = obj.Members;
                    for (var i = 0; i < members.Length; i++)
                    {
                        var (key, member) = members[i];
                        var plain = member is null or Callable ? null : ToPlainJson(member, depth + 1);
                        if (result is null && !ReferenceEquals(plain, member))
                        {
                            // The first changed or left-out member: copy the object up to here, then go on into the copy.
                            result = new JObject(members.Length);
                            foreach (var (k, v) in members[..i])
                            {
                                result.AddNew(k, v);
                            }
                        }

                        if (result is not null && plain is not null)
                        {
                            result.AddNew(key, plain);
                        }
                    }

                    return result ?? obj;
                }

            case Callable:
                return string.Empty;
            default:
                return JNull.Value;
        }
    }

    /// <summary>Converts an evaluator value to a JSON node; undefined and JSON null both give null.</summary>
    public static JsonNode? ToJsonNode(object? value)
    {
        var wellFormed = true;
        return ToJsonNode(value, 0, ref wellFormed);
    }

    /// <summary>
    /// Converts an evaluator value to a JSON node, telling whether every string and member name in it is well-formed
    /// UTF-16 (no lone surrogate), checked while the node is built.
    /// </summary>
    public static JsonNode? ToJsonNode(object? value, out bool wellFormed)
    {
        wellFormed = true;
        return ToJsonNode(value, 0, ref wellFormed);
    }

    /// <summary>Whether every surrogate in <paramref name="text"/> is half of a pair.</summary>
    public static bool IsWellFormed(string text)
    {
        var span = text.AsSpan();
        var i = span.IndexOfAnyInRange('\uD800', '\uDFFF');
        while (i >= 0)
        {
            if (!char.IsHighSurrogate(span[i]) || i + 1 >= span.Length || !char.IsLowSurrogate(span[i + 1]))
            {
                return false;
            }

            var next = span[(i + 2)..].IndexOfAnyInRange('\uD800', '\uDFFF');
            i = next < 0 ? -1 : i + 2 + next;
        }

        return true;
    }

    private static JsonNode? ToJsonNode(object? value, int depth, ref bool wellFormed)
    {
        switch (value)
        {
            case null:
            case JNull:
                return null;
            case bool b:
                return JsonValue.Create(b);
            case double d:
                if (!double.IsFinite(d))
                {
                    return null;
                }

                return JsonValue.Create(d);
            case string s:
                wellFormed = wellFormed && IsWellFormed(s);
                return JsonValue.Create(s);
            case JList list:
                {
                    ValueDepthLimit.Check(depth);
                    var items = list.OuterWrapper && list.Count == 1 && list[0] is JList inner ? inner : list;
                    if (items.Count == 0)
                    {
                        return new JsonArray();
                    }

                    // Built into an exact-size buffer and handed over at once: the array's list is sized once.
                    var buffer = ArrayPool<JsonNode?>.Shared.Rent(items.Count);
                    try
                    {
                        for (var i = 0; i < items.Count; i++)
                        {
                            var item = items[i];
                            buffer[i] = item is Callable ? null : ToJsonNode(item, depth + 1, ref wellFormed);
                        }

                        return new JsonArray(default(JsonNodeOptions), new ReadOnlySpan<JsonNode?>(buffer, 0, items.Count));
                    }
                    finally
                    {
                        Array.Clear(buffer, 0, items.Count);
                        ArrayPool<JsonNode?>.Shared.Return(buffer);
                    }
                }

            case JObject obj:
                {
                    ValueDepthLimit.Check(depth);
                    if (obj.Count == 0)
                    {
                        return new JsonObject();
                    }

                    // Members collected first so the object's dictionary is created at its final size.
                    var buffer = ArrayPool<KeyValuePair<string, JsonNode?>>.Shared.Rent(obj.Count);
                    var count = 0;
                    try
                    {
                        foreach (var kv in obj)
                        {
                            if (kv.Value is null || kv.Value is Callable)
                            {
                                continue;
                            }

                            wellFormed = wellFormed && IsWellFormed(kv.Key);
                            buffer[count++] = new(kv.Key, ToJsonNode(kv.Value, depth + 1, ref wellFormed));
                        }

                        return new JsonObject(new ArraySegment<KeyValuePair<string, JsonNode?>>(buffer, 0, count));
                    }
                    finally
                    {
                        Array.Clear(buffer, 0, count);
                        ArrayPool<KeyValuePair<string, JsonNode?>>.Shared.Return(buffer);
                    }
                }

            case Callable:
                return JsonValue.Create(string.Empty);
            default:
                return null;
        }
    }
}
