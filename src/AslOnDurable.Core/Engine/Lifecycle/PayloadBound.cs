using AslOnDurable.Core.Json;

namespace AslOnDurable.Core.Engine.Lifecycle;

/// <summary>
/// What is known of a payload without measuring it again: at least its compact UTF-8 size as the quota counts it
/// (<see cref="Size"/>), and at least how many levels of arrays and objects its deepest path nests (<see cref="Levels"/>).
/// A bound within the quota whose levels are within <see cref="JsonLimits.MaxDepth"/> proves what
/// <see cref="PayloadSizeGuard.Exceeds(System.Text.Json.Nodes.JsonNode?, int)"/> would find by walking the payload: neither over
/// the quota nor too deep. Bounds travel with a value while it is passed on unchanged (a Task's result as the state's and
/// the iteration's output), and a Map adds its iterations' up for its result, so neither the result nor the execution's
/// output is written out again just to be measured.
/// </summary>
/// <param name="Size">At least the payload's size in bytes.</param>
/// <param name="Levels">At least the nesting of its deepest array or object (0 for a scalar).</param>
internal readonly record struct PayloadBound(long Size, int Levels)
{
    /// <summary>A JSON <c>null</c>: 4 bytes, no containers.</summary>
    public static PayloadBound Null => new(4, 0);

    /// <summary>
    /// The bound of text written (<see cref="PayloadUpperBound"/>) or read (a member of a record read with the depth limit)
    /// within <see cref="PayloadUpperBound.MaxWriteDepth"/> levels.
    /// </summary>
    /// <param name="size">The text's UTF-8 length (at least the payload's size).</param>
    /// <returns>The bound.</returns>
    public static PayloadBound Written(long size) => new(size, PayloadUpperBound.MaxWriteDepth);

    /// <summary>The bound of a payload measured exactly (<see cref="PayloadSizeGuard.Size(System.Text.Json.Nodes.JsonNode?)"/> passed its depth check).</summary>
    /// <param name="size">The exact size.</param>
    /// <returns>The bound.</returns>
    public static PayloadBound Measured(long size) => new(size, JsonLimits.MaxDepth);

    /// <summary>Whether the bound proves the payload within <paramref name="limit"/> bytes and the depth limit.</summary>
    /// <param name="limit">The quota in bytes.</param>
    /// <returns>True when no measure is needed.</returns>
    public bool ProvesWithin(int limit) => Size <= limit && Levels <= JsonLimits.MaxDepth;

    private const long PackedSizes = 1L << 40; // sizes below 1 TiB (a bound that proves anything is within an int quota)

    /// <summary>
    /// The bound in one word, for the value types that carry one per step and per branch (kept small: they are copied and
    /// boxed with every state): 0 for none (also what <c>default</c> holds).
    /// </summary>
    /// <param name="bound">The bound, or <see langword="null"/>.</param>
    /// <returns>The word.</returns>
    public static long Pack(PayloadBound? bound) =>
        bound is { Size: >= 0 and < PackedSizes, Levels: >= 0 and <= JsonLimits.MaxDepth + 1 } known ? 1 + (known.Size | ((long)known.Levels << 40)) : 0;

    /// <summary>The bound <see cref="Pack"/> put in <paramref name="word"/>.</summary>
    /// <param name="word">The word.</param>
    /// <returns>The bound, or <see langword="null"/> for 0.</returns>
    public static PayloadBound? Unpack(long word) => word == 0 ? null : new((word - 1) & (PackedSizes - 1), (int)((word - 1) >> 40));

    /// <summary>Sums the bounds of an array's items (see <see cref="Array"/>).</summary>
    internal struct ArraySum
    {
        private long size;
        private int levels;

        /// <summary>How many items were added.</summary>
        public int Count { get; private set; }

        /// <summary>Adds an item's bound.</summary>
        /// <param name="item">The item's bound.</param>
        public void Add(PayloadBound item)
        {
            size += item.Size;
            levels = Math.Max(levels, item.Levels);
            Count++;
        }

        /// <summary>The bound of the array of the added items: brackets, commas, the items, one level more.</summary>
        /// <returns>The bound.</returns>
        public readonly PayloadBound Array() => new(2 + Math.Max(0, Count - 1) + size, levels + 1);
    }
}
