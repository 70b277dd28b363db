using System.Globalization;
using System.Text.RegularExpressions;
using AslOnDurable.Jsonata.Evaluation;

namespace AslOnDurable.Jsonata.Functions;

/// <summary>Numeric functions: <c>$number</c>, <c>$abs</c>, <c>$floor</c>, <c>$ceil</c>, <c>$round</c>, <c>$sqrt</c>, <c>$power</c>, <c>$random</c>.</summary>
internal static partial class NumericFunctions
{
    [GeneratedRegex(@"^-?[0-9]+(\.[0-9]+)?([Ee][-+]?[0-9]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex DecimalPattern();

    [GeneratedRegex(@"^(0[xX][0-9A-Fa-f]+)|(0[oO][0-7]+)|(0[bB][0-1]+)$", RegexOptions.CultureInvariant)]
    private static partial Regex PrefixedPattern();

    /// <summary>Registers the functions.</summary>
    public static void Register(FunctionRegistration add)
    {
        add("number", "<(nsb)-:n>", 1, static (_, a, _, _) => ToNumber(a[0]));
        add("abs", "<n-:n>", 1, static (_, a, _, _) => a[0] is double d ? Math.Abs(d) : null);
        add("floor", "<n-:n>", 1, static (_, a, _, _) => a[0] is double d ? Math.Floor(d) : null);
        add("ceil", "<n-:n>", 1, static (_, a, _, _) => a[0] is double d ? Math.Ceiling(d) : null);
        add("round", "<n-n?:n>", 2, static (_, a, _, _) => a[0] is double d ? Round(d, a.Length > 1 && a[1] is double p ? p : 0) : null);
        add("sqrt", "<n-:n>", 1, static (_, a, _, _) =>
        {
            if (a[0] is not double d)
            {
                return null;
            }

            if (d < 0)
            {
                throw new JsonataException("D3060").WithValue(d).WithIndex(1);
            }

            return Math.Sqrt(d);
        });
        add("power", "<n-n:n>", 2, static (_, a, _, _) =>
        {
            if (a[0] is not double d)
            {
                return null;
            }

            var exp = (double)a[1]!;
            var result = Math.Pow(d, exp);
            if (!double.IsFinite(result))
            {
                var error = new JsonataException("D3061").WithValue(d).WithIndex(1);
                error.Exponent = exp;
                throw error;
            }

            return result;
        });
        add("random", "<:n>", 0, static (ev, _, _, _) => ev.Random());
        add("boolean", "<x-:b>", 1, static (_, a, _, _) => ValueSemantics.Boolean(a[0]) is { } b ? ValueConverter.Box(b) : null);
        add("not", "<x-:b>", 1, static (_, a, _, _) => ValueSemantics.Boolean(a[0]) is { } b ? ValueConverter.Box(!b) : null);
    }

    /// <summary>The <c>$number</c> cast.</summary>
    public static object? ToNumber(object? arg)
    {
        switch (arg)
        {
            case null:
                return null;
            case double:
                return arg;
            case bool b:
                return b ? 1d : 0d;
            case string s when DecimalPattern().IsMatch(s):
                {
                    var d = double.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture);
                    if (double.IsFinite(d))
                    {
                        return d;
                    }

                    break;
                }

            case string s when PrefixedPattern().IsMatch(s):
                {
                    var radix = char.ToLowerInvariant(s[1]) switch { 'x' => 16, 'o' => 8, _ => 2 };
                    var digits = s[2..];
                    var value = 0d;
                    foreach (var c in digits)
                    {
                        value = (value * radix) + Convert.ToInt32(c.ToString(), 16);
                    }

                    return value;
                }

            default:
                break;
        }

        throw new JsonataException("D3030").WithValue(arg).WithIndex(1);
    }

    /// <summary>Round half to even at <paramref name="precision"/> decimal places.</summary>
    public static double Round(double arg, double precision)
    {
        var p = (int)precision;
        if (p != 0)
        {
            arg = Shift(arg, p);
        }

        var result = Math.Floor(arg + 0.5);
        var diff = result - arg;
        if (Math.Abs(diff) == 0.5 && Math.Abs(result % 2) == 1)
        {
            result -= 1;
        }

        if (p != 0)
        {
            result = Shift(result, -p);
        }

        return result == 0 ? 0 : result;
    }

    private static double Shift(double value, int places)
    {
        var text = NumberText.Format(value);
        var e = text.IndexOf('e', StringComparison.Ordinal);
        var mantissa = e >= 0 ? text[..e] : text;
        var exponent = e >= 0 ? int.Parse(text[(e + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture) : 0;
        return double.Parse(mantissa + "e" + (exponent + places).ToString(CultureInfo.InvariantCulture), NumberStyles.Float, CultureInfo.InvariantCulture);
    }
}
