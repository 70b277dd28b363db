using System.Text;
using System.Text.Json.Nodes;
using CsCheck;

namespace AslOnDurable.Fuzzing;

/// <summary>Generators of JSON values and texts for the property tests: outside data as a hostile user sends it.</summary>
internal static class JsonGen
{
    /// <summary>Keys the fixed definitions read, so generated inputs reach their paths.</summary>
    public static readonly string[] CommonKeys = ["a", "b", "items", "n", "s", "x", "name", "value"];

    /// <summary>Any UTF-16 unit, lone surrogates included, weighted towards characters JSON and paths treat specially.</summary>
    public static readonly Gen<char> AnyChar = Gen.Frequency(
        (20, (IGen<char>)Gen.Char['a', 'z']),
        (6, Gen.Char["0123456789 .-_$@[]{}()'\",:\\/\t\n*?&|!=<>%#~^`"]),
        (2, Gen.Char['\u00a0', '\u07ff']),
        (1, Gen.Char['\ud800', '\udfff']),
        (1, Gen.Char));

    /// <summary>One edit of a text: where (a fraction of its length), what, and which character.</summary>
    public static readonly Gen<(int Where, int Kind, char Char)> Edit = Gen.Select(Gen.Int[0, 1000], Gen.Int[0, 4], AnyChar, (w, k, c) => (w, k, c));

    /// <summary>A short string of <see cref="AnyChar"/> (possibly with lone surrogates).</summary>
    public static readonly Gen<string> AnyText = Gen.String[AnyChar, 0, 12];

    /// <summary>A short well-formed string: no lone surrogate, sometimes an emoji.</summary>
    public static readonly Gen<string> Text = Gen.Select(AnyText, Gen.Int[0, 5], (s, emoji) => WellFormed(s) + (emoji == 0 ? "\U0001F600" : ""));

    /// <summary>A property name: mostly one of <see cref="CommonKeys"/>.</summary>
    public static readonly Gen<string> Key = Gen.Frequency((3, (IGen<string>)Gen.OneOf(CommonKeys)), (1, Text));

    /// <summary>Numbers: small integers, decimals, large and tiny magnitudes, negative zero.</summary>
    public static readonly Gen<double> Number = Gen.Frequency(
        (6, (IGen<double>)Gen.Int[-5, 20].Select(i => (double)i)),
        (2, Gen.Double[-1e6, 1e6]),
        (1, Gen.OneOf(0.1, -0.0, 1e20, 1e-7, 9007199254740993d, double.MaxValue, double.Epsilon)));

    /// <summary>A well-formed JSON value (strings without lone surrogates), up to four levels deep.</summary>
    public static readonly Gen<JsonNode?> Value = Node(Text, Number, 4);

    /// <summary>A JSON value with integers only (round trips through any number printer).</summary>
    public static readonly Gen<JsonNode?> IntegerValue = Node(Text, Gen.Int[-1000, 1000].Select(i => (double)i), 4);

    /// <summary>A JSON value whose strings and names may hold lone surrogates.</summary>
    public static readonly Gen<JsonNode?> AnyValue = Node(AnyText, Number, 3);

    /// <summary>JSON text as a hostile user sends it: well-formed, with lone surrogates, or mutated into invalid text.</summary>
    public static readonly Gen<string> AnyJsonText = Gen.Frequency(
        (4, (IGen<string>)Value.Select(v => v?.ToJsonString() ?? "null")),
        (1, AnyValue.Select(v => v?.ToJsonString() ?? "null")),
        (3, Gen.Select(Value, Gen.Int[1, 4].SelectMany(n => Edit.Array[n]), (v, edits) => Mutate(v?.ToJsonString() ?? "null", edits))),
        (1, Gen.Select(Gen.Int[0, 40], Gen.Int[0, 40], (open, close) => new string('[', open) + new string(']', close))),
        (1, Gen.OneOf("{\"a\":1,\"a\":2}", "\"\\ud800\"", "{\"k\\udc00\":1}", "", " ", "nul", "1e400", "-", "[1,]", "{\"a\"}", "\u0000")));

    /// <summary>Applies edits: delete, insert, replace a character, duplicate a slice, or cut the text.</summary>
    public static string Mutate(string text, (int Where, int Kind, char Char)[] edits)
    {
        var builder = new StringBuilder(text);
        foreach (var (where, kind, c) in edits)
        {
            var at = builder.Length == 0 ? 0 : where * builder.Length / 1001;
            switch (kind)
            {
                case 0 when builder.Length > 0:
                    builder.Remove(at, 1);
                    break;
                case 1:
                    builder.Insert(at, c);
                    break;
                case 2 when builder.Length > 0:
                    builder[at] = c;
                    break;
                case 3 when builder.Length > 0:
                    builder.Insert(at, builder.ToString(at, Math.Min(8, builder.Length - at)));
                    break;
                case 4:
                    builder.Length = at;
                    break;
            }
        }

        return builder.ToString();
    }

    /// <summary>Replaces every lone surrogate with <c>?</c>.</summary>
    public static string WellFormed(string text)
    {
        var chars = text.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (char.IsHighSurrogate(chars[i]) && i + 1 < chars.Length && char.IsLowSurrogate(chars[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(chars[i]))
            {
                chars[i] = '?';
            }
        }

        return new string(chars);
    }

    private static Gen<JsonNode?> Node(Gen<string> text, Gen<double> number, int depth)
    {
        var leaf = Gen.Frequency(
            (1, (IGen<JsonNode?>)Gen.Int[0, 0].Select(_ => (JsonNode?)null)),
            (2, Gen.Bool.Select(b => (JsonNode?)JsonValue.Create(b))),
            (4, number.Select(d => (JsonNode?)JsonValue.Create(d))),
            (4, text.Select(s => (JsonNode?)JsonValue.Create(s))));
        if (depth == 0)
        {
            return leaf;
        }

        var child = Node(text, number, depth - 1);
        var key = Gen.Frequency((3, (IGen<string>)Gen.OneOf(CommonKeys)), (1, text));
        return Gen.Frequency(
            (3, (IGen<JsonNode?>)leaf),
            (1, child.Array[0, 4].Select(items => (JsonNode?)new JsonArray(items))),
            (2, Gen.Select(key, child).Array[0, 4].Select(members =>
            {
                var obj = new JsonObject();
                foreach (var (k, v) in members)
                {
                    obj[k] = v;
                }

                return (JsonNode?)obj;
            })));
    }
}
