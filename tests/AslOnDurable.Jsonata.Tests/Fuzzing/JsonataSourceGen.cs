using CsCheck;
using AslOnDurable.Fuzzing;

namespace AslOnDurable.Jsonata.Tests.Fuzzing;

/// <summary>Generates JSONata source text: paths, operators, library calls with random arguments, lambdas, blocks.</summary>
internal static class JsonataSourceGen
{
    private static readonly string[] Functions =
    [
        "abs", "append", "assert", "average", "base64decode", "base64encode", "boolean", "ceil", "contains", "count",
        "decodeUrl", "decodeUrlComponent", "distinct", "each", "encodeUrl", "encodeUrlComponent", "error", "eval", "exists",
        "filter", "floor", "formatBase", "formatInteger", "formatNumber", "fromMillis", "join", "keys", "length", "lookup",
        "lowercase", "map", "match", "max", "merge", "millis", "min", "not", "now", "number", "pad", "parseInteger", "power",
        "random", "reduce", "replace", "reverse", "round", "shuffle", "sift", "single", "sort", "split", "spread", "sqrt",
        "string", "substring", "substringAfter", "substringBefore", "sum", "toMillis", "trim", "type", "uppercase", "zip",
    ];

    private static readonly string[] Operators = ["+", "-", "*", "/", "%", "&", "=", "!=", "<", "<=", ">", ">=", "and", "or", "in", "..", "??", "?:"];

    private static readonly Gen<string> StringLiteral = JsonGen.Text.Select(s => System.Text.Json.JsonSerializer.Serialize(s));

    private static readonly Gen<string> Leaf = Gen.Frequency(
        (3, (IGen<string>)Gen.OneOf("a", "b", "a.b", "items", "items[0]", "items[-1]", "n", "s", "x", "$", "$$", "*", "**", "name", "$v", "$f", "$states.input")),
        (2, Gen.Int[-3, 30].Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture))),
        (1, Gen.OneOf("1.5", "1e3", "1e308", "-0", "9007199254740993", "true", "false", "null", "[]", "{}", "/a.b/i", "/(a+)+$/", "/./", "\"😀\"", "\"\\ud800\"")),
        (2, StringLiteral));

    /// <summary>A random expression, up to four levels of nesting.</summary>
    public static readonly Gen<string> Expression = Build(4);

    /// <summary>An expression, or one mutated into arbitrary text.</summary>
    public static readonly Gen<string> AnySource = Gen.Frequency(
        (3, (IGen<string>)Expression),
        (2, Gen.Select(Expression, Gen.Int[1, 4].SelectMany(n => JsonGen.Edit.Array[n]), JsonGen.Mutate)),
        (1, JsonGen.AnyText));

    private static Gen<string> Build(int depth)
    {
        if (depth == 0)
        {
            return Leaf;
        }

        var e = Build(depth - 1);
        return Gen.Frequency(
            (4, (IGen<string>)Leaf),
            (3, Gen.Select(e, Gen.OneOf(Operators), e, (l, op, r) => $"{l} {op} {r}")),
            (3, Gen.Select(Gen.OneOf(Functions), e.Array[0, 3], (f, args) => $"${f}({string.Join(", ", args)})")),
            (1, Gen.Select(e, e, (l, r) => $"{l}.{r}")),
            (1, Gen.Select(e, e, (l, r) => $"{l}[{r}]")),
            (1, Gen.Select(e, e, e, (c, t, f) => $"{c} ? {t} : {f}")),
            (1, e.Array[0, 3].Select(items => $"[{string.Join(", ", items)}]")),
            (1, Gen.Select(StringLiteral, e).Array[0, 3].Select(members => "{" + string.Join(", ", members.Select(m => $"{m.Item1}: {m.Item2}")) + "}")),
            (1, Gen.Select(e, e, (v, body) => $"($v := {v}; $f := function($x){{ {body} }}; $f($v))")),
            (1, Gen.Select(e, e, (v, body) => $"{v} ~> $map(function($x, $i){{ {body} }})")),
            (1, Gen.Select(e, e, (l, r) => $"{l} ~> |$|{{'k': {r}}}|")),
            (1, e.Select(body => $"($f := function($x){{ $x > 0 ? $f($x - 1) + {body} : 0 }}; $f(50))")));
    }
}
