using System.Text;
using System.Text.RegularExpressions;
using AslOnDurable.Jsonata.Evaluation;

namespace AslOnDurable.Jsonata.Functions;

/// <summary>
/// A parsed function signature such as <c>&lt;s-nn?:s&gt;</c>; validates arguments, substitutes the
/// context for <c>-</c> parameters and wraps single values for array parameters.
/// </summary>
internal sealed class Signature
{
    private readonly List<Param> parameters;

    private Signature(string definition, List<Param> parameters)
    {
        Definition = definition;
        this.parameters = parameters;
    }

    /// <summary>The signature text.</summary>
    public string Definition { get; }

    /// <summary>The number of declared parameters.</summary>
    public int ParameterCount => parameters.Count;

    /// <summary>The number of parameters that are neither optional nor repeated.</summary>
    public int RequiredCount
    {
        get
        {
            var n = 0;
            foreach (var p in parameters)
            {
                if (!p.Pattern.EndsWith('?'))
                {
                    n++;
                }
            }

            return n;
        }
    }

    /// <summary>Parses a signature; errors carry the offset within the signature as position.</summary>
    public static Signature Parse(string signature)
    {
        var position = 1;
        var parameters = new List<Param>();
        Param? prev = null;
        while (position < signature.Length)
        {
            var symbol = signature[position];
            if (symbol == ':')
            {
                break;
            }

            switch (symbol)
            {
                case 's':
                case 'n':
                case 'b':
                case 'l':
                case 'o':
                    prev = new Param(symbol, "[" + symbol + "m]");
                    parameters.Add(prev);
                    break;
                case 'a':
                    prev = new Param(symbol, "[asnblfom]");
                    parameters.Add(prev);
                    break;
                case 'f':
                    prev = new Param(symbol, "f");
                    parameters.Add(prev);
                    break;
                case 'j':
                    prev = new Param(symbol, "[asnblom]");
                    parameters.Add(prev);
                    break;
                case 'x':
                    prev = new Param(symbol, "[asnblfom]");
                    parameters.Add(prev);
                    break;
                case '-':
                    if (prev is not null)
                    {
                        prev.Context = true;
                        prev.Pattern += "?";
                    }

                    break;
                case '?':
                case '+':
                    if (prev is not null)
                    {
                        prev.Pattern += symbol;
                    }

                    break;
                case '(':
                    {
                        var end = FindClosing(signature, position, '(', ')');
                        var choice = signature[(position + 1)..end];
                        if (choice.Contains('<', StringComparison.Ordinal))
                        {
                            throw new JsonataException("S0402", position).WithValue(choice);
                        }

                        prev = new Param('(', "[" + choice + "m]");
                        parameters.Add(prev);
                        position = end;
                        break;
                    }

                case '<':
                    if (prev is not null && (prev.Type == 'a' || prev.Type == 'f'))
                    {
                        var end = FindClosing(signature, position, '<', '>');
                        prev.Subtype = signature[(position + 1)..end];
                        position = end;
                    }
                    else
                    {
                        throw new JsonataException("S0401", position).WithValue(prev?.Type.ToString());
                    }

                    break;
                default:
                    break;
            }

            position++;
        }

        return new Signature(signature, parameters);
    }

    private static int FindClosing(string str, int start, char open, char close)
    {
        var depth = 1;
        var position = start;
        while (position < str.Length)
        {
            position++;
            if (position >= str.Length)
            {
                break;
            }

            var c = str[position];
            if (c == close)
            {
                depth--;
                if (depth == 0)
                {
                    break;
                }
            }
            else if (c == open)
            {
                depth++;
            }
        }

        return position;
    }

    /// <summary>The type symbol of a value: s n b l a o f, or m for missing.</summary>
    public static char SymbolOf(object? value) => value switch
    {
        null => 'm',
        string => 's',
        double => 'n',
        bool => 'b',
        JNull => 'l',
        JList => 'a',
        Callable => 'f',
        _ => 'o',
    };

    /// <summary>Validates <paramref name="args"/>; returns the arguments to pass to the implementation.</summary>
    public object?[] Validate(object?[] args, object? context)
    {
        Span<char> supplied = args.Length <= 32 ? stackalloc char[args.Length] : new char[args.Length];
        for (var i = 0; i < args.Length; i++)
        {
            supplied[i] = SymbolOf(args[i]);
        }

        Span<int> ends = parameters.Count <= 16 ? stackalloc int[parameters.Count] : new int[parameters.Count];
        if (!Match(supplied, 0, 0, ends))
        {
            throw ValidationError(args, new string(supplied));
        }

        var total = 0;
        var previousEnd = 0;
        for (var index = 0; index < parameters.Count; index++)
        {
            total += Math.Max(1, ends[index] - previousEnd);
            previousEnd = ends[index];
        }

        var validated = new ValidatedArguments(args, total);
        var argIndex = 0;
        var groupStart = 0;
        for (var index = 0; index < parameters.Count; index++)
        {
            var param = parameters[index];
            var groupEnd = ends[index];
            var m = supplied[groupStart..groupEnd];
            groupStart = groupEnd;
            var arg = argIndex < args.Length ? args[argIndex] : null;
            if (m.Length == 0)
            {
                if (param.Context)
                {
                    var contextType = SymbolOf(context);
                    if (param.Allows(contextType))
                    {
                        validated.Add(context);
                    }
                    else
                    {
                        throw new JsonataException("T0411").WithValue(context).WithIndex(argIndex + 1);
                    }
                }
                else
                {
                    validated.Add(arg);
                    argIndex++;
                }

                continue;
            }

            foreach (var single in m)
            {
                if (param.Type == 'a')
                {
                    if (single == 'm')
                    {
                        arg = null;
                    }
                    else
                    {
                        arg = args[argIndex];
                        var arrayOk = true;
                        if (param.Subtype is not null)
                        {
                            if (single != 'a' && !m.SequenceEqual(param.Subtype))
                            {
                                arrayOk = false;
                            }
                            else if (single == 'a' && arg is JList list && list.Count > 0)
                            {
                                var itemType = SymbolOf(list[0]);
                                if (itemType != param.Subtype[0])
                                {
                                    arrayOk = false;
                                }
                                else
                                {
                                    foreach (var item in list)
                                    {
                                        if (SymbolOf(item) != itemType)
                                        {
                                            arrayOk = false;
                                            break;
                                        }
                                    }
                                }
                            }
                        }

                        if (!arrayOk)
                        {
                            var error = new JsonataException("T0412").WithValue(arg).WithIndex(argIndex + 1);
                            error.ExpectedType = param.Subtype switch
                            {
                                "a" => "arrays",
                                "b" => "booleans",
                                "f" => "functions",
                                "n" => "numbers",
                                "o" => "objects",
                                "s" => "strings",
                                _ => null,
                            };
                            throw error;
                        }

                        if (single != 'a')
                        {
                            arg = new JList(1) { arg };
                        }
                    }

                    validated.Add(arg);
                    argIndex++;
                }
                else
                {
                    validated.Add(argIndex < args.Length ? args[argIndex] : null);
                    argIndex++;
                }
            }
        }

        return validated.Items;
    }

    /// <summary>Greedy backtracking match of the type symbols against the parameters (like the regex <c>^(p1)(p2)...$</c>).</summary>
    private bool Match(ReadOnlySpan<char> supplied, int paramIndex, int position, Span<int> ends)
    {
        if (paramIndex == parameters.Count)
        {
            return position == supplied.Length;
        }

        var param = parameters[paramIndex];
        var max = 0;
        while (position + max < supplied.Length && param.Allows(supplied[position + max]) && (max == 0 || param.Repeat))
        {
            max++;
        }

        var min = param.Optional ? 0 : 1;
        for (var take = max; take >= min; take--)
        {
            ends[paramIndex] = position + take;
            if (Match(supplied, paramIndex + 1, position + take, ends))
            {
                return true;
            }
        }

        return false;
    }

    private JsonataException ValidationError(object?[] args, string supplied)
    {
        var partial = new StringBuilder("^");
        var goodTo = 0;
        foreach (var p in parameters)
        {
            partial.Append(p.Pattern);
            var m = Regex.Match(supplied, partial.ToString(), RegexOptions.CultureInvariant);
            if (!m.Success)
            {
                return new JsonataException("T0410").WithValue(goodTo < args.Length ? args[goodTo] : null).WithIndex(goodTo + 1);
            }

            goodTo = m.Length;
        }

        return new JsonataException("T0410").WithValue(goodTo < args.Length ? args[goodTo] : null).WithIndex(goodTo + 1);
    }

    private sealed class Param(char type, string pattern)
    {
        public char Type { get; } = type;

        public string Pattern { get; set; } = pattern;

        public bool Optional => Pattern.EndsWith('?') || Pattern.EndsWith("?+", StringComparison.Ordinal);

        public bool Repeat => Pattern.EndsWith('+');

        public string Allowed { get; } = pattern[0] == '[' ? pattern[1..^1] : pattern;

        public bool Allows(char symbol) => Allowed.Contains(symbol, StringComparison.Ordinal);

        public bool Context { get; set; }

        public string? Subtype { get; set; }
    }
}
