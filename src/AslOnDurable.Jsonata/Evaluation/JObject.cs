using System.Collections;

namespace AslOnDurable.Jsonata.Evaluation;

/// <summary>A JSON object value: string keys in insertion order.</summary>
/// <remarks>
/// Most objects an expression builds have a handful of members, so the members live in one array searched linearly
/// (keys compared by reference first: they are mostly the same strings from the expression or the input); an index
/// by key is built only once an object grows past <see cref="LinearLimit"/> members.
/// </remarks>
internal sealed class JObject : IEnumerable<KeyValuePair<string, object?>>
{
    private const int LinearLimit = 8;
    private KeyValuePair<string, object?>[] entries;
    private int count;
    private Dictionary<string, int>? index;
    private long measure;
    private byte[]? keptText; // see Evaluation.KeptText

    /// <summary>Creates an empty object.</summary>
    public JObject()
    {
        entries = [];
    }

    /// <summary>Creates an empty object with a capacity.</summary>
    public JObject(int capacity)
    {
        entries = capacity > 0 ? new KeyValuePair<string, object?>[capacity] : [];
    }

    /// <summary>Its plain-JSON measure, once measured (see <see cref="PlainJsonMeasure"/>).</summary>
    public PlainJsonMeasure? Measure
    {
        get => PlainJsonMeasure.Load(ref measure);
        set => PlainJsonMeasure.Store(ref measure, value);
    }

    /// <summary>
    /// The object's compact JSON text as <see cref="NodeTextWriter"/> wrote it (default encoder, not indented), and the
    /// depth of its deepest container below it (0: none), kept by <see cref="KeepText"/>; empty when none is kept or the
    /// kept one may be stale (the object or one inside it changed since).
    /// </summary>
    public ReadOnlySpan<byte> KeptText(out int height) => Evaluation.KeptText.Read(ref keptText, out height);

    /// <summary>Keeps the object's text (see <see cref="KeptText"/>), written while <paramref name="epoch"/> was current.</summary>
    public void KeepText(ReadOnlySpan<byte> text, int height, int epoch) => Evaluation.KeptText.Keep(ref keptText, text, height, epoch);

    /// <summary>
    /// Whether the object's text was written before while none is kept (or a stale one is): the first call marks it and
    /// answers no, later ones yes.
    /// </summary>
    public bool WrittenBefore() => Evaluation.KeptText.WrittenBefore(ref keptText);

    /// <summary>The number of members.</summary>
    public int Count => count;

    /// <summary>The value of <paramref name="key"/>; setting it replaces the value in place or appends the member.</summary>
    /// <exception cref="KeyNotFoundException">Reading a key the object does not have.</exception>
    public object? this[string key]
    {
        get => IndexOf(key) is var i and >= 0 ? entries[i].Value : throw new KeyNotFoundException(key);
        set
        {
            var i = IndexOf(key);
            if (i >= 0)
            {
                keptText = null;
                entries[i] = new(entries[i].Key, value);
            }
            else
            {
                Append(key, value);
            }
        }
    }

    /// <summary>Appends a member.</summary>
    /// <exception cref="ArgumentException">The object already has <paramref name="key"/>.</exception>
    public void Add(string key, object? value)
    {
        if (IndexOf(key) >= 0)
        {
            throw new ArgumentException($"An item with the same key has already been added. Key: {key}", nameof(key));
        }

        Append(key, value);
    }

    /// <summary>Appends a member the caller knows the object does not have yet (no search).</summary>
    public void AddNew(string key, object? value) => Append(key, value);

    /// <summary>The value of <paramref name="key"/>, if the object has it.</summary>
    public bool TryGetValue(string key, out object? value)
    {
        var i = IndexOf(key);
        if (i >= 0)
        {
            value = entries[i].Value;
            return true;
        }

        value = null;
        return false;
    }

    /// <summary>The value of <paramref name="key"/>, or null when the object does not have it.</summary>
    public object? GetValueOrDefault(string key) => IndexOf(key) is var i and >= 0 ? entries[i].Value : null;

    /// <summary>Whether the object has <paramref name="key"/>.</summary>
    public bool ContainsKey(string key) => IndexOf(key) >= 0;

    /// <summary>Removes <paramref name="key"/>, keeping the order of the others.</summary>
    public bool Remove(string key)
    {
        var i = IndexOf(key);
        if (i < 0)
        {
            return false;
        }

        keptText = null;
        count--;
        Array.Copy(entries, i + 1, entries, i, count - i);
        entries[count] = default;
        if (index is not null)
        {
            index = count > LinearLimit ? BuildIndex() : null;
        }

        return true;
    }

    /// <summary>The member at <paramref name="position"/> in insertion order.</summary>
    public KeyValuePair<string, object?> GetAt(int position)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)position, (uint)count, nameof(position));
        return entries[position];
    }

    /// <summary>The members in insertion order, as they are stored (read only while nothing adds or removes one).</summary>
    internal ReadOnlySpan<KeyValuePair<string, object?>> Members => entries.AsSpan(0, count);

    /// <summary>
    /// Whether this object has more members than <paramref name="other"/> and its first ones are all of
    /// <paramref name="other"/>'s, in the same order: the same names and the same values (the same instances), as
    /// <c>$merge</c> of <paramref name="other"/> with new members makes it.
    /// </summary>
    internal bool StartsWithMembersOf(JObject other)
    {
        var shared = other.count;
        if (shared == 0 || count <= shared)
        {
            return false;
        }

        var mine = entries;
        var theirs = other.entries;
        for (var i = 0; i < shared; i++)
        {
            if (!ReferenceEquals(mine[i].Value, theirs[i].Value)
                || !(ReferenceEquals(mine[i].Key, theirs[i].Key) || string.Equals(mine[i].Key, theirs[i].Key, StringComparison.Ordinal)))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The members in insertion order.</summary>
    public Enumerator GetEnumerator() => new(this);

    /// <inheritdoc/>
    IEnumerator<KeyValuePair<string, object?>> IEnumerable<KeyValuePair<string, object?>>.GetEnumerator() => GetEnumerator();

    /// <inheritdoc/>
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private int IndexOf(string key)
    {
        if (index is not null)
        {
            return index.TryGetValue(key, out var at) ? at : -1;
        }

        var items = entries;
        var n = count;
        for (var i = 0; i < n; i++)
        {
            if (ReferenceEquals(items[i].Key, key))
            {
                return i;
            }
        }

        for (var i = 0; i < n; i++)
        {
            if (string.Equals(items[i].Key, key, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    private void Append(string key, object? value)
    {
        ArgumentNullException.ThrowIfNull(key);
        keptText = null;
        if (count == entries.Length)
        {
            Array.Resize(ref entries, count == 0 ? 4 : count * 2);
        }

        entries[count] = new(key, value);
        count++;
        if (index is not null)
        {
            index[key] = count - 1;
        }
        else if (count > LinearLimit)
        {
            index = BuildIndex();
        }
    }

    private Dictionary<string, int> BuildIndex()
    {
        var built = new Dictionary<string, int>(count, StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            built[entries[i].Key] = i;
        }

        return built;
    }

    /// <summary>Enumerates the members in insertion order.</summary>
    public struct Enumerator : IEnumerator<KeyValuePair<string, object?>>
    {
        private readonly JObject owner;
        private int position;

        internal Enumerator(JObject owner)
        {
            this.owner = owner;
            position = -1;
        }

        /// <inheritdoc/>
        public readonly KeyValuePair<string, object?> Current => owner.entries[position];

        /// <inheritdoc/>
        readonly object IEnumerator.Current => Current;

        /// <inheritdoc/>
        public bool MoveNext() => ++position < owner.count;

        /// <inheritdoc/>
        public void Reset() => position = -1;

        /// <inheritdoc/>
        public readonly void Dispose()
        {
        }
    }
}
