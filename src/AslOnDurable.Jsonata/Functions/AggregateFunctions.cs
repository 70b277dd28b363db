using AslOnDurable.Jsonata.Evaluation;

namespace AslOnDurable.Jsonata.Functions;

/// <summary><c>$sum</c>, <c>$count</c>, <c>$max</c>, <c>$min</c>, <c>$average</c>.</summary>
internal static class AggregateFunctions
{
    /// <summary>Registers the functions.</summary>
    public static void Register(FunctionRegistration add)
    {
        add("sum", "<a<n>:n>", 1, static (_, a, _, _) =>
        {
            if (a[0] is not JList list)
            {
                return null;
            }

            var total = 0d;
            foreach (var n in list)
            {
                total += (double)n!;
            }

            return total;
        });
        add("count", "<a:n>", 1, static (_, a, _, _) => a[0] is JList list ? (double)list.Count : 0d);
        add("max", "<a<n>:n>", 1, static (_, a, _, _) =>
        {
            if (a[0] is not JList { Count: > 0 } list)
            {
                return null;
            }

            var max = double.NegativeInfinity;
            foreach (var n in list)
            {
                max = Math.Max(max, (double)n!);
            }

            return max;
        });
        add("min", "<a<n>:n>", 1, static (_, a, _, _) =>
        {
            if (a[0] is not JList { Count: > 0 } list)
            {
                return null;
            }

            var min = double.PositiveInfinity;
            foreach (var n in list)
            {
                min = Math.Min(min, (double)n!);
            }

            return min;
        });
        add("average", "<a<n>:n>", 1, static (_, a, _, _) =>
        {
            if (a[0] is not JList { Count: > 0 } list)
            {
                return null;
            }

            var total = 0d;
            foreach (var n in list)
            {
                total += (double)n!;
            }

            return total / list.Count;
        });
    }
}
