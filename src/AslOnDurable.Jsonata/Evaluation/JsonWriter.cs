using System.Globalization;
using System.Text;

namespace AslOnDurable.Jsonata.Evaluation;

/// <summary>Serialises evaluator values like JavaScript's <c>JSON.stringify</c>.</summary>
internal static class JsonWriter
{
    /// <summary>Serialises <paramref name="value"/>; functions become "" when <paramref name="forString"/>.</summary>
    /// <param name="value">The value.</param>
    /// <param name="pretty">Indent with two spaces.</param>
    /// <param name="forString">Apply <c>$string</c> rules (15 significant digits, functions as empty strings).</param>
    public static string Stringify(object? value, bool pretty, bool forString)
    {
        if (value is null)
        {
            return "undefined";
        }

        var sb = new StringBuilder();
        Write(sb, value, pretty, forString, 0);
        return sb.ToString();
    }

    private static void Write(StringBuilder sb, object? value, bool pretty, bool forString, int indent)
    {
        switch (value)
        {
            case null:
            case JNull:
                sb.Append("null");
                break;
            case bool b:
                sb.Append(b ? "true" : "false");
                break;
            case double d:
                if (!double.IsFinite(d))
                {
                    if (forString && double.IsInfinity(d))
                    {
                        throw new JsonataException("D1001").WithValue(d);
                    }

                    sb.Append("null");
                }
                else
                {
                    if (forString)
                    {
                        sb.Append(NumberText.FormatPrecision(d, 15));
                    }
                    else
                    {
                        NumberText.Append(sb, d);
                    }
                }

                break;
            case string s:
                WriteString(sb, s);
                break;
            case Callable:
                sb.Append(forString ? "\"\"" : "null");
                break;
            case JList list:
                {
                    ValueDepthLimit.Check(indent);
                    var items = list.OuterWrapper && list.Count > 0 ? list[0] as JList ?? list : list;
                    sb.Append('[');
                    var first = true;
                    foreach (var item in items)
                    {
                        if (!first)
                        {
                            sb.Append(',');
                        }

                        first = false;
                        NewLine(sb, pretty, indent + 1);
                        Write(sb, item, pretty, forString, indent + 1);
                    }

                    if (!first)
                    {
                        NewLine(sb, pretty, indent);
                    }

                    sb.Append(']');
                    break;
                }

            case JObject obj:
                {
                    ValueDepthLimit.Check(indent);
                    sb.Append('{');
                    var first = true;
                    foreach (var kv in obj)
                    {
                        if (kv.Value is null || (!forString && kv.Value is Callable))
                        {
                            continue;
                        }

                        if (!first)
                        {
                            sb.Append(',');
                        }

                        first = false;
                        NewLine(sb, pretty, indent + 1);
                        WriteString(sb, kv.Key);
                        sb.Append(pretty ? ": " : ":");
                        Write(sb, kv.Value, pretty, forString, indent + 1);
                    }

                    if (!first)
                    {
                        NewLine(sb, pretty, indent);
                    }

                    sb.Append('}');
                    break;
                }

            default:
                sb.Append("null");
                break;
        }
    }

    private static void NewLine(StringBuilder sb, bool pretty, int indent)
    {
        if (pretty)
        {
            sb.Append('\n').Append(' ', indent * 2);
        }
    }

    /// <summary>Writes a JSON string literal with JavaScript's escaping rules.</summary>
    public static void WriteString(StringBuilder sb, string s)
    {
        sb.Append('"');
        var safeStart = 0;
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            if (c >= 0x20 && c != '"' && c != '\\' && !char.IsSurrogate(c))
            {
                continue;
            }

            sb.Append(s, safeStart, i - safeStart);
            safeStart = i + 1;
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\b': sb.Append("\\b"); break;
                case '\f': sb.Append("\\f"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                default:
                    if (c < 0x20 || (char.IsSurrogate(c) && !IsPaired(s, i)))
                    {
                        sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        sb.Append(c);
                    }

                    break;
            }
        }

        sb.Append(s, safeStart, s.Length - safeStart);
        sb.Append('"');
    }

    private static bool IsPaired(string s, int i) =>
        char.IsHighSurrogate(s[i]) ? i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]) : i > 0 && char.IsHighSurrogate(s[i - 1]);
}
