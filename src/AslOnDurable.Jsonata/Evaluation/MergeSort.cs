namespace AslOnDurable.Jsonata.Evaluation;

/// <summary>The stable merge sort JSONata specifies; the comparator returns true to swap.</summary>
internal static class MergeSort
{
    /// <summary>Sorts <paramref name="items"/> into a new array.</summary>
    public static T[] Sort<T>(T[] items, Func<T, T, bool> swap)
    {
        if (items.Length <= 1)
        {
            return items;
        }

        var middle = items.Length / 2;
        var left = Sort(items[..middle], swap);
        var right = Sort(items[middle..], swap);
        var merged = new T[items.Length];
        int l = 0, r = 0, m = 0;
        while (l < left.Length && r < right.Length)
        {
            if (swap(left[l], right[r]))
            {
                merged[m++] = right[r++];
            }
            else
            {
                merged[m++] = left[l++];
            }
        }

        while (l < left.Length)
        {
            merged[m++] = left[l++];
        }

        while (r < right.Length)
        {
            merged[m++] = right[r++];
        }

        return merged;
    }
}
